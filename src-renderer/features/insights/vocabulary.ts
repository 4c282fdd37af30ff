import { uniqueWords, type TeamVocabulary } from '@core/catalog/catalog-schema';
import type { CatalogRow } from '@core/catalog/catalog-row';
import { DETECTION_METHODS, FAILURE_DOMAINS, RESOLUTIONS, TRIGGERS } from '@core/model/catalog';

export interface Choices {
  failureDomains: string[];
  triggers: string[];
  detectionMethods: string[];
  resolutions: string[];
}

/**
 * What the catalog pickers offer: the team's own list where it has one (else the shipped list),
 * then every word already used in the library, so a team's words come back without a setting.
 */
export function catalogChoices(team: TeamVocabulary, rows: readonly CatalogRow[]): Choices {
  const pick = (own: string[], shipped: readonly string[]) => (own.length ? own : [...shipped]);
  return {
    failureDomains: uniqueWords([...pick(team.failureDomains, FAILURE_DOMAINS), ...rows.flatMap((r) => r.catalog.failureDomains)]),
    triggers: uniqueWords([...pick(team.triggers, TRIGGERS), ...rows.map((r) => r.catalog.trigger)]),
    detectionMethods: uniqueWords([...pick(team.detectionMethods, DETECTION_METHODS), ...rows.map((r) => r.catalog.detectionMethod)]),
    resolutions: uniqueWords([...pick(team.resolutions, RESOLUTIONS), ...rows.map((r) => r.catalog.resolution)]),
  };
}
