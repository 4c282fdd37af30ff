import { useId, useState } from 'react';
import type { ActionItem } from '@core/model/action-item';
import { complianceOver, complianceTrend } from '@core/action-items/compliance';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { bucketFor, periodFor, type PeriodChoice } from './compliance-period';

const CHOICE_LABEL: Record<PeriodChoice, string> = { '30': 'Last 30 days', '90': 'Last 90 days', '365': 'Last 365 days', custom: 'Custom range' };
const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Share of items closed within their SLA, with a bar per week or month. */
export function CompliancePanel({ items, now, timeZone }: { items: readonly ActionItem[]; now: number; timeZone: string }) {
  const id = useId();
  const [choice, setChoice] = useState<PeriodChoice>('90');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const period = periodFor(choice, now, timeZone, custom);
  // Cheap enough to recompute on each render: one pass over the items per bar.
  const bucket = period ? bucketFor(period) : 'week';
  const result = period ? { total: complianceOver(items, period), trend: complianceTrend(items, { ...period, bucket, timeZone }), bucket } : null;

  const label = (start: number) => format(new TZDate(start, timeZone), result?.bucket === 'week' ? 'd MMM' : 'MMM yyyy');
  const W = 560;
  const H = 120;
  const trend = result?.trend ?? [];
  const barW = trend.length ? W / trend.length : W;

  return (
    <section className="ai-compliance" aria-labelledby={`${id}-title`}>
      <header className="ai-section-header">
        <h2 id={`${id}-title`}>SLA compliance</h2>
        <label className="inline-field">
          <span>Period</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value as PeriodChoice)}>
            {Object.entries(CHOICE_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        {choice === 'custom' && (
          <>
            <label className="inline-field">
              <span>From</span>
              <input type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            </label>
            <label className="inline-field">
              <span>To</span>
              <input type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
            </label>
          </>
        )}
      </header>
      {!result ? (
        <p className="muted">Pick the first and last day of the range (the first on or before the last).</p>
      ) : (
        <>
          <p className="ai-compliance-total">
            {result.total.closed === 0 ? (
              'No item with a due date was closed in this period.'
            ) : (
              <>
                <strong>{pct(result.total.rate)}</strong> closed within SLA: {result.total.met} of {result.total.closed} ({result.total.missed} missed).
              </>
            )}
          </p>
          {result.total.closed > 0 && (
            <svg className="ai-trend" viewBox={`0 -12 ${W} ${H + 30}`} role="img" aria-label={`Compliance per ${result.bucket}: ${trend.map((t) => `${label(t.start)} ${pct(t.rate)}`).join(', ')}`}>
              <line x1={0} x2={W} y1={H} y2={H} className="ai-trend-axis" />
              {trend.map((t, i) => {
                const h = t.rate === null ? 0 : Math.max(2, t.rate * (H - 4));
                return (
                  <g key={t.start}>
                    <title>{`${label(t.start)}: ${pct(t.rate)} (${t.met} of ${t.closed})`}</title>
                    {t.rate === null ? (
                      <rect x={i * barW + barW * 0.15} y={H - 2} width={barW * 0.7} height={2} className="ai-trend-empty" />
                    ) : (
                      <>
                        <rect x={i * barW + barW * 0.15} y={H - h} width={barW * 0.7} height={h} className={t.rate >= 0.8 ? 'ai-trend-good' : 'ai-trend-bad'} />
                        <text x={i * barW + barW / 2} y={H - h - 3} textAnchor="middle" className="ai-trend-value">
                          {pct(t.rate)}
                        </text>
                      </>
                    )}
                    {(trend.length <= 14 || i % Math.ceil(trend.length / 12) === 0) && (
                      <text x={i * barW + barW / 2} y={H + 13} textAnchor="middle" className="ai-trend-label">
                        {label(t.start)}
                      </text>
                    )}
                  </g>
                );
              })}
            </svg>
          )}
          {result.total.closed > 0 && (
          <details className="ai-trend-table">
            <summary>Show as a table</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{result.bucket === 'week' ? 'Week of' : 'Month'}</th>
                  <th scope="col">Closed</th>
                  <th scope="col">Met</th>
                  <th scope="col">Missed</th>
                  <th scope="col">Compliance</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((t) => (
                  <tr key={t.start}>
                    <td>{label(t.start)}</td>
                    <td>{t.closed}</td>
                    <td>{t.met}</td>
                    <td>{t.missed}</td>
                    <td>{pct(t.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          )}
        </>
      )}
    </section>
  );
}
