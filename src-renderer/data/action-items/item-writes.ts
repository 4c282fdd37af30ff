import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { newId } from '@core/ids';
import type { ActionItem } from '@core/model/action-item';
import type { Person } from '@core/model/person';
import { policyDueAt } from '@core/action-items/due-date';
import type { SlaPolicy } from '@core/action-items/sla-policy';
import type { DueDateChange } from '@core/action-items/recompute';
import { applyFieldChanges } from '@core/action-items/apply-changes';
import type { FieldChange } from '@core/action-items/status-import';
import { viewerTimeZone } from '@core/time/viewer-zone';
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
  draft.dueAt = draft.dueSetByHand ? (input.dueAt ?? null) : policyDueAt(draft, incident, policy, options.timeZone ?? viewerTimeZone());
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
    assertValid(next);
    return putRecord(database, 'actionItems', next);
  });
}

/** Puts the item back on the date its SLA gives. */
export async function resetDueToSla(item: ActionItem, policy: SlaPolicy, timeZone: string, database: DebriefDatabase = db): Promise<void> {
  const incident = await database.incidents.get(item.incidentId);
  if (!incident) throw new ActionItemError('NO_INCIDENT', 'The incident for this action item no longer exists.');
  await updateActionItem(item.id, { dueAt: policyDueAt(item, incident, policy, timeZone), dueSetByHand: false }, Date.now(), database);
}

/** Moves due dates as previewed; items edited by hand in between keep their date. */
export async function applyDueChanges(changes: readonly DueDateChange[], now = Date.now(), database: DebriefDatabase = db): Promise<number> {
  return database.transaction('rw', database.actionItems, async () => {
    const moved: ActionItem[] = [];
    for (const change of changes) {
      const item = await database.actionItems.get(change.itemId);
      if (!item || item.dueSetByHand) continue;
      moved.push({ ...item, dueAt: change.newDueAt, updatedAt: now });
    }
    await writeRecords(database, moved.map((value) => ({ table: 'actionItems' as const, op: 'put' as const, value })));
    return moved.length;
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
