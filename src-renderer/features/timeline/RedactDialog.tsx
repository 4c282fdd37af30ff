import { useRef, useState } from 'react';
import type { TimelineEvent } from '@core/model/event';
import { normaliseRedactions } from '@core/timeline/redaction';
import { Dialog } from '@ui/Dialog';

interface RedactDialogProps {
  event: TimelineEvent;
  onHideEvent: (redacted: boolean) => Promise<void>;
  onAddSpan: (start: number, end: number) => Promise<void>;
  onRemoveSpan: (index: number) => Promise<void>;
  onClose: () => void;
}

/**
 * Hides an event, or parts of its text, from exports and presentation. The text stays in the
 * database, so every redaction can be undone here.
 */
export function RedactDialog({ event, onHideEvent, onAddSpan, onRemoveSpan, onClose }: RedactDialogProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  const spans = normaliseRedactions(event.redactions, event.text);
  const run = (work: Promise<void>) => work.then(() => setError(null)).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));

  return (
    <Dialog open title="Redact" onClose={onClose} wide>
      <div className="tl-form">
        <label className="tl-redact-whole">
          <input type="checkbox" checked={event.redacted} onChange={(e) => void run(onHideEvent(e.target.checked))} /> Hide this whole event from exports and presentation
        </label>
        <label>
          Select the words to hide, then choose “Hide selection”
          <textarea ref={area} readOnly rows={Math.min(10, Math.max(3, Math.ceil(event.text.length / 80)))} value={event.text} data-autofocus />
        </label>
        <div className="form-actions tl-redact-actions">
          <button
            type="button"
            onClick={() => {
              const el = area.current;
              if (!el || el.selectionStart === el.selectionEnd) {
                setError('Select some text in the box first.');
                return;
              }
              void run(onAddSpan(el.selectionStart, el.selectionEnd));
            }}
          >
            Hide selection
          </button>
        </div>
        {spans.length > 0 && (
          <ul className="tl-redactions" aria-label="Hidden parts">
            {spans.map((span, index) => (
              <li key={`${span.start}-${span.end}`}>
                <span className="tl-revealed">{event.text.slice(span.start, span.end)}</span>
                <button type="button" className="link-button" onClick={() => void run(onRemoveSpan(index))}>
                  Un-redact
                </button>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
