import type { Incident } from '@core/model/incident';
import type { Milestone } from '@core/model/milestone';
import { formatDuration } from '@core/metrics/elapsed';
import { computeIncidentMetrics, METRIC_KEYS } from '@core/metrics/incident-metrics';
import { IMPACT_END_DEFAULTS, type ImpactEndDefault } from '@core/metrics/metric-options';
import { useMetricOptions } from './use-metric-options';

/**
 * The incident's metrics as core/metrics defines them (the postmortem and exports read the same
 * numbers), recomputed on every render from the milestones as they are now. Each value says how
 * it was measured; a missing one says what to record.
 */
export function MetricsPanel({ incident, milestones }: { incident: Incident; milestones: Milestone[] }) {
  const options = useMetricOptions();
  const m = computeIncidentMetrics(incident, milestones, options.value);
  const impact = m.metrics.customerImpact;
  return (
    <section className="tl-panel" aria-labelledby="tl-metrics-title">
      <h2 id="tl-metrics-title">Metrics</h2>
      <dl className="tl-metrics">
        {METRIC_KEYS.map((key) => {
          const metric = m.metrics[key];
          return (
            <div key={key} className="tl-metric">
              <dt>{metric.label}</dt>
              <dd
                title={metric.ms === null ? `Needs ${metric.needs.join(' and ')}` : metric.explanation}
                className={metric.ms !== null && metric.ms < 0 ? 'tl-negative' : undefined}
              >
                {metric.ms === null ? <span className="muted">—</span> : formatDuration(metric.ms)}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="muted tl-hint" data-testid="impact-explanation">
        Customer impact: {impact.ms === null ? `needs ${impact.needs.join(' and ')}` : impact.explanation}.
      </p>
      <label className="tl-impact-setting">
        Without an Impact end milestone, impact ends at
        <select value={options.value.impactEndDefault} onChange={(e) => options.set({ impactEndDefault: e.target.value as ImpactEndDefault })}>
          {IMPACT_END_DEFAULTS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <h3 className="tl-subtitle">Time per phase</h3>
      <dl className="tl-metrics">
        {m.phases.map((phase) => (
          <div key={phase.phase} className="tl-metric">
            <dt>{phase.phase}</dt>
            <dd>{phase.duration === null ? <span className="muted">—</span> : formatDuration(phase.duration)}</dd>
          </div>
        ))}
      </dl>
      {incident.startedAt === null && <p className="muted tl-hint">Times are measured from the incident’s start: set “Started” with Edit.</p>}
    </section>
  );
}
