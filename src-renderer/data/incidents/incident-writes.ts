import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { newId } from '@core/ids';
import type { Incident, IncidentDraft } from '@core/model/incident';
import { putRecord } from '../write-log';
import { deleteIncidentCascade } from './cascade';
import { IncidentError } from './incident-error';

const gone = () => new IncidentError('NOT_FOUND', 'This incident no longer exists; it may have been deleted in another window.');

export async function createIncident(draft: IncidentDraft, database: DebriefDatabase = db, now = Date.now()): Promise<Incident> {
  const incident: Incident = { ...draft, id: newId(), createdAt: now, updatedAt: now, deletedAt: null };
  return putRecord(database, 'incidents', incident);
}

/** Changes some fields of an incident; throws IncidentError NOT_FOUND when it is gone. */
export async function patchIncident(id: string, patch: Partial<Omit<Incident, 'id' | 'createdAt'>>, database: DebriefDatabase = db): Promise<Incident> {
  return database.transaction('rw', database.incidents, async () => {
    const incident = await database.incidents.get(id);
    if (!incident) throw gone();
    return putRecord(database, 'incidents', { ...incident, ...patch });
  });
}

export async function updateIncident(id: string, draft: IncidentDraft, database: DebriefDatabase = db, now = Date.now()): Promise<Incident> {
  return patchIncident(id, { ...draft, updatedAt: now }, database);
}

/** Hides the incident at once; it is only removed for good when the undo window passes. */
export async function softDeleteIncident(id: string, database: DebriefDatabase = db, now = Date.now()): Promise<void> {
  await patchIncident(id, { deletedAt: now }, database);
}

export async function undoDeleteIncident(id: string, database: DebriefDatabase = db): Promise<void> {
  await patchIncident(id, { deletedAt: null }, database);
}

/** Removes a soft-deleted incident for good, unless its Undo won the race with the timer. */
export async function purgeIncident(id: string, database: DebriefDatabase = db): Promise<void> {
  const incident = await database.incidents.get(id);
  if (incident?.deletedAt) await deleteIncidentCascade(database, id);
}
