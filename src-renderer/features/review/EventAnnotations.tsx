import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { db } from '@db/database';
import { useToast } from '@ui/toast-context';
import { AnnotationCard } from './AnnotationCard';
import { createAnnotation } from './annotation-writes';
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
  const annotations = useEventAnnotationList(eventId);
  const [open, setOpen] = useState<{ top: number; left: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const count = annotations.length;
  const close = () => {
    setOpen(null);
    buttonRef.current?.focus();
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={count ? 'rv-badge' : 'rv-badge rv-badge-empty'}
        aria-expanded={open !== null}
        aria-label={count ? `${count} annotation${count === 1 ? '' : 's'} on this event` : 'Annotate this event'}
        title={count ? 'Show annotations' : 'Annotate'}
        onClick={() => setOpen(open ? null : panelPosition(buttonRef.current))}
      >
        {count ? <>✎ {count}</> : 'Annotate'}
      </button>
      {open && <EventAnnotationsPanel incidentId={incidentId} eventId={eventId} position={open} onClose={close} />}
    </>
  );
}

/** Below the badge, kept inside the window. */
function panelPosition(anchor: HTMLElement | null): { top: number; left: number } {
  const rect = anchor?.getBoundingClientRect();
  if (!rect) return { top: 80, left: 80 };
  const width = Math.min(520, window.innerWidth - 16);
  return { top: Math.max(8, Math.min(rect.bottom + 6, window.innerHeight - 320)), left: Math.max(8, Math.min(rect.left, window.innerWidth - width - 8)) };
}

function EventAnnotationsPanel({ incidentId, eventId, position, onClose }: EventAnnotationsProps & { position: { top: number; left: number }; onClose: () => void }) {
  const annotations = useEventAnnotationList(eventId);
  const people = useIncidentPeople(incidentId);
  const zone = useLiveQuery(async () => (await db.incidents.where('id').equals(incidentId).first())?.timeZone ?? 'UTC', [incidentId], 'UTC');
  const { name } = useAuthorName();
  const toast = useToast();
  const panelRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
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
      ref={panelRef}
      className="rv-popover"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      style={{ top: position.top, left: position.left }}
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
