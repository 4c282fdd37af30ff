import { db } from '@db/database';
import type { ActionItem } from '@core/model/action-item';
import type { Person } from '@core/model/person';
import { applyFieldChanges } from '@core/action-items/apply-changes';
import type { FieldChange, StatusImportPlan } from '@core/action-items/status-import';
import { matchPerson } from './item-updates';

/** Conflicts the user chose to take from the file, keyed `${itemId}:${field}`. */
export type AcceptedConflicts = ReadonlySet<string>;

export const conflictKey = (itemId: string, field: FieldChange['field']) => `${itemId}:${field}`;

/** The changes that will be written per item: safe changes plus accepted conflicts only. */
export function chosenChanges(plan: StatusImportPlan, accepted: AcceptedConflicts): { itemId: string; changes: FieldChange[] }[] {
  return plan.items
    .map((p) => ({ itemId: p.itemId, changes: [...p.changes, ...p.conflicts.filter((c) => accepted.has(conflictKey(p.itemId, c.field)))] }))
    .filter((p) => p.changes.length > 0);
}

/** Writes the chosen changes in one transaction; items deleted meanwhile are skipped. */
export async function applyStatusImport(chosen: ReturnType<typeof chosenChanges>, people: readonly Person[], now = Date.now()): Promise<ActionItem[]> {
  return db.transaction('rw', db.actionItems, async () => {
    const written: ActionItem[] = [];
    for (const { itemId, changes } of chosen) {
      const item = await db.actionItems.get(itemId);
      if (!item) continue;
      const next = applyFieldChanges(item, changes, {
        now,
        resolveOwner: (text) => {
          const person = matchPerson(people, text);
          return person ? { id: person.id, name: person.displayName } : null;
        },
      });
      await db.actionItems.put(next);
      written.push(next);
    }
    return written;
  });
}
