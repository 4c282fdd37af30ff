import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import { createTestDatabases } from '@db/test-database';
import type { DebriefDatabase } from '@db/schema';
import { FieldLog } from './field-log';
import { slaPreset } from '@core/action-items/sla-policy';
import { readSlaPolicy, writeSlaPolicy } from '@data/action-items';
import { addCanReport, addManualEvent, addRedaction, deleteManualEvent, onEventChange, setPinned } from '@data/events';
import { addMilestone, deleteMilestone } from '@data/milestones';
import { createAnnotation, updateAnnotation } from '@data/annotations';
import { deleteRecord, putRecord } from '../write-log';
import { INCIDENT_DOC_TABLES, TEAM_SETTINGS_TABLE } from './mirrored-tables';
import { RecordMirror, type MirroredTable } from './record-mirror';

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
  mirrors: RecordMirror<object>[];
  errors: unknown[];
  start(): void;
  idle(): Promise<void>;
}

/**
 * One app's side of a shared incident: its own database, its Y.Doc of the incident (and of the
 * team), and the mirrors team sync runs. Updates travel as Hocuspocus relays them: each local
 * update goes to every peer while "online"; offline ones are sent on reconnect.
 */
async function replica(device: string, incidentId: string, online: { connected: boolean }, peers: Y.Doc[]): Promise<Replica> {
  const database = await openDatabase();
  const doc = new Y.Doc();
  const errors: unknown[] = [];
  const pending: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'remote') return;
    pending.push(update);
    if (!online.connected) return;
    const updates = pending.splice(0);
    for (const peer of peers) if (peer !== doc) for (const u of updates) Y.applyUpdate(peer, u, 'remote');
  });
  const tables = [...INCIDENT_DOC_TABLES, TEAM_SETTINGS_TABLE] as unknown as MirroredTable<object>[];
  const mirrors = tables.map(
    (def) => new RecordMirror(database, FieldLog.of(doc, def.name, device), def, def === (TEAM_SETTINGS_TABLE as unknown) ? 'acme' : incidentId, { name: device }, (e) => errors.push(e)),
  );
  return {
    database,
    doc,
    mirrors,
    errors,
    start: () => mirrors.forEach((m) => m.start()),
    idle: async () => {
      for (let i = 0; i < 5; i += 1) {
        await Promise.all(mirrors.map((m) => m.idle()));
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    },
  };
}

/** Sends each side what the other lacks (a reconnect). */
function reconnect(link: { connected: boolean }, a: Replica, b: Replica): void {
  link.connected = true;
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), 'remote');
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), 'remote');
}

async function pair(): Promise<{ a: Replica; b: Replica; link: { connected: boolean } }> {
  const docs: Y.Doc[] = [];
  const link = { connected: true };
  const a = await replica('device-a', 'inc-1', link, docs);
  const b = await replica('device-b', 'inc-1', link, docs);
  docs.push(a.doc, b.doc);
  await putRecord(a.database, 'incidents', incident('inc-1'));
  a.start();
  await a.idle();
  b.start();
  await b.idle();
  return { a, b, link };
}

async function storedItem(r: Replica): Promise<ActionItem> {
  const stored = await r.database.actionItems.get('item-1');
  if (!stored) throw new Error('item-1 is not stored');
  return stored;
}

