import type { DebriefDatabase } from './schema';

/** Removes an incident and everything that belongs to it, in one transaction. */
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
      // Event blocks are a few records per import, so the whole incident still goes in one step.
      for (const table of [database.eventBlocks, database.eventRaw, database.eventKeys, database.eventState, database.manualEvents]) {
        await table.where('incidentId').equals(incidentId).delete();
      }
      await database.sources.where('incidentId').equals(incidentId).delete();
      await database.milestones.where('incidentId').equals(incidentId).delete();
      await database.annotations.where('incidentId').equals(incidentId).delete();
      await database.documents.where('incidentId').equals(incidentId).delete();
      await database.actionItems.where('incidentId').equals(incidentId).delete();
      await database.incidents.delete(incidentId);
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
