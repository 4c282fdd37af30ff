import type { ActionItem } from '../model/action-item';
import { isClosed } from './sla-state';
import type { FieldChange } from './status-import';

export interface ApplyChangesOptions {
  now: number;
  /** The person an imported assignee resolves to; null keeps the text as the owner's name only. */
  resolveOwner: (text: string) => { id: string; name: string } | null;
}

/** Recorded because a won't-do item needs a reason and the tracker row carries none. */
export const IMPORTED_WONT_DO_REASON = "Closed as won't do in the issue tracker (status import).";

/**
 * The item after the chosen changes (plan changes plus any conflicts the user accepted).
 * Closing stamps completedAt with `now` (the tracker's close time is unknown), reopening
 * clears it, and an imported due date counts as set by hand so policy changes leave it alone.
 */
export function applyFieldChanges(item: ActionItem, changes: readonly FieldChange[], options: ApplyChangesOptions): ActionItem {
  const next: ActionItem = { ...item, eventIds: [...item.eventIds], annotationIds: [...item.annotationIds] };
  for (const change of changes) {
    switch (change.field) {
      case 'status': {
        next.status = change.to;
        if (isClosed(change.to) && !isClosed(item.status)) next.completedAt = options.now;
        if (!isClosed(change.to)) next.completedAt = null;
        if (change.to === 'wont-do' && next.wontDoReason.trim() === '') next.wontDoReason = IMPORTED_WONT_DO_REASON;
        break;
      }
      case 'owner': {
        const owner = options.resolveOwner(change.to);
        next.ownerId = owner?.id ?? null;
        next.ownerName = owner?.name ?? change.to;
        break;
      }
      case 'dueAt': {
        next.dueAt = change.to;
        next.dueSetByHand = true;
        next.slaStartAt = null;
        break;
      }
    }
  }
  if (changes.length > 0) next.updatedAt = options.now;
  return next;
}
