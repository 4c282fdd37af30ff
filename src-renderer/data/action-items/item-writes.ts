import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { newId } from '@core/ids';
import type { ActionItem } from '@core/model/action-item';
import type { Person } from '@core/model/person';
import { policyDue } from '@core/action-items/due-date';
import type { SlaPolicy } from '@core/action-items/sla-policy';
import { planPolicyChange, type DueDateChange, type RecomputePlan } from '@core/action-items/recompute';
import type { Incident, IncidentDraft } from '@core/model/incident';
import { applyFieldChanges } from '@core/action-items/apply-changes';
import type { FieldChange } from '@core/action-items/status-import';
import { viewerTimeZone } from '@core/time/zones';
import { putRecord, writeRecords, deleteRecord } from '../write-log';
import { ActionItemError, checkItemDraft, type ActionItemInput } from './item-draft';
import { matchPerson, statusPatch } from './item-updates';
import { readSlaPolicy } from './sla-policy-store';

/**
 * Every write to action items. Invariants: a title, a reason for won't do, a valid tracker link
 * and due date (checkItemDraft); completedAt follows the status; an item belongs to a live incident.
 */

function assertValid(item: ActionItem): void {
  const problems = checkItemDraft(item);
  if (problems.length) throw new ActionItemError('INVALID', problems.map((p) => p.message).join(' '), problems);
}

/**
 * Creates an action item for an incident. Without a due date given, the item follows the SLA
 * policy (counted in the viewer's zone); a given one counts as set by hand.
 */
export async function createActionItem(
  input: ActionItemInput,
  options: { now?: number; timeZone?: string } = {},
  database: DebriefDatabase = db,
): Promise<ActionItem> {
  const now = options.now ?? Date.now();
  const incident = await database.incidents.get(input.incidentId);
  if (!incident || incident.deletedAt) throw new ActionItemError('NO_INCIDENT', 'The incident for this action item no longer exists.');
  const { policy } = await readSlaPolicy(database);
  const status = input.status ?? 'open';
  const draft: ActionItem = {
    id: newId(),
    incidentId: input.incidentId,
    title: input.title.trim(),
    description: input.description ?? '',
    ownerId: input.ownerId ?? null,
    ownerName: (input.ownerName ?? '').trim(),
    priority: input.priority ?? 'P3',
    status,
    wontDoReason: input.wontDoReason ?? '',
    kind: input.kind ?? 'prevent',
    createdAt: now,
    dueAt: null,
    dueSetByHand: input.dueAt !== undefined && input.dueAt !== null,
    completedAt: status === 'done' || status === 'wont-do' ? now : null,
    trackerUrl: (input.trackerUrl ?? '').trim(),
    eventIds: [...(input.eventIds ?? [])],
    annotationIds: [...(input.annotationIds ?? [])],
    updatedAt: now,
  };
  if (draft.dueSetByHand) draft.dueAt = input.dueAt ?? null;
  else Object.assign(draft, policyDue(draft, incident, policy, options.timeZone ?? viewerTimeZone()));
  assertValid(draft);
  return putRecord(database, 'actionItems', draft);
}

export type ItemPatch = Partial<Omit<ActionItem, 'id' | 'incidentId' | 'createdAt' | 'updatedAt' | 'completedAt'>>;

/** Saves edits; a status change stamps or clears completedAt. */
export async function updateActionItem(id: string, patch: ItemPatch, now = Date.now(), database: DebriefDatabase = db): Promise<ActionItem> {
  return database.transaction('rw', database.actionItems, async () => {
    const item = await database.actionItems.get(id);
    if (!item) throw new ActionItemError('NOT_FOUND', 'This action item no longer exists; it may have been deleted.');
    const next: ActionItem = { ...item, ...patch, updatedAt: now };
    if (patch.status !== undefined) Object.assign(next, statusPatch(item, patch.status, now));
    // A date set by hand counts from nothing the policy knows; the start is kept only with the policy's dates.
    if (next.dueSetByHand) next.slaStartAt = null;
    assertValid(next);
    return putRecord(database, 'actionItems', next);
  });
}

/** Puts the item back on the date its SLA gives. */
export async function resetDueToSla(item: ActionItem, policy: SlaPolicy, timeZone: string, database: DebriefDatabase = db): Promise<void> {
  const incident = await database.incidents.get(item.incidentId);
  if (!incident) throw new ActionItemError('NO_INCIDENT', 'The incident for this action item no longer exists.');
  await updateActionItem(item.id, { ...policyDue(item, incident, policy, timeZone), dueSetByHand: false }, Date.now(), database);
}

/**
 * Moves due dates (and the SLA start kept with each) as previewed; items whose date was set by
 * hand in between keep it. Returns how many due dates moved.
 */
