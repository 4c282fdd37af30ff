import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { catalogRow, type CatalogRow } from '@core/catalog/catalog-row';
import { catalogSchema, teamVocabularySchema, type TeamVocabulary } from '@core/catalog/catalog-schema';
import type { Annotation } from '@core/model/annotation';
import type { IncidentCatalog } from '@core/model/catalog';
import type { Milestone } from '@core/model/milestone';
import { patchIncident } from '../incidents';
import { useSettingValue, writeSetting } from '../settings';
import { InsightsError } from './insights-error';

const VOCABULARY_KEY = 'catalog.vocabulary';
const EMPTY_VOCABULARY: TeamVocabulary = { failureDomains: [], triggers: [], detectionMethods: [], resolutions: [] };

/** Saves an incident's catalog (checked against the schema first, so nothing odd is stored). */
export async function saveCatalog(incidentId: string, catalog: IncidentCatalog, database: DebriefDatabase = db): Promise<void> {
  const parsed = catalogSchema.safeParse(catalog);
  if (!parsed.success) throw new InsightsError('CATALOG_INVALID', `The catalog could not be saved: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  await patchIncident(incidentId, { catalog: parsed.data, updatedAt: Date.now() }, database);
}

/** Every live incident as a catalog row, with duration and impact from its milestones. */
export async function readCatalogRows(database: DebriefDatabase = db): Promise<CatalogRow[]> {
  const [incidents, milestones] = await Promise.all([database.incidents.toArray(), database.milestones.toArray()]);
  const byIncident = new Map<string, Milestone[]>();
  for (const m of milestones) {
    const list = byIncident.get(m.incidentId);
    if (list) list.push(m);
    else byIncident.set(m.incidentId, [m]);
  }
  return incidents.filter((i) => !i.deletedAt).map((i) => catalogRow(i, byIncident.get(i.id) ?? []));
}

/** Catalog rows, live; undefined while loading. Libraries hold hundreds of incidents, not millions. */
export function useCatalogRows(): CatalogRow[] | undefined {
  return useLiveQuery(() => readCatalogRows(), []);
}

/** The review's annotations of one incident, for the catalog's suggestions. */
export function useIncidentAnnotations(incidentId: string): Annotation[] | undefined {
  return useLiveQuery(() => db.annotations.where('incidentId').equals(incidentId).toArray(), [incidentId]);
}

export function useIncidentMilestones(incidentId: string): Milestone[] | undefined {
  return useLiveQuery(() => db.milestones.where('incidentId').equals(incidentId).toArray(), [incidentId]);
}

/** The team's own word lists (failure domains, triggers…), live. */
export function useTeamVocabulary(): TeamVocabulary {
  return useSettingValue(VOCABULARY_KEY, teamVocabularySchema, EMPTY_VOCABULARY);
}

export async function saveTeamVocabulary(vocabulary: TeamVocabulary): Promise<void> {
  await writeSetting(VOCABULARY_KEY, teamVocabularySchema.parse(vocabulary));
}
