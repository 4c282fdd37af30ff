import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import { createTestDatabases } from '@db/test-database';
import type { DebriefDatabase } from '@db/schema';
import { FieldLog } from './field-log';
import { ACTION_ITEMS_TABLE, INCIDENT_TABLE } from './mirrored-tables';
import { RecordMirror } from './record-mirror';

const openDatabase = createTestDatabases('record-mirror');

function incident(id: string): Incident {
  return {
    id,
    title: 'Checkout down',
    severity: 'SEV2',
    status: 'in-review',
    startedAt: 1_000,
    detectedAt: 2_000,
    resolvedAt: null,
    reviewAt: null,
    timeZone: 'Europe/Paris',
    services: ['checkout'],
    commander: 'Ana',
    roles: [{ role: 'Scribe', name: 'Ben' }],
    summary: '',
    createdAt: 500,
    updatedAt: 500,
    deletedAt: null,
  };
}

function item(id: string, incidentId: string, patch: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    incidentId,
    title: 'Alert on queue depth',
    description: '',
    ownerId: null,
    ownerName: 'Ana',
    priority: 'P2',
    status: 'open',
    wontDoReason: '',
    kind: 'detect',
    createdAt: 600,
    dueAt: 90_000,
    dueSetByHand: false,
    completedAt: null,
    trackerUrl: '',
    eventIds: [],
    annotationIds: [],
    updatedAt: 600,
    ...patch,
  };
}

interface Replica {
  database: DebriefDatabase;
  doc: Y.Doc;
  mirrors: RecordMirror<Incident | ActionItem>[];
  errors: unknown[];
  idle(): Promise<void>;
}

async function replica(device: string, incidentId: string, online: { connected: boolean }, peers: Y.Doc[]): Promise<Replica> {
  const database = await openDatabase();
  const doc = new Y.Doc();
  const errors: unknown[] = [];
  // Updates travel as Hocuspocus relays them: each local update goes to every peer while "online".
  const pending: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'remote') return;
    pending.push(update);
    if (!online.connected) return;
    const updates = pending.splice(0);
    for (const peer of peers) if (peer !== doc) for (const u of updates) Y.applyUpdate(peer, u, 'remote');
  });
  const mirrors = [INCIDENT_TABLE, ACTION_ITEMS_TABLE].map(
    (def) =>
      new RecordMirror(database, FieldLog.of(doc, def.name, device), def as never, incidentId, { name: device }, (e) => errors.push(e)) as RecordMirror<
        Incident | ActionItem
      >,
  );
  return {
    database,
    doc,
    mirrors,
    errors,
    idle: async () => {
      for (let i = 0; i < 5; i += 1) {
        await Promise.all(mirrors.map((m) => m.idle()));
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    },
  };
}

describe('RecordMirror', () => {
  it('brings a shared incident and its action items to a teammate who has nothing', async () => {
    const docs: Y.Doc[] = [];
    const a = await replica('device-a', 'inc-1', { connected: true }, docs);
    const b = await replica('device-b', 'inc-1', { connected: true }, docs);
    docs.push(a.doc, b.doc);
    await a.database.incidents.add(incident('inc-1'));
    await a.database.actionItems.add(item('item-1', 'inc-1'));
    a.mirrors.forEach((m) => m.start());
    await a.idle();
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'remote');
    b.mirrors.forEach((m) => m.start());
    await b.idle();
    expect(await b.database.incidents.get('inc-1')).toMatchObject({ title: 'Checkout down', roles: [{ role: 'Scribe', name: 'Ben' }], deletedAt: null });
    expect(await b.database.actionItems.get('item-1')).toMatchObject({ incidentId: 'inc-1', ownerName: 'Ana', priority: 'P2' });

    // Live edits both ways, and a deletion.
    await b.database.actionItems.update('item-1', { status: 'done', updatedAt: Date.now() });
    await b.idle();
    await a.idle();
    expect((await a.database.actionItems.get('item-1'))?.status).toBe('done');
    await a.database.actionItems.delete('item-1');
    await a.idle();
    await b.idle();
    expect(await b.database.actionItems.get('item-1')).toBeUndefined();
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('merges offline edits: different fields both win, the same field goes to the later edit', async () => {
    const docs: Y.Doc[] = [];
    const link = { connected: true };
    const a = await replica('device-a', 'inc-1', link, docs);
    const b = await replica('device-b', 'inc-1', link, docs);
    docs.push(a.doc, b.doc);
    for (const r of [a, b]) {
      await r.database.incidents.add(incident('inc-1'));
      await r.database.actionItems.add(item('item-1', 'inc-1'));
    }
    a.mirrors.forEach((m) => m.start());
    await a.idle();
    b.mirrors.forEach((m) => m.start());
    await b.idle();

    link.connected = false;
    await a.database.actionItems.update('item-1', { ownerName: 'Sam', priority: 'P1', updatedAt: Date.now() });
    await a.idle();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.database.actionItems.update('item-1', { status: 'in-progress', priority: 'P4', updatedAt: Date.now() });
    await b.idle();
    // Reconnect: both sides exchange what the other lacks.
    link.connected = true;
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), 'remote');
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), 'remote');
    await a.idle();
    await b.idle();
    for (const r of [a, b]) {
      expect(await r.database.actionItems.get('item-1')).toMatchObject({ ownerName: 'Sam', status: 'in-progress', priority: 'P4' });
    }
    const history = FieldLog.of(a.doc, 'actionItems', 'device-a').fields('item-1')?.get('priority');
    expect(history?.others.map((o) => o.v)).toEqual(['P1']);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('never lets an empty shared state erase local records, and keeps the incident when it is deleted here', async () => {
    const docs: Y.Doc[] = [];
    const a = await replica('device-a', 'inc-1', { connected: true }, docs);
    const b = await replica('device-b', 'inc-1', { connected: true }, docs);
    docs.push(a.doc, b.doc);
    await a.database.incidents.add(incident('inc-1'));
    a.mirrors.forEach((m) => m.start());
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(new Y.Doc()), 'remote');
    await a.idle();
    expect(await a.database.incidents.get('inc-1')).toBeDefined();
    b.mirrors.forEach((m) => m.start());
    await b.idle();
    await a.database.incidents.delete('inc-1');
    await a.idle();
    await b.idle();
    expect(await b.database.incidents.get('inc-1')).toBeDefined();
  });
});
