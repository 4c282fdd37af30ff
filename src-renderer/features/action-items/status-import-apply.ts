import type { FieldChange, StatusImportPlan } from '@core/action-items/status-import';

/** Conflicts the user chose to take from the file, keyed `${itemId}:${field}`. */
export type AcceptedConflicts = ReadonlySet<string>;

export const conflictKey = (itemId: string, field: FieldChange['field']) => `${itemId}:${field}`;

/** The changes that will be written per item: safe changes plus accepted conflicts only. */
export function chosenChanges(plan: StatusImportPlan, accepted: AcceptedConflicts): { itemId: string; changes: FieldChange[] }[] {
  return plan.items
    .map((p) => ({ itemId: p.itemId, changes: [...p.changes, ...p.conflicts.filter((c) => accepted.has(conflictKey(p.itemId, c.field)))] }))
    .filter((p) => p.changes.length > 0);
}
