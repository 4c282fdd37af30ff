import type { DebriefDatabase } from '@db/schema';
import { deleteRecord, deleteWhere } from '../write-log';

/**
 * Removes an incident and everything that belongs to it, in one transaction. Records go through
 * the write log one by one (sync sees each removal); event blocks, a few per import, are the
 * events store's bulk data and go with their sources.
 */
export async function deleteIncidentCascade(database: DebriefDatabase, incidentId: string): Promise<void> {
  await database.transaction(
    'rw',
    [
      database.incidents,
      database.sources,
      database.eventBlocks,
      database.eventRaw,
      database.eventKeys,
      database.eventState,
      database.manualEvents,
      database.milestones,
      database.annotations,
      database.documents,
      database.actionItems,
    ],
    async () => {
      for (const table of [database.eventBlocks, database.eventRaw, database.eventKeys]) {
        await table.where('incidentId').equals(incidentId).delete();
      }
      for (const table of ['eventState', 'manualEvents', 'sources', 'milestones', 'annotations', 'documents', 'actionItems'] as const) {
        await deleteWhere(database, table, 'incidentId', incidentId);
      }
      await deleteRecord(database, 'incidents', incidentId);
    },
  );
}

/**
 * Incidents deleted in an earlier session whose undo window has passed are removed for good
 * at start-up (the undo toast cannot outlive the window that showed it). `stillUndoable` says
 * whether some other window still shows the Undo for an incident (browser build, several tabs):
 * those are left for that window to purge or restore.
 */
export async function purgeDeletedIncidents(database: DebriefDatabase, stillUndoable: (incidentId: string) => Promise<boolean> = async () => false): Promise<number> {
  const ids = await database.incidents.where('deletedAt').above(0).primaryKeys();
  let purged = 0;
  for (const id of ids) {
    if (await stillUndoable(id)) continue;
    await deleteIncidentCascade(database, id);
    purged++;
  }
  return purged;
}
