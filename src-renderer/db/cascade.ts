import type { DebriefDatabase } from './schema';

/** Removes an incident and everything that belongs to it, in one transaction. */
export async function deleteIncidentCascade(database: DebriefDatabase, incidentId: string): Promise<void> {
  await database.transaction(
    'rw',
    [database.incidents, database.sources, database.events, database.milestones, database.annotations, database.documents, database.actionItems],
    async () => {
      await database.events.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).delete();
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
 * at start-up (the undo toast cannot outlive the window that showed it).
 */
export async function purgeDeletedIncidents(database: DebriefDatabase): Promise<number> {
  const ids = await database.incidents.where('deletedAt').above(0).primaryKeys();
  for (const id of ids) await deleteIncidentCascade(database, id);
  return ids.length;
}
