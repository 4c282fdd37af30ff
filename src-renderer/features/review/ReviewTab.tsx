import { useCallback, useMemo, useRef, useState } from 'react';
import { formatWithZoneName } from '@core/time/format-in-zone';
import { useIncidentActionItems } from '@data/action-items';
import { useToast } from '@ui/toast-context';
import { meetingMinutes } from './meeting-minutes';
import { appendToPostmortem } from './minutes-to-postmortem';
import { MEETING_SESSION, useSharedMeeting } from './use-shared-meeting';
import type { Annotation } from '@core/model/annotation';
import type { Incident } from '@core/model/incident';
import { EmptyState } from '@ui/EmptyState';
import { useShortcut } from '@ui/use-shortcut';
import { buildAgenda, momentCount } from './agenda';
import { focusEditorWhenShown } from './focus-when-shown';
import { AnnotationList } from './AnnotationList';
import { useAuthorName } from './author-name';
import { MeetingMode } from './MeetingMode';
import { NewAnnotationForm } from './NewAnnotationForm';
import { ReviewOverview } from './ReviewOverview';
import { targetLabel } from './target-label';
import { MAX_TIMEBOX_MINUTES, useTimeboxMinutes } from './timebox-setting';
import { useAnnotations, useIncidentPeople, useMilestones, useVisibleEvents } from './use-review-data';
import './review.css';

