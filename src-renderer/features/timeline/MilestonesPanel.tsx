import type { Milestone } from '@core/model/milestone';
import { checkMilestoneOrder } from '@core/timeline/milestone-order';
import type { MilestoneSuggestion } from '@core/timeline/milestone-suggestions';
import { formatInZone } from '@core/timeline/day-groups';

interface MilestonesPanelProps {
  milestones: Milestone[];
  suggestions: MilestoneSuggestion[];
  zone: string;
  onAdd: () => void;
  onEdit: (milestone: Milestone) => void;
  onDelete: (milestone: Milestone) => void;
  onJump: (eventId: string) => void;
  onConfirm: (suggestion: MilestoneSuggestion) => void;
  onDismiss: (suggestion: MilestoneSuggestion) => void;
}

export function MilestonesPanel({ milestones, suggestions, zone, onAdd, onEdit, onDelete, onJump, onConfirm, onDismiss }: MilestonesPanelProps) {
  const warnings = checkMilestoneOrder(milestones);
  const sorted = [...milestones].sort((a, b) => a.at - b.at);
  return (
    <section className="tl-panel" aria-labelledby="tl-milestones-title">
      <div className="tl-panel-head">
        <h2 id="tl-milestones-title">Milestones</h2>
        <button type="button" onClick={onAdd}>
          + Milestone
        </button>
      </div>
      {sorted.length === 0 && <p className="muted tl-hint">Select an event and press M, or add one with a typed time.</p>}
      <ol className="tl-milestones">
        {sorted.map((m) => (
          <li key={m.id}>
            <span className="tl-milestone-label">◆ {m.label}</span>
            <time dateTime={new Date(m.at).toISOString()}>{formatInZone(m.at, zone, 'd MMM HH:mm:ss')}</time>
            <span className="tl-milestone-actions">
              {m.eventId && (
                <button type="button" className="link-button" onClick={() => m.eventId && onJump(m.eventId)}>
                  Show
                </button>
              )}
              <button type="button" className="link-button" aria-label={`Edit ${m.label}`} onClick={() => onEdit(m)}>
                Edit
              </button>
              <button type="button" className="link-button tl-danger" aria-label={`Delete ${m.label}`} onClick={() => onDelete(m)}>
                Delete
              </button>
            </span>
            {m.note && <span className="muted tl-milestone-note">{m.note}</span>}
          </li>
        ))}
      </ol>
      {warnings.length > 0 && (
        <ul className="tl-warnings" aria-label="Milestone order warnings">
          {warnings.map((w) => (
            <li key={`${w.expectedFirst.id}-${w.expectedSecond.id}`}>⚠ {w.message}</li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <>
          <h3 className="tl-subtitle">Suggested from the sources</h3>
          <ul className="tl-suggestions">
            {suggestions.map((s) => (
              <li key={`${s.kind}|${s.eventId}`}>
                <span>
                  <strong>{s.label}</strong> · {formatInZone(s.at, zone, 'HH:mm:ss')}
                  <br />
                  <span className="muted">{s.reason}</span>
                </span>
                <span className="tl-suggestion-actions">
                  <button type="button" onClick={() => onConfirm(s)} aria-label={`Confirm ${s.label}`}>
                    Confirm
                  </button>
                  <button type="button" className="link-button" onClick={() => onDismiss(s)} aria-label={`Dismiss ${s.label}`}>
                    Dismiss
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
