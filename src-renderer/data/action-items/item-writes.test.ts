import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import type { IncidentDraft } from '@core/model/incident';
import { createIncident } from '../incidents/incident-writes';
import { onWrites, type WriteBatch } from '../write-log';
import { applyDueChanges, createActionItem, deleteActionItem, planIncidentDates, restoreActionItem, saveIncidentWithDueDates, undoIncidentWithDueDates, updateActionItem } from './item-writes';

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
      [follows, byHand].map((i) => ({ itemId: i.id, incidentId: incident.id, oldDueAt: i.dueAt, newDueAt: 9000, newSlaStartAt: 500 })),
      3000,
      database,
    );
    expect(moved).toBe(1);
    expect(await database.actionItems.get(follows.id)).toMatchObject({ dueAt: 9000, slaStartAt: 500 });
    expect((await database.actionItems.get(byHand.id))?.dueAt).toBe(5000);
    const removed = await deleteActionItem(byHand.id, database);
    expect(await database.actionItems.get(byHand.id)).toBeUndefined();
    if (!removed) throw new Error('the delete returned nothing to undo');
    await restoreActionItem(removed, database);
    expect(await database.actionItems.get(byHand.id)).toEqual(removed);
  });

  it('keeps the SLA start with a due date the policy gives, and none with one set by hand', async () => {
    const database = await freshDb();
    const incident = await createIncident(draft, database);
    const follows = await createActionItem({ incidentId: incident.id, title: 'a' }, { now: 1000, timeZone: 'UTC' }, database);
    // No review date yet: the default policy counts from the resolution.
    expect(follows.slaStartAt).toBe(draft.resolvedAt);
    const byHand = await updateActionItem(follows.id, { dueAt: Date.UTC(2024, 7, 1), dueSetByHand: true }, 2000, database);
    expect(byHand.slaStartAt).toBeNull();
  });

  it('moves due dates with the incident’s review date in one save, and Undo puts both back', async () => {
    const database = await freshDb();
    const incident = await createIncident(draft, database);
    const a = await createActionItem({ incidentId: incident.id, title: 'a', priority: 'P1' }, { now: 1000, timeZone: 'UTC' }, database);
    const b = await createActionItem({ incidentId: incident.id, title: 'b', priority: 'P3' }, { now: 1000, timeZone: 'UTC' }, database);
    const byHand = await createActionItem({ incidentId: incident.id, title: 'c', dueAt: Date.UTC(2024, 7, 1) }, { now: 1000, timeZone: 'UTC' }, database);
    const reviewAt = Date.UTC(2024, 5, 20, 15);

    const { plan } = await planIncidentDates(incident.id, { reviewAt, resolvedAt: draft.resolvedAt }, 'UTC', database);
    expect(plan.changes.map((c) => c.itemId).sort()).toEqual([a.id, b.id].sort());
    expect(plan.skipped).toEqual([{ itemId: byHand.id, reason: 'set-by-hand' }]);
    // Debrief's default policy: P1 in 7 days from the review.
    expect(plan.changes.find((c) => c.itemId === a.id)).toMatchObject({ oldDueAt: a.dueAt, newDueAt: Date.UTC(2024, 5, 27, 23, 59, 59, 999), newSlaStartAt: reviewAt });

    const saved = await saveIncidentWithDueDates(incident.id, { ...draft, reviewAt }, plan.changes, 5000, database);
    expect(saved.moved).toBe(2);
    expect(await database.incidents.get(incident.id)).toMatchObject({ reviewAt, updatedAt: 5000 });
    expect(await database.actionItems.get(a.id)).toMatchObject({ dueAt: Date.UTC(2024, 5, 27, 23, 59, 59, 999), slaStartAt: reviewAt });
    expect((await database.actionItems.get(byHand.id))?.dueAt).toBe(byHand.dueAt);

    await undoIncidentWithDueDates(saved, 6000, database);
    expect((await database.incidents.get(incident.id))?.reviewAt).toBeNull();
    expect(await database.actionItems.get(a.id)).toMatchObject({ dueAt: a.dueAt, slaStartAt: a.slaStartAt });
    expect(await database.actionItems.get(b.id)).toMatchObject({ dueAt: b.dueAt, slaStartAt: b.slaStartAt });
  });

  it('writes neither the incident nor a due date when the incident is gone', async () => {
    const database = await freshDb();
    await expect(saveIncidentWithDueDates('gone', draft, [], 5000, database)).rejects.toMatchObject({ code: 'NO_INCIDENT' });
  });
});
