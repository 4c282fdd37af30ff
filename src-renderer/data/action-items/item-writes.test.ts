import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import type { IncidentDraft } from '@core/model/incident';
import { createIncident } from '../incidents/incident-writes';
import { onWrites, type WriteBatch } from '../write-log';
import { applyDueChanges, createActionItem, deleteActionItem, restoreActionItem, updateActionItem } from './item-writes';

const freshDb = createTestDatabases('action-item-writes');

const draft = {
  title: 'Checkout outage',
  summary: '',
  severity: 'SEV2' as const,
  status: 'resolved' as const,
  startedAt: Date.UTC(2024, 5, 12, 10),
  detectedAt: null,
  resolvedAt: Date.UTC(2024, 5, 12, 12),
  reviewAt: null,
  commander: '',
  services: [],
  roles: [],
  timeZone: 'UTC',
} satisfies IncidentDraft;

describe('action item writes', () => {
  it('creates, edits and closes an item through the write log, stamping completedAt', async () => {
    const database = await freshDb();
    const incident = await createIncident(draft, database);
    const batches: WriteBatch[] = [];
    const stop = onWrites((b) => batches.push(b));
    const item = await createActionItem({ incidentId: incident.id, title: 'Add a canary' }, { now: 1000, timeZone: 'UTC' }, database);
    const done = await updateActionItem(item.id, { status: 'done', ownerName: 'Ana' }, 2000, database);
    stop();
    expect(done.completedAt).toBe(2000);
    expect(batches.map((b) => b.writes.map((w) => [w.op, w.table, w.fields.join(',')]))).toEqual([
      [['put', 'actionItems', expect.stringContaining('title')]],
      [['put', 'actionItems', 'completedAt,ownerName,status,updatedAt']],
    ]);
  });

  it('refuses an item that breaks an invariant, naming the field, and writes nothing', async () => {
    const database = await freshDb();
    const incident = await createIncident(draft, database);
    const item = await createActionItem({ incidentId: incident.id, title: 'Add a canary' }, { now: 1000, timeZone: 'UTC' }, database);
    await expect(updateActionItem(item.id, { status: 'wont-do' }, 2000, database)).rejects.toMatchObject({ code: 'INVALID', location: { field: 'wontDoReason' } });
    expect((await database.actionItems.get(item.id))?.status).toBe('open');
    await expect(createActionItem({ incidentId: 'nope', title: 'x' }, {}, database)).rejects.toMatchObject({ code: 'NO_INCIDENT' });
  });

  it('moves previewed due dates except those set by hand, and undoes a delete exactly', async () => {
    const database = await freshDb();
    const incident = await createIncident(draft, database);
    const follows = await createActionItem({ incidentId: incident.id, title: 'a' }, { now: 1000, timeZone: 'UTC' }, database);
    const byHand = await createActionItem({ incidentId: incident.id, title: 'b', dueAt: 5000 }, { now: 1000, timeZone: 'UTC' }, database);
    const moved = await applyDueChanges(
      [follows, byHand].map((i) => ({ itemId: i.id, incidentId: incident.id, oldDueAt: i.dueAt, newDueAt: 9000 })),
      3000,
      database,
    );
    expect(moved).toBe(1);
    expect((await database.actionItems.get(follows.id))?.dueAt).toBe(9000);
    expect((await database.actionItems.get(byHand.id))?.dueAt).toBe(5000);
    const removed = await deleteActionItem(byHand.id, database);
    expect(await database.actionItems.get(byHand.id)).toBeUndefined();
    if (!removed) throw new Error('the delete returned nothing to undo');
    await restoreActionItem(removed, database);
    expect(await database.actionItems.get(byHand.id)).toEqual(removed);
  });
});
