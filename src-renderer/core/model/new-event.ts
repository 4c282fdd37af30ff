import type { TimelineEvent } from './event';

/** What an event holds before its source says otherwise; shared by imported and stored events. */
export type EventContent = Pick<
  TimelineEvent,
  'kind' | 'originalTime' | 'actorName' | 'channel' | 'text' | 'links' | 'threadParentKey' | 'replyCount' | 'edited' | 'deleted' | 'reactions' | 'attachments' | 'raw'
>;

/** Fresh arrays every call: callers may fill them in. */
export function emptyEventContent(): EventContent {
  return {
    kind: 'message',
    originalTime: '',
    actorName: '',
    channel: '',
    text: '',
    links: [],
    threadParentKey: null,
    replyCount: 0,
    edited: false,
    deleted: false,
    reactions: [],
    attachments: [],
    raw: null,
  };
}

export type NewEventFields = Pick<TimelineEvent, 'id' | 'incidentId' | 'sourceId' | 'sourceFormat' | 'dedupeKey' | 'at'> & Partial<TimelineEvent>;

/**
 * A complete event from the fields that identify it: everything else starts empty (no
 * reactions, not pinned, not redacted…). One place, so a field added to the model gets its
 * default here rather than in every caller.
 */
export function newTimelineEvent(fields: NewEventFields): TimelineEvent {
  return { ...emptyEventContent(), actorId: null, pinned: false, redacted: false, redactions: [], ...fields };
}
