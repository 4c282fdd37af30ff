import { useMemo, useState } from 'react';
import { formatMinutes, formatShare } from '@core/insights/format';
import { computeInsights } from '@core/insights/insights-view';
import { periodRange, quarterOf, type PeriodChoice } from '@core/insights/period';
import { TREND_METRIC_LABEL } from '@core/insights/trends';
import { SEVERITIES, type Severity } from '@core/model/severity';
import { useInsightsData } from '@data/insights';
import { EmptyState } from '@ui/EmptyState';
import { ActionItemInsights } from './ActionItemInsights';
import { BarList } from './BarList';
import { IncidentsBehind, type Selection } from './IncidentsBehind';
import { QuarterSelect } from './QuarterSelect';
import { ReportPanel } from './ReportPanel';
import { TeamWordsDialog } from './TeamWordsDialog';
import { TrendCharts } from './TrendCharts';
import './insights.css';

const PERIODS: Record<PeriodChoice, string> = { '12m': 'Last 12 months', '5y': 'Last 5 years', all: 'All time', quarter: 'A quarter' };

/** What fails most, how fast we recover, and whether we close our action items. */
export function InsightsPage() {
  const data = useInsightsData();
  const allRows = data?.rows;
  const [now] = useState(() => Date.now());
  const [choice, setChoice] = useState<PeriodChoice>('12m');
  const [quarter, setQuarter] = useState(() => quarterOf(now));
  const [severities, setSeverities] = useState<Severity[]>([]);
  const [service, setService] = useState('');
  const [trigger, setTrigger] = useState('');
  const [editingWords, setEditingWords] = useState(false);
  // The incidents behind a point belong to the filters they were picked under: changing a filter
  // closes the list rather than leave one that no longer matches the charts.
  const [picked, setPicked] = useState<{ selection: Selection; filters: string } | null>(null);
  const [reporting, setReporting] = useState(false);

  const earliest = useMemo(() => (allRows?.length ? Math.min(...allRows.map((r) => r.startedAt)) : null), [allRows]);
  const range = periodRange(choice, now, quarter, earliest);
  const view = useMemo(
    () => (data ? computeInsights(data.rows, data.actionItems, data.deployNear, { from: range.from, to: range.to, severities, service, trigger }, now) : null),
    [data, range.from, range.to, severities, service, trigger, now],
  );
  const rowsById = useMemo(() => new Map((allRows ?? []).map((r) => [r.id, r])), [allRows]);
  const services = useMemo(() => [...new Set((allRows ?? []).flatMap((r) => r.services))].sort(), [allRows]);
  const triggers = useMemo(() => [...new Set((allRows ?? []).map((r) => r.catalog.trigger).filter(Boolean))].sort(), [allRows]);
  const quarters = useMemo(() => {
    const list = new Set((allRows ?? []).map((r) => quarterOf(r.startedAt)));
    list.add(quarterOf(now));
    return [...list].sort().reverse();
  }, [allRows, now]);

  const filters = JSON.stringify([range.from, range.to, severities, service, trigger]);
  const selection = picked?.filters === filters ? picked.selection : null;
  const select = (s: Selection) => {
    setPicked({ selection: s, filters });
    requestAnimationFrame(() => document.getElementById('ins-behind')?.focus());
  };

  if (!data || !view) return <p className="loading">Counting incidents…</p>;
  if (data.rows.length === 0) {
    return (
      <EmptyState title="No incidents to learn from yet">
        <p>Insights count incidents across your library: create and review a few, and fill in the Catalog on each Review tab.</p>
      </EmptyState>
    );
  }

  const uncatalogued = view.rows.filter((r) => !r.catalogued).length;
  return (
    <section className="ins-page" aria-labelledby="ins-title">
      <div className="library-heading">
        <h1 id="ins-title" className="page-title">
          Insights
        </h1>
        <div className="library-heading-actions">
          <button type="button" onClick={() => setEditingWords(true)}>
            Your team’s words…
          </button>
          <button type="button" onClick={() => setReporting(!reporting)} aria-expanded={reporting}>
            Quarterly report…
          </button>
        </div>
      </div>
      {editingWords && <TeamWordsDialog onClose={() => setEditingWords(false)} />}
      {reporting && (
        <ReportPanel
          quarters={quarters}
          initialQuarter={choice === 'quarter' ? quarter : quarterOf(now)}
          rows={data.rows}
          actionItems={data.actionItems}
          deployNear={data.deployNear}
          onClose={() => setReporting(false)}
        />
      )}
      <div className="library-toolbar ins-filters" role="group" aria-label="Insights filters">
        <label className="inline-field">
          <span>Period</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value as PeriodChoice)}>
            {Object.entries(PERIODS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {choice === 'quarter' && (
          <QuarterSelect quarters={quarters} value={quarter} onChange={setQuarter} />
        )}
        <div className="chip-group" role="group" aria-label="Severity">
          {SEVERITIES.map((s) => (
            <button key={s} type="button" className="chip" aria-pressed={severities.includes(s)} onClick={() => setSeverities(severities.includes(s) ? severities.filter((x) => x !== s) : [...severities, s])}>
              {s}
            </button>
          ))}
        </div>
        <label className="inline-field">
          <span>Service</span>
          <select value={service} onChange={(e) => setService(e.target.value)}>
            <option value="">All</option>
            {services.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>Trigger</span>
          <select value={trigger} onChange={(e) => setTrigger(e.target.value)}>
            <option value="">All</option>
            {triggers.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
      </div>

      <dl className="ins-figures" aria-label="Key figures">
        <div>
          <dt>Incidents</dt>
          <dd>
            <button type="button" className="link-button" onClick={() => select({ label: `Incidents in ${range.label}`, ids: view.rows.map((r) => r.id) })}>
              {view.rows.length}
            </button>
          </dd>
        </div>
        {(['timeToDetect', 'timeToMitigate'] as const).map((m) => (
          <div key={m}>
            <dt>{TREND_METRIC_LABEL[m]}, median</dt>
            <dd>{formatMinutes(view.overall[m].median)}</dd>
          </div>
        ))}
        <div>
          <dt>Deploy-related</dt>
          <dd>
            <button type="button" className="link-button" onClick={() => select({ label: 'Deploy-related incidents', ids: view.deploy.ids })}>
              {formatShare(view.deploy.share)}
            </button>
            {data.deployScanLeft > 0 && <small className="muted"> (checking deploy events…)</small>}
          </dd>
        </div>
        <div>
          <dt>Repeat incidents</dt>
          <dd>{view.repeats.reduce((n, g) => n + g.ids.length - 1, 0)}</dd>
        </div>
        <div>
          <dt>SLA compliance</dt>
          <dd>{formatShare(view.compliance.overall.rate)}</dd>
        </div>
      </dl>
      {uncatalogued > 0 && (
        <p className="muted">
          {uncatalogued} of {view.rows.length} incidents have no catalog yet (trigger, failure domains…): fill it in on their Review tab so they count in the lists below.
        </p>
      )}

      {selection && <IncidentsBehind selection={selection} rowsById={rowsById} onClose={() => setPicked(null)} />}

      <h2 className="ins-section">How often, and how fast we recover</h2>
      <TrendCharts view={view} onSelect={select} />

      <h2 className="ins-section">What fails most</h2>
      <div className="ins-grid ins-grid-3">
        <BarList title="Top services" values={view.topServices} onSelect={select} empty="No services recorded." />
        <BarList title="Top triggers" values={view.topTriggers} onSelect={select} empty="No triggers in the catalog yet." />
        <BarList title="Top contributing factors" values={view.topFactors} onSelect={select} empty="No contributing factors in the catalog yet." />
      </div>
      <section className="ins-card" aria-label="Repeat incidents">
        <h3>Repeat incidents (same service and trigger within 90 days)</h3>
        {view.repeats.length === 0 ? (
          <p className="muted">No repeats in this period.</p>
        ) : (
          <ul>
            {view.repeats.map((g) => (
              <li key={`${g.service}|${g.trigger}|${g.ids[0]}`}>
                <button type="button" className="link-button" onClick={() => select({ label: `Repeats: ${g.service}, ${g.trigger}`, ids: g.ids })}>
                  {g.service} · {g.trigger}
                </button>{' '}
                <span className="muted">{g.ids.length} incidents</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <h2 className="ins-section">Are we closing our action items</h2>
      <ActionItemInsights view={view} />
    </section>
  );
}
