import { ChatText } from '@ui/chat-text/ChatText';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionItem } from '@core/model/action-item';
import type { Annotation } from '@core/model/annotation';
import type { Incident } from '@core/model/incident';
import { formatInZone, formatWithZoneName } from '@core/time/format-in-zone';
import { createActionItem } from '@data/action-items';
import { useToast } from '@ui/toast-context';
import { useModalOverlay } from '@ui/use-modal-overlay';
import type { AgendaItem } from './agenda';
import { newId } from '@core/ids';
import { addAnnotation, buildAnnotation } from '@data/annotations';
import { useAuthorName } from './author-name';
import { meetingCommand, MEETING_KEYS, type MeetingCommand } from './meeting-keys';
import { formatClock, timerTone } from './meeting-timer';
import { ActionComposer, NoteComposer } from './MeetingComposer';
import { TAG_LABEL } from './TagChips';
import { useTimeboxMinutes } from './timebox-setting';
import { useMeetingTimers, useTickingNow } from './use-meeting-timers';
import { elapsedMs, IDLE_TIMER } from './meeting-timer';
import { actionItemAuthors } from './shared-meeting';
import type { SharedMeetingView } from './use-shared-meeting';
import type { MentionablePerson } from './use-review-data';

interface MeetingModeProps {
  incident: Incident;
  agenda: readonly AgendaItem[];
  people: readonly MentionablePerson[];
  /** The incident's action items: those added during the meeting are shown to the room. */
  actionItems: readonly ActionItem[];
  onLeave: () => void;
  /**
   * The shared meeting of a shared incident: the facilitator's window drives the agenda item and
   * timers; a participant's view follows it (until they step away) and can raise a hand.
   */
  shared?: SharedMeetingView & { role: 'facilitator' | 'participant' };
}

type Capture = { kind: 'note' | 'question'; annotation: Annotation; stored: Promise<void> } | { kind: 'action' } | null;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The facilitator's view for the review meeting, made to be projected: one agenda item at a
 * time in large type, stepped through from the keyboard, with a time-box per item and inline
 * capture of notes, questions and action items so the room never waits for a dialog.
 */
