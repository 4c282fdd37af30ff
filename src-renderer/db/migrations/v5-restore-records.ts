import type { Transaction } from 'dexie';
import { RESTORED_TABLES, restoreRecord, StoredRecordError } from '../restore';
import type { UpgradeHooks } from './upgrade-hooks';

/**
 * Version 4 → 5: records are no longer repaired on every read, so every stored record is
 * restored once here (missing fields of older versions get their defaults, wrong-typed fields
 * are replaced; unknown fields are kept). It runs in the one upgrade transaction: if anything
 * throws, the library stays at version 4 exactly as it was, and the next start tries again.
 *
 * A record that cannot be restored (it lacks the id or incident it belongs to) is left as it is
 * stored: no screen can show it, and dropping it would lose what the user had.
 */
export async function restoreEveryRecord(tx: Transaction, hooks: UpgradeHooks = {}): Promise<void> {
  for (const table of RESTORED_TABLES) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: unknown, ref: { value: unknown }) => {
        try {
          ref.value = restoreRecord(table, record);
        } catch (error) {
          if (!(error instanceof StoredRecordError)) throw error;
        }
      });
    hooks.afterTableRestored?.(table);
  }
}
