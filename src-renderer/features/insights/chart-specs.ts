import type { InsightsView } from '@core/insights/insights-view';
import { monthLabel } from '@core/insights/months';
import type { TrendMetric } from '@core/insights/trends';
import { SEVERITIES } from '@core/model/severity';
import type { ChartSpec } from './chart-options';
import type { ChartTheme } from './chart-theme';

/** Incidents per month, stacked by severity (SEV1 at the bottom). */
export function severitySpec(view: InsightsView, theme: ChartTheme): ChartSpec {
  return {
    kind: 'stacked-bars',
    labels: view.months.map(monthLabel),
    unit: 'incidents',
    series: SEVERITIES.map((sev, i) => ({ label: sev, color: theme.sev[i] as string, values: view.perMonth.map((p) => p.counts[sev]) })),
  };
}

/** One MTTx metric per month: median (solid) and p90 (dashed), in minutes. */
export function metricSpec(view: InsightsView, metric: TrendMetric, theme: ChartTheme): ChartSpec {
  const points = view.metrics[metric];
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    kind: 'lines',
    labels: view.months.map(monthLabel),
    unit: 'min',
    series: [
      { label: 'Median', color: theme.accent, values: points.map((p) => round(p.median)) },
      { label: 'p90', color: theme.warn, dash: true, values: points.map((p) => round(p.p90)) },
    ],
  };
}
