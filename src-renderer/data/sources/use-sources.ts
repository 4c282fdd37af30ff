import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { Source } from '@core/model/source';
import { listSources } from '../events';

/** The incident's visible (committed) imports, newest first; undefined while loading. */
export function useSources(incidentId: string): Source[] | undefined {
  return useLiveQuery(() => listSources(db, incidentId), [incidentId]);
}
