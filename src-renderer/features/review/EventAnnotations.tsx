import { autoUpdate, flip, offset, shift, useFloating } from '@floating-ui/react';
import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useIncident } from '@data/incidents';
import { useToast } from '@ui/toast-context';
import { AnnotationCard } from './AnnotationCard';
import { createAnnotation, useEventAnnotationCount } from '@data/annotations';
import { focusEditorWhenShown } from './focus-when-shown';
import { useAuthorName } from './author-name';
import { useEventAnnotationList, useIncidentPeople } from './use-review-data';
import './review.css';

export interface EventAnnotationsProps {
  incidentId: string;
  eventId: string;
}

/**
 * Beside a timeline event: a count badge (or "Annotate" when there are none) that opens the
 * event's annotations in a panel where they can be read, edited and added to.
 */
export function EventAnnotations({ incidentId, eventId }: EventAnnotationsProps) {
  const count = useEventAnnotationCount(incidentId, eventId);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={count ? 'rv-badge' : 'rv-badge rv-badge-empty'}
        aria-expanded={open}
        aria-label={count ? `${count} annotation${count === 1 ? '' : 's'} on this event` : 'Annotate this event'}
        title={count ? 'Show annotations' : 'Annotate'}
        onClick={() => setOpen(!open)}
      >
        {count ? <>✎ {count}</> : 'Annotate'}
      </button>
      {open && <EventAnnotationsPanel incidentId={incidentId} eventId={eventId} anchorRef={buttonRef} onClose={close} />}
    </>
  );
}

function EventAnnotationsPanel({ incidentId, eventId, anchorRef, onClose }: EventAnnotationsProps & { anchorRef: RefObject<HTMLElement | null>; onClose: () => void }) {
  const annotations = useEventAnnotationList(eventId);
  const people = useIncidentPeople(incidentId);
  const zone = useIncident(incidentId)?.timeZone ?? 'UTC';
  const { name } = useAuthorName();
  const toast = useToast();
  const panelRef = useRef<HTMLDivElement | null>(null);
  // Below the badge, above it when there is no room, kept inside the window and beside the
  // event while the timeline scrolls.
  const { refs, floatingStyles } = useFloating({
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8, crossAxis: true })],
    whileElementsMounted: autoUpdate,
  });
  const titleId = useId();
  useLayoutEffect(() => {
    refs.setReference(anchorRef.current);
  }, [anchorRef, refs]);
  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  const add = async () => {
    try {
      const created = await createAnnotation({ incidentId, target: { type: 'event', eventId }, author: name });
      focusEditorWhenShown(() => panelRef.current, created.id);
    } catch (error) {
      toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return createPortal(
    <div
      ref={(element) => {
        panelRef.current = element;
        refs.setFloating(element);
      }}
      className="rv-popover"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      style={floatingStyles}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="rv-popover-head">
        <h3 id={titleId}>Annotations on this event</h3>
        <button type="button" className="icon-button" aria-label="Close annotations" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="rv-popover-body">
        {annotations.length === 0 && <p className="muted">No annotations yet. Add what the team noticed, asked or learned about this moment.</p>}
        {annotations.map((annotation) => (
          <div key={annotation.id} data-annotation-id={annotation.id}>
            <AnnotationCard annotation={annotation} people={people} zone={zone} />
          </div>
        ))}
      </div>
      <footer className="rv-popover-foot">
        <button type="button" className="primary" onClick={() => void add()}>
          Add annotation
        </button>
      </footer>
    </div>,
    document.body,
  );
}
