import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import type { Incident } from '@core/model/incident';

/** Every incident, deleted ones included (callers hide those); undefined while loading. Libraries hold hundreds, not millions. */
export function useAllIncidents(): Incident[] | undefined {
  return useLiveQuery(() => db.incidents.toArray(), []);
}

/** One incident; null when there is none, undefined while loading. */
export function useIncident(id: string): Incident | null | undefined {
  return useLiveQuery(async () => (await db.incidents.get(id)) ?? null, [id]);
}

export async function getIncident(id: string, database: DebriefDatabase = db): Promise<Incident | undefined> {
  return database.incidents.get(id);
}
