import { useMemo, useState } from 'react';
import { formatMinutes } from '@core/insights/format';
import type { InsightsView } from '@core/insights/insights-view';
import { monthLabel } from '@core/insights/months';
import { TREND_METRICS, TREND_METRIC_LABEL, type TrendMetric } from '@core/insights/trends';
import { SEVERITIES } from '@core/model/severity';
import { ChartFigure } from './ChartFigure';
import { metricSpec, severitySpec } from './chart-specs';
import { readChartTheme } from './chart-theme';
import type { Selection } from './IncidentsBehind';

interface TrendChartsProps {
  view: InsightsView;
  onSelect: (selection: Selection) => void;
}

/** Incidents per month by severity, and one MTTx metric per month as median and p90. */
export function TrendCharts({ view, onSelect }: TrendChartsProps) {
  const [metric, setMetric] = useState<TrendMetric>('timeToMitigate');
  const labels = useMemo(() => view.months.map(monthLabel), [view.months]);
  // Colours are read with the data; ChartFigure redraws by itself when the OS theme changes.
  const countSpec = useMemo(() => severitySpec(view, readChartTheme()), [view]);
  const points = view.metrics[metric];
  const lineSpec = useMemo(() => metricSpec(view, metric, readChartTheme()), [view, metric]);
  const monthIds = (i: number) => SEVERITIES.flatMap((s) => view.perMonth[i]?.ids[s] ?? []);

  return (
    <div className="ins-grid">
      <ChartFigure
        title="Incidents per month by severity"
        spec={countSpec}
        describe={(i) => `${labels[i]}: ${SEVERITIES.map((s) => `${s} ${view.perMonth[i]?.counts[s] ?? 0}`).join(', ')}.`}
        onPick={(i) => onSelect({ label: `Incidents in ${labels[i]}`, ids: monthIds(i) })}
        table={
          <table>
            <caption className="sr-only">Incidents per month by severity</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                {SEVERITIES.map((s) => (
                  <th key={s} scope="col">
                    {s}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {view.perMonth.map((p, i) => (
                <tr key={p.month}>
                  <th scope="row">{labels[i]}</th>
                  {SEVERITIES.map((s) => (
                    <td key={s}>
                      {p.counts[s] > 0 ? (
                        <button type="button" className="link-button" onClick={() => onSelect({ label: `${s} in ${labels[i]}`, ids: p.ids[s] })}>
                          {p.counts[s]}
                        </button>
                      ) : (
                        0
                      )}
                    </td>
                  ))}
                  <td>{SEVERITIES.reduce((n, s) => n + p.counts[s], 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <div>
        <label className="inline-field ins-metric-pick">
          <span>Metric</span>
          <select value={metric} onChange={(e) => setMetric(e.target.value as TrendMetric)}>
            {TREND_METRICS.map((m) => (
              <option key={m} value={m}>
                {TREND_METRIC_LABEL[m]}
              </option>
            ))}
          </select>
        </label>
        <ChartFigure
          title={`${TREND_METRIC_LABEL[metric]} per month, median and p90`}
          spec={lineSpec}
          describe={(i) => `${labels[i]}: median ${formatMinutes(points[i]?.median ?? null)}, p90 ${formatMinutes(points[i]?.p90 ?? null)}, from ${points[i]?.ids.length ?? 0} incidents.`}
          onPick={(i) => onSelect({ label: `${TREND_METRIC_LABEL[metric]}, ${labels[i]}`, ids: points[i]?.ids ?? [] })}
          table={
            <table>
              <caption className="sr-only">{TREND_METRIC_LABEL[metric]} per month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Median</th>
                  <th scope="col">p90</th>
                  <th scope="col">Incidents</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p, i) => (
                  <tr key={p.month}>
                    <th scope="row">{labels[i]}</th>
                    <td>{formatMinutes(p.median)}</td>
                    <td>{formatMinutes(p.p90)}</td>
                    <td>
                      {p.ids.length > 0 ? (
                        <button type="button" className="link-button" onClick={() => onSelect({ label: `${TREND_METRIC_LABEL[metric]}, ${labels[i]}`, ids: p.ids })}>
                          {p.ids.length}
                        </button>
                      ) : (
                        0
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </div>
    </div>
  );
}
