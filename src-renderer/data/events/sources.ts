import type { Source } from '@core/model/source';
import type { DebriefDatabase } from '@db/schema';
import { visibleSources } from './visibility';

/** The incident's imports, newest first (a live query on it ignores staging rows, see visibleSources). */
export async function listSources(database: DebriefDatabase, incidentId: string): Promise<Source[]> {
  return (await visibleSources(database, incidentId)).reverse();
}
