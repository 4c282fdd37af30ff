import type { Incident } from '@core/model/incident';
import type { Milestone } from '@core/model/milestone';
import { computeMetrics, formatDuration } from '@core/timeline/metrics';

interface Metric {
  label: string;
  value: number | null;
  needs: string;
}

/** MTTx metrics, recomputed on every render from the milestones as they are now. */
export function MetricsPanel({ incident, milestones }: { incident: Incident; milestones: Milestone[] }) {
  const m = computeMetrics(incident, milestones);
  const noStart = 'the incident’s start time (Edit)';
  const rows: Metric[] = [
    { label: 'Time to detect', value: m.timeToDetect, needs: m.start === null ? noStart : 'a Detect milestone' },
    { label: 'Time to assemble', value: m.timeToAssemble, needs: m.start === null ? noStart : 'an Assemble milestone' },
    { label: 'Time to mitigate', value: m.timeToMitigate, needs: m.start === null ? noStart : 'a Mitigate milestone' },
    { label: 'Time to Under Control', value: m.timeToUnderControl, needs: m.start === null ? noStart : 'an Under Control milestone' },
    { label: 'Time to All Clear', value: m.timeToAllClear, needs: m.start === null ? noStart : 'an All Clear milestone' },
    { label: 'Customer-impact duration', value: m.customerImpact, needs: m.start === null ? noStart : 'a Mitigate or Under Control milestone' },
  ];
  return (
    <section className="tl-panel" aria-labelledby="tl-metrics-title">
      <h2 id="tl-metrics-title">Metrics</h2>
      <dl className="tl-metrics">
        {rows.map((row) => (
          <div key={row.label} className="tl-metric">
            <dt>{row.label}</dt>
            <dd title={row.value === null ? `Needs ${row.needs}` : undefined} className={row.value !== null && row.value < 0 ? 'tl-negative' : undefined}>
              {row.value === null ? <span className="muted">—</span> : formatDuration(row.value)}
            </dd>
          </div>
        ))}
      </dl>
      <h3 className="tl-subtitle">Time per phase</h3>
      <dl className="tl-metrics">
        {m.phases.map((phase) => (
          <div key={phase.phase} className="tl-metric">
            <dt>{phase.phase}</dt>
            <dd>{phase.duration === null ? <span className="muted">—</span> : formatDuration(phase.duration)}</dd>
          </div>
        ))}
      </dl>
      {m.start === null && <p className="muted tl-hint">Times are measured from the incident’s start: set “Started” with Edit.</p>}
    </section>
  );
}