export async function applyDueChanges(changes: readonly DueDateChange[], now = Date.now(), database: DebriefDatabase = db): Promise<number> {
  return database.transaction('rw', database.actionItems, async () => {
    const written: ActionItem[] = [];
    let moved = 0;
    for (const change of changes) {
      const item = await database.actionItems.get(change.itemId);
      if (!item || item.dueSetByHand) continue;
      if (item.dueAt !== change.newDueAt) moved += 1;
      written.push({ ...item, dueAt: change.newDueAt, slaStartAt: change.newSlaStartAt, updatedAt: now });
    }
    await writeRecords(database, written.map((value) => ({ table: 'actionItems' as const, op: 'put' as const, value })));
    return moved;
  });
}

/** What changing an incident's review or resolution date does to its items' due dates, for a preview. */
export async function planIncidentDates(
  incidentId: string,
  dates: Pick<Incident, 'reviewAt' | 'resolvedAt'>,
  timeZone: string = viewerTimeZone(),
  database: DebriefDatabase = db,
): Promise<{ plan: RecomputePlan; items: ActionItem[] }> {
  const [items, { policy }] = await Promise.all([database.actionItems.where('incidentId').equals(incidentId).toArray(), readSlaPolicy(database)]);
  const plan = planPolicyChange(items, new Map([[incidentId, { id: incidentId, ...dates }]]), policy, timeZone);
  return { plan, items };
}

/** How to put an incident edit and the due dates it moved back, for Undo. */
export interface IncidentDatesUndo {
  incident: Incident;
  items: ActionItem[];
}

/**
 * Saves an incident edit and moves its items' due dates as previewed, in one transaction (both
 * or neither). Returns what Undo puts back.
 */
export async function saveIncidentWithDueDates(
  incidentId: string,
  draft: IncidentDraft,
  changes: readonly DueDateChange[],
  now = Date.now(),
  database: DebriefDatabase = db,
): Promise<IncidentDatesUndo & { moved: number }> {
  return database.transaction('rw', database.incidents, database.actionItems, async () => {
    const incident = await database.incidents.get(incidentId);
    if (!incident) throw new ActionItemError('NO_INCIDENT', 'This incident no longer exists; it may have been deleted in another window.');
    const before = (await database.actionItems.bulkGet(changes.map((c) => c.itemId))).filter((i): i is ActionItem => i !== undefined);
    await putRecord(database, 'incidents', { ...incident, ...draft, updatedAt: now });
    const moved = await applyDueChanges(changes, now, database);
    return { incident, items: before, moved };
  });
}

/** Undo of saveIncidentWithDueDates: the incident's fields and the items' dates as they were (items deleted since stay deleted). */
export async function undoIncidentWithDueDates(undo: IncidentDatesUndo, now = Date.now(), database: DebriefDatabase = db): Promise<void> {
  await database.transaction('rw', database.incidents, database.actionItems, async () => {
    const current = await database.incidents.get(undo.incident.id);
    if (current) await putRecord(database, 'incidents', { ...undo.incident, deletedAt: current.deletedAt, updatedAt: now });
    const items = await database.actionItems.bulkGet(undo.items.map((i) => i.id));
    const back = undo.items.flatMap((old, i) => {
      const item = items[i];
      return item ? [{ ...item, dueAt: old.dueAt, slaStartAt: old.slaStartAt ?? null, dueSetByHand: old.dueSetByHand, updatedAt: now }] : [];
    });
    await writeRecords(database, back.map((value) => ({ table: 'actionItems' as const, op: 'put' as const, value })));
  });
}

/** Deletes an item; returns it as it was, for the Undo. */
export async function deleteActionItem(id: string, database: DebriefDatabase = db): Promise<ActionItem | undefined> {
  return database.transaction('rw', database.actionItems, async () => {
    const item = await database.actionItems.get(id);
    if (item) await deleteRecord(database, 'actionItems', id);
    return item;
  });
}

/** Undo of a delete: the item comes back exactly as it was. */
export async function restoreActionItem(item: ActionItem, database: DebriefDatabase = db): Promise<void> {
  await putRecord(database, 'actionItems', item);
}

/** Writes the chosen changes of a status import in one transaction; items deleted meanwhile are skipped. */
export async function applyItemFieldChanges(
  chosen: readonly { itemId: string; changes: FieldChange[] }[],
  people: readonly Person[],
  now = Date.now(),
  database: DebriefDatabase = db,
): Promise<ActionItem[]> {
  return database.transaction('rw', database.actionItems, async () => {
    const written: ActionItem[] = [];
    for (const { itemId, changes } of chosen) {
      const item = await database.actionItems.get(itemId);
      if (!item) continue;
      written.push(
        applyFieldChanges(item, changes, {
          now,
          resolveOwner: (text) => {
            const person = matchPerson(people, text);
            return person ? { id: person.id, name: person.displayName } : null;
          },
        }),
      );
    }
    await writeRecords(database, written.map((value) => ({ table: 'actionItems' as const, op: 'put' as const, value })));
    return written;
  });
}