/** The Review tab: the meeting's entry point, an overview, and every annotation of the incident. */
export function ReviewTab({ incident }: { incident: Incident }) {
  const annotations = useAnnotations(incident.id);
  const events = useVisibleEvents(incident.id);
  const milestones = useMilestones(incident.id);
  const people = useIncidentPeople(incident.id);
  const { name: savedName, setName } = useAuthorName();
  // Typed names are used at once, before the settings write comes back through the live query.
  const [typedName, setTypedName] = useState<string | null>(null);
  const name = (typedName ?? savedName).trim();
  const { minutes, setMinutes } = useTimeboxMinutes();
  const [meeting, setMeeting] = useState<false | 'solo' | 'facilitator' | 'participant'>(false);
  const startButton = useRef<HTMLButtonElement>(null);
  const zone = incident.timeZone;
  const toast = useToast();
  // On a shared incident the meeting is shared: teammates join it from their own laptops.
  const shared = useSharedMeeting(incident.id);
  const actionItems = useIncidentActionItems(incident.id);
  const snapshot = shared?.snapshot;
  const runningElsewhere = !!snapshot?.active && snapshot.facilitatorSession !== MEETING_SESSION;

  const eventsById = useMemo(() => new Map((events ?? []).map((e) => [e.id, e])), [events]);
  const agenda = useMemo(() => buildAgenda(milestones ?? [], events ?? [], annotations ?? []), [milestones, events, annotations]);
  const moments = momentCount(agenda);
  const labelFor = (a: Annotation) => targetLabel(a.target, a.eventId ? eventsById.get(a.eventId) : undefined, zone);

  const meetingName = (shared?.userName || name).trim();
  const startMeeting = useCallback(() => {
    if (shared && agenda[0]) {
      shared.meeting.start(meetingName || 'The facilitator', MEETING_SESSION, agenda[0].key, Date.now());
      setMeeting('facilitator');
    } else setMeeting('solo');
  }, [agenda, meetingName, shared]);

  const joinMeeting = useCallback(() => {
    if (!shared) return;
    shared.meeting.join(meetingName || 'A teammate', Date.now());
    setMeeting('participant');
  }, [meetingName, shared]);

  const leaveMeeting = useCallback(() => {
    const role = meeting;
    setMeeting(false);
    requestAnimationFrame(() => startButton.current?.focus());
    if (!shared) return;
    if (role === 'participant') shared.meeting.leave(meetingName || 'A teammate', Date.now());
    if (role === 'facilitator') {
      const endedAt = Date.now();
      const minutes = meetingMinutes(shared.meeting.snapshot(), endedAt, annotations ?? [], actionItems ?? [], (ms) => formatWithZoneName(ms, zone));
      shared.meeting.end(endedAt);
      void appendToPostmortem(incident.id, minutes).then(
        (added) =>
          toast.show({
            tone: 'success',
            message: added ? 'Meeting ended. Its minutes are at the end of the postmortem.' : 'Meeting ended. Create the postmortem draft to keep minutes of the next one.',
          }),
        (error: unknown) => toast.show({ tone: 'error', message: `The minutes could not be added: ${error instanceof Error ? error.message : String(error)}` }),
      );
    }
  }, [actionItems, annotations, incident.id, meeting, meetingName, shared, toast, zone]);

  // The facilitator ended the meeting: participants' views close with it.
  const ended = meeting === 'participant' && snapshot !== undefined && !snapshot.active;

  useShortcut('review.meeting', startMeeting, { enabled: !meeting && annotations !== undefined });

  if (annotations === undefined || events === undefined || milestones === undefined) return <p className="loading">Loading the review…</p>;


  // The tab's cards are not kept under the meeting: their editors would show stale text for
  // the notes captured meanwhile.
  if (meeting && !ended)
    return (
      <MeetingMode
        incident={incident}
        agenda={agenda}
        people={people}
        actionItems={actionItems ?? []}
        onLeave={leaveMeeting}
        shared={shared && meeting !== 'solo' ? { ...shared, role: meeting } : undefined}
      />
    );

  return (
    <div className="rv">
      {ended && (
        <p className="rv-meeting-live" role="status">
          The facilitator ended the meeting. Its minutes are at the end of the postmortem.
        </p>
      )}
      {runningElsewhere && snapshot && (
        <section className="rv-meeting-live" role="region" aria-label="Meeting in progress">
          <p>
            <strong>{snapshot.facilitator || 'A teammate'}</strong> is running the review meeting.
          </p>
          <button type="button" className="primary" onClick={joinMeeting}>
            Join the meeting
          </button>
        </section>
      )}
      <section className="rv-meeting-entry" aria-labelledby="rv-meeting-title">
        <div>
          <h2 id="rv-meeting-title">Review meeting</h2>
          <p className="muted">
            Walk the room through the {moments} key moment{moments === 1 ? '' : 's'} in time order, then the incident as a whole. Full screen, large type, made for a projector.
          </p>
        </div>
        <div className="rv-meeting-controls">
          <label className="rv-inline-field">
            Your name
            <input
              value={typedName ?? savedName}
              onChange={(event) => {
                setTypedName(event.target.value);
                setName(event.target.value.trim());
              }}
              placeholder="Shown on your annotations"
            />
          </label>
          <label className="rv-inline-field">
            Minutes per item
            <input
              type="number"
              min={1}
              max={MAX_TIMEBOX_MINUTES}
              value={minutes}
              onChange={(event) => setMinutes(Number(event.target.value))}
              className="rv-number"
            />
          </label>
          <button ref={startButton} type="button" className="primary" onClick={startMeeting} aria-keyshortcuts="F">
            Start review meeting <kbd>F</kbd>
          </button>
        </div>
      </section>

      {moments === 0 && (
        <EmptyState
          title="No agenda yet"
          action={
            <a className="rv-link-button" href={`#/incidents/${encodeURIComponent(incident.id)}/timeline`}>
              Open the Timeline
            </a>
          }
        >
          <p>Pin key moments and set milestones (Detect, Under Control, All Clear…) on the Timeline to build the agenda. Until then the meeting has only the wrap-up about the incident as a whole.</p>
        </EmptyState>
      )}

      <ReviewOverview momentCount={moments} annotations={annotations} labelFor={labelFor} />

      <NewAnnotationForm incidentId={incident.id} zone={zone} author={name} moments={agenda} defaultFrom={incident.startedAt ?? events[0]?.at ?? null} onCreated={(id) => focusEditorWhenShown(() => document, id)} />

      {annotations.length === 0 ? (
        <EmptyState title="No annotations yet">
          <p>
            Annotate the whole incident or a time range above, or an event from the Timeline (its “Annotate” button). Tag what went well, what went poorly, where you got lucky, contributing factors, questions and
            follow-ups. Everything saves as you type.
          </p>
        </EmptyState>
      ) : (
        <AnnotationList incidentId={incident.id} annotations={annotations} eventsById={eventsById} people={people} zone={zone} />
      )}

    </div>
  );
}
