import { db } from '@db/database';
import { newId } from '@core/ids';
import type { ActionItem } from '@core/model/action-item';
import { policyDueAt } from '@core/action-items/due-date';
import type { SlaPolicy } from '@core/action-items/sla-policy';
import type { DueDateChange } from '@core/action-items/recompute';
import { ActionItemError, checkItemDraft, type ActionItemInput } from './item-draft';
import { statusPatch } from './item-updates';
import { readSlaPolicy, viewerTimeZone } from './sla-settings';

/**
 * Creates an action item for an incident. Without a due date given, the item follows the SLA
 * policy (counted in the viewer's zone); a given one counts as set by hand.
 */
export async function createActionItem(input: ActionItemInput, options: { now?: number; timeZone?: string } = {}): Promise<ActionItem> {
  const now = options.now ?? Date.now();
  const incident = await db.incidents.get(input.incidentId);
  if (!incident || incident.deletedAt) throw new ActionItemError('NO_INCIDENT', 'The incident for this action item no longer exists.');
  const { policy } = await readSlaPolicy();
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
  const problems = checkItemDraft(draft);
  if (problems.length) throw new ActionItemError('INVALID', problems.map((p) => p.message).join(' '), problems);
  await db.actionItems.add(draft);
  return draft;
}

export type ItemPatch = Partial<Omit<ActionItem, 'id' | 'incidentId' | 'createdAt' | 'updatedAt' | 'completedAt'>>;

/** Saves edits; a status change stamps or clears completedAt. */
export async function updateActionItem(id: string, patch: ItemPatch, now = Date.now()): Promise<ActionItem> {
  return db.transaction('rw', db.actionItems, async () => {
    const item = await db.actionItems.get(id);
    if (!item) throw new ActionItemError('NOT_FOUND', 'This action item no longer exists; it may have been deleted.');
    const next: ActionItem = { ...item, ...patch, updatedAt: now };
    if (patch.status !== undefined) Object.assign(next, statusPatch(item, patch.status, now));
    const problems = checkItemDraft(next);
    if (problems.length) throw new ActionItemError('INVALID', problems.map((p) => p.message).join(' '), problems);
    await db.actionItems.put(next);
    return next;
  });
}

/** Puts the item back on the date its SLA gives. */
export async function resetDueToSla(item: ActionItem, policy: SlaPolicy, timeZone: string): Promise<void> {
  const incident = await db.incidents.get(item.incidentId);
  if (!incident) throw new ActionItemError('NO_INCIDENT', 'The incident for this action item no longer exists.');
  await updateActionItem(item.id, { dueAt: policyDueAt(item, incident, policy, timeZone), dueSetByHand: false });
}

/** Moves due dates as previewed; items edited by hand in between keep their date. */
export async function applyDueChanges(changes: readonly DueDateChange[], now = Date.now()): Promise<number> {
  return db.transaction('rw', db.actionItems, async () => {
    let applied = 0;
    for (const change of changes) {
      const item = await db.actionItems.get(change.itemId);
      if (!item || item.dueSetByHand) continue;
      await db.actionItems.put({ ...item, dueAt: change.newDueAt, updatedAt: now });
      applied += 1;
    }
    return applied;
  });
}

export async function deleteActionItem(id: string): Promise<ActionItem | undefined> {
  const item = await db.actionItems.get(id);
  if (item) await db.actionItems.delete(id);
  return item;
}

export async function restoreActionItem(item: ActionItem): Promise<void> {
  await db.actionItems.put(item);
}
