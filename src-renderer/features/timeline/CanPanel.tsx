import type { CanReportEntry } from '@core/timeline/can-report';
import { formatInZone } from '@core/time/format-in-zone';

/** CAN reports (Conditions, Actions, Needs) in the order they were given. */
export function CanPanel({ reports, zone, onJump, onAdd }: { reports: CanReportEntry[]; zone: string; onJump: (eventId: string) => void; onAdd: () => void }) {
  return (
    <section className="tl-panel" aria-labelledby="tl-can-title">
      <div className="tl-panel-head">
        <h2 id="tl-can-title">CAN reports</h2>
        <button type="button" onClick={onAdd}>
          + CAN report
        </button>
      </div>
      {reports.length === 0 && <p className="muted tl-hint">Messages with Conditions, Actions and Needs headings show up here.</p>}
      <ol className="tl-can-list">
        {reports.map((r) => (
          <li key={r.eventId} className="tl-can">
            <button type="button" className="link-button" onClick={() => onJump(r.eventId)}>
              {formatInZone(r.at, zone, 'd MMM HH:mm')} · {r.actorName || 'Unknown'}
            </button>
            <dl>
              <dt>Conditions</dt>
              <dd>{r.conditions || '—'}</dd>
              <dt>Actions</dt>
              <dd>{r.actions || '—'}</dd>
              <dt>Needs</dt>
              <dd>{r.needs || '—'}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
