import { db } from '@db/database';
import { deleteIncidentCascade } from '@db/cascade';
import { newId } from '@core/ids';
import type { Incident, IncidentDraft } from '@core/model/incident';

export async function createIncident(draft: IncidentDraft): Promise<Incident> {
  const now = Date.now();
  const incident: Incident = { ...draft, id: newId(), createdAt: now, updatedAt: now, deletedAt: null };
  await db.incidents.add(incident);
  return incident;
}

export async function updateIncident(id: string, draft: IncidentDraft): Promise<void> {
  const changed = await db.incidents.update(id, { ...draft, updatedAt: Date.now() });
  if (changed === 0 && !(await db.incidents.get(id))) {
    throw new Error('This incident no longer exists; it may have been deleted in another window.');
  }
}

/** Hides the incident at once; it is only removed for good when the undo window passes. */
export async function softDeleteIncident(id: string): Promise<void> {
  await db.incidents.update(id, { deletedAt: Date.now() });
}

export async function undoDeleteIncident(id: string): Promise<void> {
  await db.incidents.update(id, { deletedAt: null });
}

export async function purgeIncident(id: string): Promise<void> {
  const incident = await db.incidents.get(id);
  // Undo may have won the race with the timer.
  if (incident?.deletedAt) await deleteIncidentCascade(db, id);
}
