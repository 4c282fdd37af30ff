import type { Milestone } from '@core/model/milestone';
import { checkMilestoneOrder } from '@core/timeline/milestone-order';
import { confidenceLabel, type MilestoneSuggestion, type SuggestionCandidate } from '@core/milestones/suggest-milestones';
import { formatInZone } from '@core/time/format-in-zone';

interface MilestonesPanelProps {
  milestones: Milestone[];
  suggestions: MilestoneSuggestion[];
  zone: string;
  onAdd: () => void;
  onEdit: (milestone: Milestone) => void;
  onDelete: (milestone: Milestone) => void;
  onJump: (eventId: string) => void;
  /** Confirms the suggestion at its own evidence, or at one of its alternatives. */
  onConfirm: (suggestion: MilestoneSuggestion, pick?: SuggestionCandidate) => void;
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
              <li key={`${s.kind}|${s.label}|${s.eventId}`} className="tl-suggestion">
                <span>
                  <strong>{s.label}</strong> · {formatInZone(s.at, zone, 'HH:mm:ss')}{' '}
                  <span className={`tl-confidence tl-confidence-${confidenceLabel(s.confidence).toLowerCase()}`} title={`Confidence ${Math.round(s.confidence * 100)}%`}>
                    {confidenceLabel(s.confidence)}
                  </span>
                  <br />
                  <span className="muted">{s.reason}</span>
                  <button type="button" className="link-button tl-evidence" onClick={() => onJump(s.eventId)} title="Show this event in the timeline">
                    {s.actorName ? `${s.actorName}: ` : ''}“{s.evidence}”
                  </button>
                  {s.alternatives.length > 0 && (
                    <details className="tl-alternatives">
                      <summary>
                        {s.alternatives.length} other {s.alternatives.length === 1 ? 'candidate' : 'candidates'}
                      </summary>
                      <ul>
                        {s.alternatives.map((a) => (
                          <li key={a.eventId}>
                            {formatInZone(a.at, zone, 'HH:mm:ss')} · {confidenceLabel(a.confidence)} · {a.reason}
                            <button type="button" className="link-button" onClick={() => onJump(a.eventId)}>
                              Show
                            </button>
                            <button type="button" className="link-button" onClick={() => onConfirm(s, a)} aria-label={`Confirm ${s.label} at ${formatInZone(a.at, zone, 'HH:mm:ss')}`}>
                              Use this
                            </button>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
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
