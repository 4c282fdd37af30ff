import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import { listSources } from '@data/events';
import type { Source } from '@core/model/source';

/** Committed imports of an incident, newest first; undefined while loading. */
export function useSources(incidentId: string): Source[] | undefined {
  return useLiveQuery(() => listSources(db, incidentId), [incidentId]);
}
