import { chatTextToPlain } from '@core/chat-text/chat-text';
import { useState } from 'react';
import type { AnnotationTarget } from '@core/model/annotation';
import { fromLocalInputValue, toLocalInputValue } from '@core/time/zoned-input';
import { useToast } from '@ui/toast-context';
import type { AgendaItem } from './agenda';
import { AnnotationError, createAnnotation } from '@data/annotations';
import { ReviewError } from './review-error';

interface NewAnnotationFormProps {
  incidentId: string;
  zone: string;
  author: string;
  /** Key moments offered as targets; other events are annotated from the Timeline. */
  moments: readonly AgendaItem[];
  defaultFrom: number | null;
  onCreated: (id: string) => void;
}

type TargetChoice = 'incident' | 'range' | 'event';

/** Starts an annotation about the whole incident, a time range or a key moment. */
export function NewAnnotationForm({ incidentId, zone, author, moments, defaultFrom, onCreated }: NewAnnotationFormProps) {
  const toast = useToast();
  const [choice, setChoice] = useState<TargetChoice>('incident');
  const [from, setFrom] = useState(() => toLocalInputValue(defaultFrom, zone));
  const [to, setTo] = useState(() => toLocalInputValue(defaultFrom, zone));
  const [eventId, setEventId] = useState('');
  const [problem, setProblem] = useState('');
  const withEvents = moments.filter((m): m is AgendaItem & { eventId: string } => m.eventId !== null);

  const target = (): AnnotationTarget => {
    if (choice === 'incident') return { type: 'incident' };
    if (choice === 'event') {
      const chosen = eventId || withEvents[0]?.eventId;
      if (!chosen) throw new ReviewError('INVALID_RANGE', 'Key moment: pin an event on the Timeline first.');
      return { type: 'event', eventId: chosen };
    }
    const fromMs = fromLocalInputValue(from, zone);
    const toMs = fromLocalInputValue(to, zone);
    if (fromMs === null || Number.isNaN(fromMs)) throw new ReviewError('INVALID_RANGE', `From: enter a date and time in ${zone}, e.g. 2024-06-12 23:50.`);
    if (toMs === null || Number.isNaN(toMs)) throw new ReviewError('INVALID_RANGE', `To: enter a date and time in ${zone}, e.g. 2024-06-13 00:10.`);
    return { type: 'range', from: fromMs, to: toMs };
  };

  const submit = async () => {
    try {
      const created = await createAnnotation({ incidentId, target: target(), author });
      setProblem('');
      onCreated(created.id);
    } catch (error) {
      if (error instanceof ReviewError || error instanceof AnnotationError) setProblem(error.message);
      else toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form
      className="rv-new"
      aria-label="New annotation"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="rv-new-target">
        <legend>Annotate</legend>
        {(['incident', 'range', 'event'] as const).map((value) => (
          <label key={value} className="rv-radio">
            <input type="radio" name="rv-target" value={value} checked={choice === value} onChange={() => setChoice(value)} disabled={value === 'event' && withEvents.length === 0} />
            {value === 'incident' ? 'The whole incident' : value === 'range' ? 'A time range' : 'A key moment'}
          </label>
        ))}
      </fieldset>
      {choice === 'range' && (
        <div className="rv-new-range">
          <label className="rv-inline-field">
            From ({zone})
            <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label className="rv-inline-field">
            To
            <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
          </label>
        </div>
      )}
      {choice === 'event' && (
        <label className="rv-inline-field">
          Key moment
          <select value={eventId || withEvents[0]?.eventId} onChange={(event) => setEventId(event.target.value)}>
            {withEvents.map((m) => (
              <option key={m.key} value={m.eventId}>
                {[...m.milestones, chatTextToPlain(m.text).slice(0, 60)].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="primary">
        Add annotation
      </button>
      {problem && (
        <p role="alert" className="rv-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
