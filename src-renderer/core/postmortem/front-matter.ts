import { stringify } from 'yaml';
import type { IncidentCatalog } from '../model/catalog';
import { METRIC_KEYS } from '../metrics/incident-metrics';
import type { PostmortemContext } from './postmortem-context';

const minutes = (seconds: number | null) => (seconds === null || seconds < 0 ? null : Math.round(seconds / 60));

/** The review's learning fields, as the catalog and Insights read them back. */
function catalogFrontMatter(c: IncidentCatalog, resolveSeconds: number | null, impactSeconds: number | null) {
  return {
    failureDomains: c.failureDomains,
    trigger: c.trigger || null,
    contributingFactors: c.contributingFactors,
    detectionMethod: c.detectionMethod || null,
    resolution: c.resolution || null,
    lessons: { wentWell: c.lessons.wentWell, wentPoorly: c.lessons.wentPoorly, lucky: c.lessons.lucky },
    durationMinutes: minutes(resolveSeconds),
    customerImpactMinutes: c.customerImpactMinutes ?? minutes(impactSeconds),
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * YAML front matter for an exported postmortem. Keys are always written in the same order and
 * dates as UTC ISO strings, so exports of the same review diff cleanly.
 */
export function exportFrontMatter(ctx: PostmortemContext, templateId: string): string {
  const i = ctx.incident;
  const seconds = new Map(ctx.metrics.map((m) => [m.key, m.seconds]));
  const data = {
    id: i.id,
    title: i.title,
    severity: i.severity,
    status: i.status,
    services: i.services,
    commander: i.commander,
    startedAt: iso(i.startedAt),
    detectedAt: iso(i.detectedAt),
    resolvedAt: iso(i.resolvedAt),
    impactStartedAt: iso(i.impactStartedAt),
    impactEndedAt: iso(i.impactEndedAt),
    reviewAt: iso(i.reviewAt),
    timeZone: i.timeZone,
    template: templateId,
    authors: ctx.document.authors,
    generatedAt: iso(ctx.document.generatedAt),
    metrics: Object.fromEntries(METRIC_KEYS.map((key) => [key, seconds.get(key) ?? null])),
    catalog: catalogFrontMatter(i.catalog, seconds.get('timeToAllClear') ?? null, seconds.get('customerImpact') ?? null),
  };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}
