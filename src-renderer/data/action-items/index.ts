/**
 * Action items: reads, writes and invariants (checkItemDraft), the SLA policy they follow, and
 * the due dates that move with it.
 */
export {
  createActionItem,
  updateActionItem,
  resetDueToSla,
  applyDueChanges,
  planIncidentDates,
  saveIncidentWithDueDates,
  undoIncidentWithDueDates,
  deleteActionItem,
  restoreActionItem,
  applyItemFieldChanges,
  type IncidentDatesUndo,
  type ItemPatch,
} from './item-writes';
export { ActionItemError, checkItemDraft, type ActionItemInput, type DraftField, type DraftProblem, type ActionItemErrorCode } from './item-draft';
export { statusPatch, matchPerson } from './item-updates';
export { readSlaPolicy, useSlaPolicy, writeSlaPolicy, SLA_POLICY_KEY, type StoredPolicy } from './sla-policy-store';
export { useIncidentActionItems, useAllActionItems, readLiveActionItems, type LiveActionItems } from './use-action-items';
