import { TrashIcon } from '@ui/icons';
import type { TimelineEvent } from '@core/model/event';

export interface EventRowActions {
  select: (id: string) => void;
  togglePin: (event: TimelineEvent) => void;
  toggleThread: (id: string) => void;
  setMilestone: (event: TimelineEvent) => void;
  redact: (event: TimelineEvent) => void;
  deleteManual: (event: TimelineEvent) => void;
  toggleReveal: (id: string) => void;
  /** Shows `other` on a row of its own again (see core/timeline/same-event.ts). */
  splitSameEvent: (row: TimelineEvent, other: TimelineEvent) => void;
}

interface RowActionsProps {
  event: TimelineEvent;
  /** Names the event in each button's label (a screen reader's button list says which row it is in). */
  label: string;
  actions: EventRowActions;
}

/** Pin, milestone, redact (and delete for events added by hand): the buttons of the row being worked on. */
export function RowActions({ event, label, actions }: RowActionsProps) {
  return (
    <div className="tl-actions">
      <button
        type="button"
        className="icon-button"
        aria-label={`${event.pinned ? 'Unpin' : 'Pin'} ${label}`}
        aria-pressed={event.pinned}
        title={event.pinned ? 'Unpin (P)' : 'Pin as key moment (P)'}
        onClick={() => actions.togglePin(event)}
      >
        {event.pinned ? '★' : '☆'}
      </button>
      <button type="button" className="icon-button" aria-label={`Set milestone at ${label}`} title="Set a milestone here (M)" onClick={() => actions.setMilestone(event)}>
        ◆
      </button>
      <button type="button" className="icon-button tl-redact-button" aria-label={`Redact ${label}`} title="Redact…" onClick={() => actions.redact(event)}>
        ⊘
      </button>
      {event.sourceFormat === 'manual' && (
        <button type="button" className="icon-button" aria-label={`Delete this manual event ${label}`} title="Delete (added by hand)" onClick={() => actions.deleteManual(event)}>
          <TrashIcon />
        </button>
      )}
    </div>
  );
}

/**
 * What the other rows show in the buttons' place: the same glyphs at the same spots, as one text
 * (timeline.css spaces them like the buttons), hidden from assistive tech. A scrolled frame draws
 * many new rows; three buttons each, with labels built from the event's text, were a large part
 * of a row's cost. Pointing at a row, focusing it (j/k, Tab) or selecting it draws RowActions.
 */
export function RestingRowActions({ pinned }: { pinned: boolean }) {
  return (
    <div className="tl-actions tl-actions-rest" aria-hidden="true">
      {pinned ? <span className="tl-pin-mark">★</span> : '☆'}◆⊘
    </div>
  );
}
