import { facetCounts, NOT_SET, type CatalogFacet } from '../catalog/catalog-facets';
import type { CatalogRow } from '../catalog/catalog-row';
import { METRICS } from '../metrics/incident-metrics';
import { SEVERITIES, type Severity } from '../model/severity';
import { monthKey } from './months';
import { quantile } from './quantile';

/** What the Insights page is looking at. Times are inclusive UTC ms. */
export interface InsightsFilter {
  from: number;
  to: number;
  severities: Severity[];
  service: string;
  trigger: string;
}

export function filterRows(rows: readonly CatalogRow[], f: InsightsFilter): CatalogRow[] {
  const service = f.service.toLowerCase();
  const trigger = f.trigger.toLowerCase();
  return rows.filter(
    (r) =>
      r.startedAt >= f.from &&
      r.startedAt <= f.to &&
      (f.severities.length === 0 || f.severities.includes(r.severity)) &&
      (!service || r.services.some((s) => s.toLowerCase() === service)) &&
      (!trigger || r.catalog.trigger.toLowerCase() === trigger),
  );
}

export interface MonthCounts {
  month: string;
  counts: Record<Severity, number>;
  /** The incidents behind each bar segment. */
  ids: Record<Severity, string[]>;
}

export function incidentsPerMonth(rows: readonly CatalogRow[], months: readonly string[]): MonthCounts[] {
  const byMonth = new Map<string, MonthCounts>();
  for (const month of months) {
    byMonth.set(month, { month, counts: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 }, ids: { SEV1: [], SEV2: [], SEV3: [], SEV4: [] } });
  }
  for (const row of rows) {
    const point = byMonth.get(monthKey(row.startedAt));
    if (!point) continue;
    point.counts[row.severity] += 1;
    point.ids[row.severity].push(row.id);
  }
  return [...byMonth.values()];
}

export const TREND_METRICS = ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'customerImpact'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

/** The metrics' own names (core/metrics), so Insights says what the panel and the postmortem say. */
export const TREND_METRIC_LABEL = Object.fromEntries(TREND_METRICS.map((m) => [m, METRICS[m].label])) as Record<TrendMetric, string>;

/** The metric of one incident in minutes, or null when it was not recorded. */
export function metricMinutes(row: CatalogRow, metric: TrendMetric): number | null {
  if (metric === 'customerImpact') return row.customerImpactMinutes;
  const ms = row[metric];
  return ms === null || ms < 0 ? null : ms / 60_000;
}

export interface MetricPoint {
  month: string;
  /** Minutes; null for a month with no incident that recorded the metric. */
  median: number | null;
  p90: number | null;
  /** The incidents the point is computed from. */
  ids: string[];
}

export function metricPerMonth(rows: readonly CatalogRow[], months: readonly string[], metric: TrendMetric): MetricPoint[] {
  const values = new Map<string, { ids: string[]; minutes: number[] }>(months.map((m) => [m, { ids: [], minutes: [] }]));
  for (const row of rows) {
    const bucket = values.get(monthKey(row.startedAt));
    const minutes = metricMinutes(row, metric);
    if (!bucket || minutes === null) continue;
    bucket.ids.push(row.id);
    bucket.minutes.push(minutes);
  }
  return months.map((month) => {
    const v = values.get(month) ?? { ids: [], minutes: [] };
    return { month, median: quantile(v.minutes, 0.5), p90: quantile(v.minutes, 0.9), ids: v.ids };
  });
}

export interface TopValue {
  value: string;
  count: number;
  ids: string[];
}

/** The most frequent values of a catalog field ("Not set" left out), with their incidents. */
export function topValues(rows: readonly CatalogRow[], facet: CatalogFacet, limit = 8, valuesOf: (row: CatalogRow) => string[]): TopValue[] {
  const top = facetCounts(rows, facet)
    .filter((v) => v.value !== NOT_SET)
    .slice(0, limit);
  return top.map(({ value, count }) => ({
    value,
    count,
    ids: rows.filter((r) => valuesOf(r).some((v) => v.toLowerCase() === value.toLowerCase())).map((r) => r.id),
  }));
}

export interface RepeatGroup {
  service: string;
  trigger: string;
  /** Incidents in time order; each came within REPEAT_WINDOW_DAYS of the one before. */
  ids: string[];
}

export const REPEAT_WINDOW_DAYS = 90;

/**
 * Repeat incidents: the same service and the same trigger again within 90 days of the
 * previous one. Each run of such incidents is one group; a lone incident is no repeat.
 */
export function repeatIncidents(rows: readonly CatalogRow[]): RepeatGroup[] {
  const window = REPEAT_WINDOW_DAYS * 86_400_000;
  const keyed = new Map<string, { service: string; trigger: string; rows: CatalogRow[] }>();
  for (const row of rows) {
    const trigger = row.catalog.trigger.trim();
    if (!trigger) continue;
    for (const service of new Set(row.services)) {
      const key = `${service.toLowerCase()}\u0000${trigger.toLowerCase()}`;
      const entry = keyed.get(key) ?? { service, trigger, rows: [] };
      entry.rows.push(row);
      keyed.set(key, entry);
    }
  }
  const groups: RepeatGroup[] = [];
  for (const { service, trigger, rows: list } of keyed.values()) {
    list.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
    let run: CatalogRow[] = [];
    const flush = () => {
      if (run.length > 1) groups.push({ service, trigger, ids: run.map((r) => r.id) });
    };
    for (const row of list) {
      const last = run[run.length - 1];
      if (last && row.startedAt - last.startedAt > window) {
        flush();
        run = [];
      }
      run.push(row);
    }
    flush();
  }
  return groups.sort((a, b) => b.ids.length - a.ids.length || a.service.localeCompare(b.service) || a.trigger.localeCompare(b.trigger));
}

export const DEPLOY_WINDOW_MINUTES = 30;

/** Whether an incident's trigger says deploy ("deploy", "Deploy", "bad deploy"…). */
export function deployTriggered(row: CatalogRow): boolean {
  return /\bdeploy/i.test(row.catalog.trigger);
}

export interface DeployShare {
  ids: string[];
  total: number;
  /** 0–1, or null with no incidents. */
  share: number | null;
}

/**
 * Deploy-related incidents: the trigger is a deploy, or a deploy event came within 30 minutes
 * before detection (`deployNearDetection` holds the ids where one did).
 */
export function deployRelatedShare(rows: readonly CatalogRow[], deployNearDetection: ReadonlySet<string>): DeployShare {
  const ids = rows.filter((r) => deployTriggered(r) || deployNearDetection.has(r.id)).map((r) => r.id);
  return { ids, total: rows.length, share: rows.length ? ids.length / rows.length : null };
}

/** Whether a deploy at `deployAt` counts for an incident detected at `detectedAt`. */
export function deployCounts(deployAt: number, detectedAt: number): boolean {
  return deployAt <= detectedAt && detectedAt - deployAt <= DEPLOY_WINDOW_MINUTES * 60_000;
}

export { SEVERITIES };
