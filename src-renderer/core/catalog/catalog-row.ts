import type { Annotation } from '../model/annotation';
import type { IncidentCatalog } from '../model/catalog';
import type { Incident, IncidentStatus } from '../model/incident';
import type { Milestone } from '../model/milestone';
import type { Severity } from '../model/severity';
import { computeIncidentMetrics } from '../metrics/incident-metrics';
import { catalogOf } from './catalog-schema';

/** One incident as the catalog table, the library facets and the Insights page see it. */
export interface CatalogRow {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  /** Start of impact, else when the incident was created; UTC ms. */
  startedAt: number;
  services: string[];
  catalog: IncidentCatalog;
  /** Start → All Clear (or resolved), whole minutes; null when either end is missing. */
  durationMinutes: number | null;
  /** The team's figure when set, else start → Mitigate / Under Control; null when unknown. */
  customerImpactMinutes: number | null;
  /** MTTx of this incident in ms (see core/metrics/incident-metrics.ts); null when not recorded. */
  timeToDetect: number | null;
  timeToAcknowledge: number | null;
  timeToMitigate: number | null;
  /** When the incident was detected (Detect milestone, else the incident's field); UTC ms. */
  detectedAt: number | null;
  /** Whether anyone filled in the catalog (trigger, domains, factors, detection or resolution). */
  catalogued: boolean;
}

const minutes = (ms: number | null) => (ms === null || ms < 0 ? null : Math.round(ms / 60_000));

export function isCatalogued(catalog: IncidentCatalog): boolean {
  return catalog.trigger !== '' || catalog.detectionMethod !== '' || catalog.resolution !== '' || catalog.failureDomains.length > 0 || catalog.contributingFactors.length > 0;
}

export function catalogRow(incident: Incident, milestones: readonly Pick<Milestone, 'kind' | 'at'>[]): CatalogRow {
  const catalog = catalogOf(incident);
  const computed = computeIncidentMetrics(incident, milestones);
  const metrics = computed.metrics;
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    startedAt: incident.startedAt ?? incident.createdAt,
    services: incident.services,
    catalog,
    durationMinutes: minutes(metrics.timeToAllClear.ms),
    customerImpactMinutes: catalog.customerImpactMinutes ?? minutes(metrics.customerImpact.ms),
    timeToDetect: metrics.timeToDetect.ms,
    timeToAcknowledge: metrics.timeToAcknowledge.ms,
    timeToMitigate: metrics.timeToMitigate.ms,
    detectedAt: computed.anchors.detect.at,
    catalogued: isCatalogued(catalog),
  };
}

/**
 * The catalog's suggestions from the review's annotations: factors from "contributing factor"
 * annotations (their first line, shortened), lessons from "went well", "went poorly" and
 * "where we got lucky". Nothing is applied until the user takes it.
 */
export function suggestionsFromAnnotations(annotations: readonly Pick<Annotation, 'tags' | 'plainText' | 'createdAt'>[]): Pick<IncidentCatalog, 'contributingFactors' | 'lessons'> {
  const sorted = [...annotations].sort((a, b) => a.createdAt - b.createdAt);
  const texts = (tag: Annotation['tags'][number]) =>
    sorted
      .filter((a) => a.tags.includes(tag))
      .map((a) => a.plainText.trim())
      .filter(Boolean);
  const firstLine = (text: string) => {
    const line = text.split('\n')[0]?.trim() ?? '';
    return line.length > 80 ? `${line.slice(0, 79).trimEnd()}…` : line;
  };
  return {
    contributingFactors: [...new Set(texts('contributing factor').map(firstLine))],
    lessons: { wentWell: texts('went well'), wentPoorly: texts('went poorly'), lucky: texts('where we got lucky') },
  };
}
