import { memo, type ReactNode } from 'react';
import { chatTextToPlain } from '@core/chat-text/chat-text';
import { emojiForName } from '@core/chat-text/emoji';
import { ExternalLink } from '@ui/ExternalLink';
import { PaperclipIcon } from '@ui/icons';
import type { TimelineEvent } from '@core/model/event';
import { formatEventTime } from '@core/timeline/day-groups';
import { redactedText } from '@core/timeline/redaction';
import { EventText } from './EventText';
import { SOURCE_FORMAT_BADGE } from '@core/model/source';
import { RestingRowActions, RowActions, type EventRowActions } from './RowActions';

const NO_OTHERS: readonly TimelineEvent[] = [];

interface EventRowProps {
  event: TimelineEvent;
  zone: string;
  selected: boolean;
  reply: boolean;
  replies: number;
  expanded: boolean;
  query: string;
  reveal: boolean;
  milestoneLabels: string[] | undefined;
  /** The row is pointed at or was focused last: it draws its buttons (the selected row always does). */
  active: boolean;
  /** The same real-world event as recorded by other sources, shown in this row. */
  alsoFrom?: readonly TimelineEvent[];
  actions: EventRowActions;
  /** What another feature shows beside the event (the review's annotations), composed in app/. */
  aside?: EventAside;
}

/** Renders beside an event row; app/ passes the review feature's annotation badge (features never import each other). */
export type EventAside = (event: Pick<TimelineEvent, 'id' | 'incidentId'>) => ReactNode;

/** Names the event in its row buttons' labels ("Pin 16:45 Rosa: rolling back…"): a screen reader's button list says which row each is in. */
function eventLabel(event: TimelineEvent, zone: string): string {
  const text = chatTextToPlain(redactedText(event)).replace(/\s+/g, ' ').trim();
  return `${formatEventTime(event.at, zone)} ${event.actorName || 'Unknown'}: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
}

/**
 * One event of the list. Memoised: the list renders on every scrolled frame, and the rows that
 * stay on screen get the same props, so only the rows scrolled in are rendered.
 */
export const EventRow = memo(function EventRow({ event, zone, selected, reply, replies, expanded, query, reveal, milestoneLabels, active, alsoFrom = NO_OTHERS, actions, aside }: EventRowProps) {
  // Events added by hand keep their delete button in view (the resting glyphs have none).
  const tools = active || selected || event.sourceFormat === 'manual';
  const label = tools || alsoFrom.length > 0 ? eventLabel(event, zone) : '';
  // Concatenated: this runs for every row a scrolled frame draws.
  const className = `tl-row${selected ? ' is-selected' : ''}${event.pinned ? ' is-pinned' : ''}${reply ? ' is-reply' : ''}${event.deleted ? ' is-deleted' : ''}`;
  return (
    <div
      className={className}
      data-event-id={event.id}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('button, a')) actions.select(event.id);
      }}
    >
      <time className="tl-time" dateTime={new Date(event.at).toISOString()} title={`Recorded as: ${event.originalTime}`}>
        {formatEventTime(event.at, zone)}
      </time>
      {alsoFrom.length === 0 ? (
        <span className={`tl-source tl-source-${event.sourceFormat}`}>{SOURCE_FORMAT_BADGE[event.sourceFormat]}</span>
      ) : (
        <span className="tl-sources" title="One event recorded by several sources">
          {[event, ...alsoFrom].map((e) => (
            <span key={e.id} className={`tl-source tl-source-${e.sourceFormat}`}>
              {SOURCE_FORMAT_BADGE[e.sourceFormat]}
            </span>
          ))}
        </span>
      )}
      <div className="tl-body">
        <div className="tl-meta">
          <span className="tl-actor">{event.actorName || 'Unknown'}</span>
          {event.channel && <span className="tl-channel">#{event.channel.replace(/^#/, '')}</span>}
          {event.kind !== 'message' && <span className="tl-kind">{event.kind}</span>}
          {event.alsoInChannel && (
            <span className="tl-chip" title="A thread reply that was also sent to the channel: it shows in the thread and here">
              also sent to the channel
            </span>
          )}
          {event.edited && <span className="tl-chip">edited</span>}
          {event.deleted && <span className="tl-chip tl-chip-warn">deleted</span>}
          {event.pinned && <span className="tl-chip tl-chip-pin">★ key moment</span>}
          {milestoneLabels?.map((label) => (
            <span key={label} className="tl-chip tl-chip-milestone">
              ◆ {label}
            </span>
          ))}
        </div>
        <EventText event={event} query={query} reveal={reveal} onToggleReveal={() => actions.toggleReveal(event.id)} />
        {(event.reactions.length > 0 || event.attachments.length > 0) && !event.redacted && (
          <div className="tl-extras">
            {event.reactions.map((r) => (
              <span key={r.name} className="tl-reaction" title={`${r.count} × :${r.name}:`}>
                {emojiForName(r.name) ?? `:${r.name}:`} {r.count}
              </span>
            ))}
            {event.attachments.map((a) =>
              a.url ? (
                <ExternalLink key={a.name} url={a.url} label={a.name} className="tl-attachment">
                  <PaperclipIcon /> {a.name}
                </ExternalLink>
              ) : (
                <span key={a.name} className="tl-attachment">
                  <PaperclipIcon /> {a.name}
                </span>
              ),
            )}
          </div>
        )}
        {alsoFrom.map((other) => (
          <p key={other.id} className="tl-also-from">
            <span className="tl-also-label">Also from {SOURCE_FORMAT_BADGE[other.sourceFormat]}</span>
            {other.at !== event.at && <span className="tl-also-time"> {formatEventTime(other.at, zone)}</span>}
            {other.actorName && <strong> {other.actorName}:</strong>} {chatTextToPlain(redactedText(other))}{' '}
            <button
              type="button"
              className="link-button"
              aria-label={`Split the ${SOURCE_FORMAT_BADGE[other.sourceFormat]} record out of ${label}`}
              title="Not the same event: show it on a row of its own"
              onClick={() => actions.splitSameEvent(event, other)}
            >
              Split
            </button>
          </p>
        ))}
        {replies > 0 && (
          <button type="button" className="link-button tl-thread" aria-expanded={expanded} onClick={() => actions.toggleThread(event.id)}>
            {expanded ? 'Hide' : 'Show'} {replies} {replies === 1 ? 'reply' : 'replies'}
          </button>
        )}
      </div>
      <div className="tl-annotations">
        {aside?.(event)}
      </div>
      {tools ? <RowActions event={event} label={label} actions={actions} /> : <RestingRowActions pinned={event.pinned} />}
    </div>
  );
});
