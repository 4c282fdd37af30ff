import type { Period } from '../action-items/compliance';
import type { CatalogRow } from '../catalog/catalog-row';
import type { ActionItem } from '../model/action-item';
import { complianceBreakdown, openItems, overdueItems, type ComplianceRow, type OpenCounts, type OverdueItem } from './action-stats';
import { monthsBetween } from './months';
import { quantile } from './quantile';
import {
  deployRelatedShare,
  filterRows,
  incidentsPerMonth,
  metricMinutes,
  metricPerMonth,
  repeatIncidents,
  topValues,
  TREND_METRICS,
  type DeployShare,
  type InsightsFilter,
  type MetricPoint,
  type MonthCounts,
  type RepeatGroup,
  type TopValue,
  type TrendMetric,
} from './trends';

export interface InsightsView {
  rows: CatalogRow[];
  months: string[];
  perMonth: MonthCounts[];
  metrics: Record<TrendMetric, MetricPoint[]>;
  /** Median and p90 over the whole period, minutes. */
  overall: Record<TrendMetric, { median: number | null; p90: number | null; count: number }>;
  topServices: TopValue[];
  topTriggers: TopValue[];
  topFactors: TopValue[];
  repeats: RepeatGroup[];
  deploy: DeployShare;
  open: OpenCounts;
  compliance: { byOwner: ComplianceRow[]; byPriority: ComplianceRow[]; overall: ComplianceRow };
  overdue: OverdueItem[];
}

/**
 * Every figure of the Insights page (and the quarterly report) for a filter, from the catalog
 * rows and action items. Pure: the same input gives the same figures, so a report for a period
 * is reproducible. Action items are those of the incidents in view; compliance counts items
 * closed within the period.
 */
export function computeInsights(allRows: readonly CatalogRow[], items: readonly ActionItem[], deployNear: ReadonlySet<string>, filter: InsightsFilter, now: number): InsightsView {
  const rows = filterRows(allRows, filter).sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  const months = monthsBetween(filter.from, Math.min(filter.to, Math.max(filter.from, now)));
  const ids = new Set(rows.map((r) => r.id));
  const scoped = items.filter((i) => ids.has(i.incidentId));
  const period: Period = { from: filter.from, to: filter.to };
  const breakdown = complianceBreakdown(scoped, period);
  const overallCompliance = breakdown.byPriority.reduce((acc, r) => ({ ...acc, closed: acc.closed + r.closed, met: acc.met + r.met, missed: acc.missed + r.missed }), { key: 'All', closed: 0, met: 0, missed: 0, rate: null as number | null });
  overallCompliance.rate = overallCompliance.closed ? overallCompliance.met / overallCompliance.closed : null;
  const metrics = Object.fromEntries(TREND_METRICS.map((m) => [m, metricPerMonth(rows, months, m)])) as Record<TrendMetric, MetricPoint[]>;
  const overall = Object.fromEntries(
    TREND_METRICS.map((m) => {
      const values = rows.map((r) => metricMinutes(r, m)).filter((v): v is number => v !== null);
      return [m, { median: quantile(values, 0.5), p90: quantile(values, 0.9), count: values.length }];
    }),
  ) as InsightsView['overall'];
  return {
    rows,
    months,
    perMonth: incidentsPerMonth(rows, months),
    metrics,
    overall,
    topServices: topValues(rows, 'service', 8, (r) => r.services),
    topTriggers: topValues(rows, 'trigger', 8, (r) => [r.catalog.trigger]),
    topFactors: topValues(rows, 'factor', 8, (r) => r.catalog.contributingFactors),
    repeats: repeatIncidents(rows),
    deploy: deployRelatedShare(rows, deployNear),
    open: openItems(scoped),
    compliance: { ...breakdown, overall: overallCompliance },
    overdue: overdueItems(scoped, now),
  };
}
