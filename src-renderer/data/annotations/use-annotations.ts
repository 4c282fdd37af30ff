import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import type { Annotation } from '@core/model/annotation';

const NO_ANNOTATIONS: Annotation[] = [];

/** Every annotation of an incident; undefined while loading. */
export function useAnnotations(incidentId: string): Annotation[] | undefined {
  return useLiveQuery(() => db.annotations.where('incidentId').equals(incidentId).toArray(), [incidentId]);
}

/** The annotations on one event, oldest first. */
export function listEventAnnotations(eventId: string, database: DebriefDatabase = db): Promise<Annotation[]> {
  return database.annotations.where('eventId').equals(eventId).sortBy('createdAt');
}

/** The annotations on one event, oldest first, kept current. */
export function useEventAnnotationList(eventId: string): Annotation[] {
  return useLiveQuery(() => listEventAnnotations(eventId), [eventId]) ?? NO_ANNOTATIONS;
}
