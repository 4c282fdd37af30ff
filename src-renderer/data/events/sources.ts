import type { Source } from '@core/model/source';
import type { DebriefDatabase } from '@db/schema';
import { isVisibleSource } from './visibility';

/** The incident's imports, newest first. */
export async function listSources(database: DebriefDatabase, incidentId: string): Promise<Source[]> {
  const sources = await database.sources.where('incidentId').equals(incidentId).toArray();
  return sources.filter(isVisibleSource).sort((a, b) => b.importedAt - a.importedAt);
}