export function MeetingMode({ incident, agenda, people, actionItems, onLeave, shared }: MeetingModeProps) {
  const toast = useToast();
  const { name: authorName } = useAuthorName();
  const name = shared?.userName || authorName;
  const { minutes } = useTimeboxMinutes();
  const timers = useMeetingTimers();
  const [localIndex, setIndex] = useState(0);
  const participant = shared?.role === 'participant';
  const snapshot = shared?.snapshot;
  // A participant follows the facilitator's item until they step away (arrows), then "Follow again".
  const [following, setFollowing] = useState(true);
  const followedIndex = snapshot ? Math.max(0, agenda.findIndex((step) => step.key === snapshot.itemKey)) : 0;
  const index = participant && following ? followedIndex : localIndex;
  const myHand = participant && snapshot ? snapshot.hands.find((hand) => hand.name === name) : undefined;
  const [capture, setCapture] = useState<Capture>(null);
  const [help, setHelp] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  // A solo meeting starts when this view opens; a shared one when the facilitator started it.
  const [openedAt] = useState(() => Date.now());
  const meetingStart = snapshot?.startedAt || openedAt;
  const enteredFullscreen = useRef(false);
  useModalOverlay(rootRef);
  const safeIndex = Math.min(index, agenda.length - 1);
  const item = agenda[safeIndex];
  const zone = incident.timeZone;

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    onLeave();
  }, [onLeave]);

  // Full screen is asked for on entry; leaving it (Esc in the browser or the OS) leaves the view too.
  const onLeaveRef = useRef(onLeave);
  useEffect(() => {
    onLeaveRef.current = onLeave;
  });
  useEffect(() => {
    rootRef.current?.focus();
    const root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) {
      root.requestFullscreen().then(
        () => {
          enteredFullscreen.current = true;
        },
        () => undefined,
      );
    }
    const onChange = () => {
      if (!document.fullscreenElement && enteredFullscreen.current) onLeaveRef.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // The facilitator's window publishes where the room is and the timers.
  const facilitating = shared?.role === 'facilitator' ? shared.meeting : null;
  useEffect(() => {
    if (facilitating && item) facilitating.moveTo(item.key, safeIndex);
  }, [facilitating, item, safeIndex]);
  useEffect(() => {
    facilitating?.setTimers(timers.all);
  }, [facilitating, timers.all]);
  const sharedTimer = participant && item ? (snapshot?.timers[item.key] ?? IDLE_TIMER) : null;
  const tickingNow = useTickingNow(sharedTimer?.status === 'running');

  const refocus = () => requestAnimationFrame(() => rootRef.current?.focus());
  const endCapture = () => {
    setCapture(null);
    refocus();
  };

  const report = useCallback((error: unknown) => toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) }), [toast]);

  // The composer opens in the same frame as the key press, so the first letters typed after
  // N or Q land in it; the record is written meanwhile and saves wait for it.
  const startNote = useCallback(
    (kind: 'note' | 'question') => {
      if (!item) return;
      const target = item.eventId ? ({ type: 'event', eventId: item.eventId } as const) : ({ type: 'incident' } as const);
      const annotation = buildAnnotation({ incidentId: incident.id, target, author: name, tags: kind === 'question' ? ['question'] : [] }, newId(), Date.now());
      const stored = addAnnotation(annotation);
      stored.catch(report);
      setCapture({ kind, annotation, stored });
    },
    [incident.id, item, name, report],
  );

  const run = useCallback(
    (command: MeetingCommand) => {
      switch (command) {
        case 'next':
        case 'previous': {
          const step = command === 'next' ? 1 : -1;
          if (participant && following) {
            setFollowing(false);
            setIndex(Math.min(Math.max(followedIndex + step, 0), agenda.length - 1));
          } else setIndex((i) => Math.min(Math.max(i + step, 0), agenda.length - 1));
          break;
        }
        case 'timer':
          // The facilitator runs the item timers; participants see them.
          if (item && !participant) timers.toggle(item.key);
          break;
        case 'note':
        case 'question':
          startNote(command);
          break;
        case 'action':
          setCapture({ kind: 'action' });
          break;
        case 'help':
          setHelp((shown) => !shown);
          break;
        case 'leave':
          if (help) setHelp(false);
          else leave();
          break;
      }
    },
    [agenda.length, followedIndex, following, help, item, leave, participant, startNote, timers],
  );

  // Captured before anything else on the page so the workspace's own keys (E, Alt+n) stay quiet.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (capture || isTyping(event.target)) return;
      const command = meetingCommand(event);
      const onButton = event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter');
      if (!command || onButton) {
        if (!event.ctrlKey && !event.metaKey && !event.altKey && event.key.length === 1) event.stopPropagation();
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      run(command);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [capture, run]);

  if (!item) return null;
  const upNext = agenda[safeIndex + 1];
  const timer = sharedTimer ?? timers.timerOf(item.key);
  const elapsed = sharedTimer ? elapsedMs(sharedTimer, tickingNow) : timers.elapsedOf(item.key);
  const timeboxMs = minutes * 60_000;
  const tone = timerTone(elapsed, timeboxMs);
  // Blank ones are captures still being typed (or abandoned): nothing to show the room yet.
  const said = item.annotations.filter((a) => a.plainText.trim() !== '');
  const questions = said.filter((a) => a.tags.includes('question'));
  const others = said.filter((a) => !a.tags.includes('question'));

  const addedActions = actionItems.filter((a) => a.createdAt >= meetingStart).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const addedBy = snapshot ? actionItemAuthors(snapshot) : new Map<string, string>();

  const addAction = async (title: string) => {
    const created = await createActionItem({ incidentId: incident.id, title, eventIds: item.eventId ? [item.eventId] : [] });
    // The item reaches the team as an action item; the meeting says who added it.
    shared?.meeting.addedActionItem(created.id, name, Date.now());
    toast.show({ tone: 'success', message: `Action item added: ${title}` });
    endCapture();
  };

  return (
    <div ref={rootRef} className="mt-root" role="dialog" aria-modal="true" aria-label="Meeting view" tabIndex={-1}>
      <header className="mt-bar">
        <div className="mt-bar-title">
          <span className="mt-incident">{incident.title}</span>
          <span className="mt-progress" aria-live="polite">
            Item {safeIndex + 1} of {agenda.length}
          </span>
        </div>
        <div className={`mt-timer mt-timer-${tone}`} role="timer" aria-label={`Time on this item ${formatClock(elapsed)} of ${minutes} minutes`}>
          <span className="mt-timer-clock">{formatClock(elapsed)}</span>
          <span className="mt-timer-box">/ {formatClock(timeboxMs)}</span>
          {!participant && (
            <button type="button" onClick={() => run('timer')} aria-keyshortcuts="T">
              {timer.status === 'running' ? 'Pause' : timer.status === 'paused' ? 'Resume' : 'Start'} timer
            </button>
          )}
        </div>
        <div className="mt-bar-actions">
          {participant && snapshot && (
            <span className="mt-following" role="status">
              {following ? `Following ${snapshot.facilitator || 'the facilitator'}` : 'You stepped away'}
            </span>
          )}
          {participant && !following && (
            <button type="button" className="primary" onClick={() => setFollowing(true)}>
              Follow again
            </button>
          )}
          {participant && shared && (
            <button
              type="button"
              aria-pressed={!!myHand}
              onClick={() => (myHand ? shared.meeting.lowerHandOf(name) : shared.meeting.raiseHand(newId(), name, Date.now()))}
            >
              {myHand ? 'Lower hand' : 'Raise hand'}
            </button>
          )}
          <button type="button" onClick={() => run('help')} aria-keyshortcuts="?" aria-expanded={help}>
            Keys
          </button>
          <button type="button" onClick={leave} aria-keyshortcuts="Escape">
            {shared?.role === 'facilitator' ? 'End meeting' : 'Leave meeting'}
          </button>
        </div>
      </header>

      <ol className="mt-steps" aria-label="Agenda">
        {agenda.map((step, i) => (
          <li key={step.key} className={i === safeIndex ? 'mt-step mt-step-current' : i < safeIndex ? 'mt-step mt-step-done' : 'mt-step'} aria-current={i === safeIndex ? 'step' : undefined}>
            <span className="sr-only">{step.kind === 'incident' ? 'The incident as a whole' : (step.milestones[0] ?? 'Key moment')}</span>
          </li>
        ))}
      </ol>

      <div className="mt-main">
        <section className="mt-moment" aria-label="What happened">
          {item.kind === 'incident' ? (
            <>
              <p className="mt-time mt-time-label">Wrap-up</p>
              <h2 className="mt-headline">The incident as a whole</h2>
              <p className="mt-text">What went well, what went poorly, where we got lucky — and what we will do about it.</p>
            </>
          ) : (
            <>
              {/* The agenda item's heading: screen readers jump to it as the item changes. */}
              <h2 className="mt-time">
                <time dateTime={new Date(item.at ?? 0).toISOString()}>{formatWithZoneName(item.at ?? 0, zone, 'HH:mm:ss')}</time>
                <span className="mt-date"> {formatInZone(item.at ?? 0, zone, 'EEE d MMM yyyy')}</span>
              </h2>
              {item.milestones.length > 0 && (
                <p className="mt-milestones">
                  {item.milestones.map((label) => (
                    <span key={label} className="mt-milestone">
                      {label}
                    </span>
                  ))}
                </p>
              )}
              {item.text ? (
                <blockquote className="mt-text">
                  {item.actorName && <cite className="mt-actor">{item.actorName}</cite>}
                  <ChatText text={item.text} mentions={item.mentions} />
                </blockquote>
              ) : (
                <p className="mt-text mt-muted">A milestone marked on the Timeline, not tied to one message.</p>
              )}
              {item.notes.map((note) => (
                <p key={note} className="mt-note">
                  {note}
                </p>
              ))}
            </>
          )}
          {upNext && (
            <p className="mt-next">
              Up next: {upNext.kind === 'incident' ? 'the incident as a whole' : [upNext.at !== null ? formatWithZoneName(upNext.at, zone, 'HH:mm') : '', ...upNext.milestones, upNext.milestones.length ? '' : upNext.text].filter(Boolean).join(' · ')}
            </p>
          )}
        </section>

        <section className="mt-panel" aria-labelledby="mt-questions">
          {shared?.role === 'facilitator' && snapshot && (
            <div className="mt-hands" role="region" aria-label="Raised hands">
              <h3>Raised hands ({snapshot.hands.length})</h3>
              {snapshot.hands.length === 0 ? (
                <p className="mt-muted">Nobody is waiting to speak.</p>
              ) : (
                <ol className="mt-hand-queue">
                  {snapshot.hands.map((hand) => (
                    <li key={hand.id}>
                      <span>{hand.name}</span>
                      <button type="button" onClick={() => shared.meeting.clearHand(hand.id)} aria-label={`Clear ${hand.name}'s hand`}>
                        Clear
                      </button>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          )}
          <h3 id="mt-questions">Open questions ({questions.length})</h3>
          {questions.length === 0 ? <p className="mt-muted">None yet. Press Q to capture one.</p> : <AnnotationTexts annotations={questions} />}
          <h3>Notes ({others.length})</h3>
          {others.length === 0 ? <p className="mt-muted">None yet. Press N to capture one.</p> : <AnnotationTexts annotations={others} />}
          <div role="region" aria-labelledby="mt-actions">
            <h3 id="mt-actions">Action items added ({addedActions.length})</h3>
            {addedActions.length === 0 ? (
              <p className="mt-muted">None yet. Press A to add one.</p>
            ) : (
              <ul className="mt-annotations">
                {addedActions.map((a) => (
                  <li key={a.id}>
                    <p className="mt-annotation-text">{a.title}</p>
                    {addedBy.has(a.id) && <p className="mt-annotation-meta">{addedBy.get(a.id)}</p>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
      </div>

      {capture && capture.kind !== 'action' && <NoteComposer key={capture.annotation.id} annotation={capture.annotation} stored={capture.stored} kind={capture.kind} people={people} onDone={endCapture} />}
      {capture?.kind === 'action' && <ActionComposer onSubmit={addAction} onCancel={endCapture} />}

      {help && (
        <div className="mt-help" role="dialog" aria-label="Meeting keys">
          <h3>Keys</h3>
          <dl>
            {MEETING_KEYS.filter((entry) => !(participant && entry.command === 'timer')).map((entry) => (
              <div key={entry.action}>
                <dt>
                  {entry.keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </dt>
                <dd>{entry.action}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}

      <footer className="mt-keys" aria-hidden="true">
        <span>
          <kbd>←</kbd> <kbd>→</kbd> move
        </span>
        {/* The facilitator runs the timers; a participant's T does nothing. */}
        {!participant && (
          <span>
            <kbd>T</kbd> timer
          </span>
        )}
        <span>
          <kbd>N</kbd> note
        </span>
        <span>
          <kbd>Q</kbd> question
        </span>
        <span>
          <kbd>A</kbd> action item
        </span>
        <span>
          <kbd>?</kbd> keys
        </span>
        <span>
          <kbd>Esc</kbd> leave
        </span>
      </footer>
    </div>
  );
}

function AnnotationTexts({ annotations }: { annotations: readonly Annotation[] }) {
  return (
    <ul className="mt-annotations">
      {annotations.map((a) => (
        <li key={a.id}>
          <p className="mt-annotation-text">{a.plainText.trim() || '(empty)'}</p>
          <p className="mt-annotation-meta">
            {a.author}
            {a.tags
              .filter((t) => t !== 'question')
              .map((t) => (
                <span key={t} className="mt-tag">
                  {TAG_LABEL[t]}
                </span>
              ))}
          </p>
        </li>
      ))}
    </ul>
  );
}
