import { DebriefDatabase } from './schema';
import { classifyOpenError, DatabaseOpenError } from './open-error';

/** The UI's connection; strict durability because it writes what users typed. */
export const db = new DebriefDatabase({ durability: 'strict' });

const BLOCKED_WAIT_MS = 4000;

/**
 * Opens the database or throws a DatabaseOpenError. Never falls back to an empty database:
 * the caller shows a recovery screen instead.
 */
export async function openDatabase(database: DebriefDatabase = db): Promise<void> {
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    database.on('blocked', () => {
      blockedTimer = setTimeout(() => {
        reject(
          new DatabaseOpenError(
            'blocked',
            'Another Debrief window is holding the database open with an older version.',
          ),
        );
      }, BLOCKED_WAIT_MS);
    });
  });
  try {
    await Promise.race([database.open(), blocked]);
  } catch (error) {
    throw classifyOpenError(error);
  } finally {
    if (blockedTimer) clearTimeout(blockedTimer);
  }
  assertSchemaPresent(database);
  // Imports a crash interrupted are invisible; they are discarded in the background after the
  // library shows (data/events cleanUpAbandonedImports), never before it.
}

/**
 * Dexie 4 opens a database that a newer version upgraded, which is right while that version
 * only added things. If a table this version needs is gone, carrying on would show an empty
 * library over the user's data, so refuse instead.
 */
function assertSchemaPresent(database: DebriefDatabase): void {
  const idb = database.backendDB();
  const missing = database.tables.map((t) => t.name).filter((name) => !idb.objectStoreNames.contains(name));
  if (missing.length === 0) return;
  const newer = idb.version > database.verno * 10;
  database.close();
  throw new DatabaseOpenError(
    newer ? 'newer-version' : 'corrupt',
    `The database has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}${newer ? ' (it was changed by a newer version)' : ''}.`,
  );
}

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
