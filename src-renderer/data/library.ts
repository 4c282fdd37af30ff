import { db, openDatabase, requestPersistentStorage } from '@db/database';
import { isLocked, undoDeleteLockName } from './events';
import { purgeDeletedIncidents } from './incidents/cascade';

export { classifyOpenError, DatabaseOpenError, type DatabaseOpenErrorCode } from '@db/open-error';

/**
 * Opens the local library for the app (throws DatabaseOpenError), then removes incidents whose
 * undo window passed in an earlier session. An incident whose Undo another window still shows
 * stays until that window is done with it.
 */
export async function openLibrary(): Promise<void> {
  await openDatabase(db);
  await purgeDeletedIncidents(db, (incidentId) => isLocked(undoDeleteLockName(incidentId)));
  // Best effort: a refusal only means the browser may evict data under storage pressure.
  void requestPersistentStorage().catch(() => false);
}

/**
 * Calls `reload` when another window upgraded the schema: this connection lets go first so the
 * upgrade can finish. Returns the unsubscribe.
 */
export function onLibraryUpgradedElsewhere(reload: () => void): () => void {
  const onVersionChange = () => {
    db.close();
    reload();
  };
  db.on('versionchange', onVersionChange);
  return () => db.on('versionchange').unsubscribe(onVersionChange);
}
