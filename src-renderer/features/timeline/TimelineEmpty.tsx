import type { Incident } from '@core/model/incident';
import { EmptyState } from '@ui/EmptyState';

export function TimelineEmpty({ incident, onAddManual }: { incident: Incident; onAddManual: () => void }) {
  return (
    <EmptyState
      title="The timeline is empty"
      action={
        <button type="button" className="primary" onClick={onAddManual}>
          Add a manual event
        </button>
      }
    >
      <p>
        The timeline merges the Slack, PagerDuty, Statuspage, Alertmanager and CSV history of “{incident.title}” into one record of what happened. Use <strong>Import…</strong> or drop the
        export files onto this window to bring them in.
      </p>
      <p className="muted">Something no tool recorded — a phone call, a decision on the bridge? Add it by hand.</p>
    </EmptyState>
  );
}