const later = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('RecordMirror', () => {
  it('brings a shared incident and its action items to a teammate who has nothing', async () => {
    const docs: Y.Doc[] = [];
    const a = await replica('device-a', 'inc-1', { connected: true }, docs);
    const b = await replica('device-b', 'inc-1', { connected: true }, docs);
    docs.push(a.doc, b.doc);
    await putRecord(a.database, 'incidents', incident('inc-1'));
    await putRecord(a.database, 'actionItems', item('item-1', 'inc-1'));
    a.start();
    await a.idle();
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'remote');
    b.start();
    await b.idle();
    expect(await b.database.incidents.get('inc-1')).toMatchObject({ title: 'Checkout down', roles: [{ role: 'Scribe', name: 'Ben' }], deletedAt: null });
    expect(await b.database.actionItems.get('item-1')).toMatchObject({ incidentId: 'inc-1', ownerName: 'Ana', priority: 'P2' });

    // Live edits both ways, and a deletion.
    await putRecord(b.database, 'actionItems', { ...await storedItem(b), status: 'done', updatedAt: Date.now() });
    await b.idle();
    await a.idle();
    expect((await a.database.actionItems.get('item-1'))?.status).toBe('done');
    await deleteRecord(a.database, 'actionItems', 'item-1');
    await a.idle();
    await b.idle();
    expect(await b.database.actionItems.get('item-1')).toBeUndefined();
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('merges offline edits: different fields both win, the same field goes to the later edit', async () => {
    const { a, b, link } = await pair();
    await putRecord(a.database, 'actionItems', item('item-1', 'inc-1'));
    await a.idle();
    await b.idle();

    link.connected = false;
    await putRecord(a.database, 'actionItems', { ...await storedItem(a), ownerName: 'Sam', priority: 'P1', updatedAt: Date.now() });
    await a.idle();
    await later();
    await putRecord(b.database, 'actionItems', { ...await storedItem(b), status: 'in-progress', priority: 'P4', updatedAt: Date.now() });
    await b.idle();
    reconnect(link, a, b);
    await a.idle();
    await b.idle();
    for (const r of [a, b]) {
      expect(await r.database.actionItems.get('item-1')).toMatchObject({ ownerName: 'Sam', status: 'in-progress', priority: 'P4' });
    }
    const history = FieldLog.of(a.doc, 'actionItems', 'device-a').fields('item-1')?.get('priority');
    expect(history?.others.map((o) => o.v)).toEqual(['P1']);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('merges edits made while the app was closed with the shared state it finds on start', async () => {
    const docs: Y.Doc[] = [];
    const link = { connected: true };
    const a = await replica('device-a', 'inc-1', link, docs);
    const b = await replica('device-b', 'inc-1', link, docs);
    docs.push(a.doc, b.doc);
    for (const r of [a, b]) {
      await putRecord(r.database, 'incidents', incident('inc-1'));
      await putRecord(r.database, 'actionItems', item('item-1', 'inc-1'));
    }
    a.start();
    await a.idle();
    await putRecord(b.database, 'actionItems', { ...await storedItem(b), ownerName: 'Kim', updatedAt: Date.now() });
    b.start();
    await b.idle();
    await a.idle();
    expect(await a.database.actionItems.get('item-1')).toMatchObject({ ownerName: 'Kim' });
  });

  it('syncs milestones, annotations (not their text, co-edited elsewhere), typed-in events and CAN reports, with deletions', async () => {
    const { a, b } = await pair();
    const milestone = await addMilestone('inc-1', { kind: 'Under Control', label: '', at: 5_000, eventId: null, note: 'rollback done' }, a.database);
    const annotation = await createAnnotation({ incidentId: 'inc-1', target: { type: 'incident' }, author: 'Ana', tags: ['went well'], plainText: 'Paging worked' }, a.database);
    const note = await addManualEvent(a.database, 'inc-1', { at: 4_000, typed: '00:04', actorName: 'Ana', text: 'Called the bank' });
    const can = await addCanReport(a.database, 'inc-1', { at: 4_500, typed: '00:04', actorName: 'Ben' }, { conditions: 'EU down', actions: 'Failover', needs: 'DBA' });
    await a.idle();
    await b.idle();
    expect(await b.database.milestones.get(milestone.id)).toMatchObject({ kind: 'Under Control', label: 'Under Control', at: 5_000, note: 'rollback done', incidentId: 'inc-1' });
    expect(await b.database.annotations.get(annotation.id)).toMatchObject({ plainText: '', body: '', tags: ['went well'], author: 'Ana' });
    expect(await b.database.manualEvents.get(note.id)).toMatchObject({ text: 'Called the bank', sourceId: 'manual:inc-1', sourceFormat: 'manual', kind: 'note' });
    expect(await b.database.manualEvents.get(can.id)).toMatchObject({ raw: { can: { conditions: 'EU down', actions: 'Failover', needs: 'DBA' } } });

    // A tag added there reaches here, and the text stored here stays; deletions both ways.
    await updateAnnotation(annotation.id, { tags: ['question', 'went well'], plainText: 'Paging worked; the runbook did not', body: '{"root":{}}' }, b.database);
    await deleteManualEvent(b.database, { ...note, pinned: false, redacted: false, redactions: [] });
    await deleteMilestone(milestone.id, a.database);
    await a.idle();
    await b.idle();
    expect(await a.database.annotations.get(annotation.id)).toMatchObject({ plainText: 'Paging worked', body: '', tags: ['question', 'went well'] });
    expect(await a.database.manualEvents.get(note.id)).toBeUndefined();
    expect(await b.database.milestones.get(milestone.id)).toBeUndefined();
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('syncs key moments and redactions; unpinning here keeps a redaction made there meanwhile, and the timeline hears of it', async () => {
    const { a, b, link } = await pair();
    const event = await addManualEvent(a.database, 'inc-1', { at: 4_000, typed: '00:04', actorName: 'Ana', text: 'token abc123 leaked' });
    await setPinned(a.database, event, true);
    await a.idle();
    await b.idle();
    expect(await b.database.eventState.get(event.id)).toMatchObject({ pinned: true, redacted: false, redactions: [] });

    const heard: string[][] = [];
    const unlisten = onEventChange(b.database.name, 'inc-1', (change) => change.type === 'events' && heard.push(change.ids));
    link.connected = false;
    await setPinned(a.database, event, false); // a's state record is deleted: nothing left
    await later();
    await addRedaction(b.database, event, { start: 6, end: 12 });
    reconnect(link, a, b);
    await a.idle();
    await b.idle();
    for (const r of [a, b]) expect(await r.database.eventState.get(event.id)).toMatchObject({ pinned: false, redactions: [{ start: 6, end: 12 }] });
    expect(heard.flat()).toContain(event.id);

    await setPinned(b.database, event, true);
    await b.idle();
    await a.idle();
    expect((await a.database.eventState.get(event.id))?.pinned).toBe(true);
    unlisten();
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('ignores writes to other incidents and other tables without touching the shared document', async () => {
    const { a } = await pair();
    let updates = 0;
    a.doc.on('update', () => updates++);
    await putRecord(a.database, 'incidents', incident('inc-2'));
    await putRecord(a.database, 'actionItems', item('item-9', 'inc-2'));
    await addMilestone('inc-2', { kind: 'Detect', label: '', at: 1, eventId: null, note: '' }, a.database);
    await putRecord(a.database, 'settings', { key: 'timeline-view', value: { compact: true }, updatedAt: 1 });
    await a.idle();
    expect(updates).toBe(0);
  });

  it('shares the team’s SLA policy: a teammate who never set one gets it, and the later change wins', async () => {
    const { a, b } = await pair();
    const policy = { ...slaPreset('pagerduty'), holidays: ['2026-12-25'] };
    await writeSlaPolicy(policy, a.database);
    await a.idle();
    await b.idle();
    expect((await readSlaPolicy(b.database)).policy).toEqual(policy);
    await writeSlaPolicy({ ...policy, countFrom: 'resolution' }, b.database);
    await b.idle();
    await a.idle();
    expect((await readSlaPolicy(a.database)).policy.countFrom).toBe('resolution');

    // A malformed policy from another app is reported and never stored.
    FieldLog.of(b.doc, 'settings', 'device-evil').write('sla-policy', { value: { preset: 'nope' } }, Date.now() + 60_000, 'Mallory');
    await a.idle();
    expect((await readSlaPolicy(a.database)).policy.countFrom).toBe('resolution');
    expect(a.errors).toHaveLength(1);
  });

  it('never lets an empty shared state erase local records, and keeps the incident when it is deleted here', async () => {
    const docs: Y.Doc[] = [];
    const a = await replica('device-a', 'inc-1', { connected: true }, docs);
    const b = await replica('device-b', 'inc-1', { connected: true }, docs);
    docs.push(a.doc, b.doc);
    await putRecord(a.database, 'incidents', incident('inc-1'));
    await putRecord(a.database, 'actionItems', item('item-1', 'inc-1'));
    a.start();
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(new Y.Doc()), 'remote');
    await a.idle();
    expect(await a.database.incidents.get('inc-1')).toBeDefined();
    b.start();
    await b.idle();
    // Purging the incident here (its cascade) removes nothing for the team.
    const { deleteIncidentCascade } = await import('../incidents/cascade');
    await deleteIncidentCascade(a.database, 'inc-1');
    await a.idle();
    await b.idle();
    expect(await b.database.incidents.get('inc-1')).toBeDefined();
    expect(await b.database.actionItems.get('item-1')).toBeDefined();
  });
});
