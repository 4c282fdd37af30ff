import type { TimelineEvent } from './event';

export type NewEventFields = Pick<TimelineEvent, 'id' | 'incidentId' | 'sourceId' | 'sourceFormat' | 'dedupeKey' | 'at'> & Partial<TimelineEvent>;

/**
 * A complete event from the fields that identify it: everything else starts empty (no
 * reactions, not pinned, not redacted…). One place, so a field added to the model gets its
 * default here rather than in every caller.
 */
export function newTimelineEvent(fields: NewEventFields): TimelineEvent {
  return {
    kind: 'message',
    originalTime: '',
    actorId: null,
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
    pinned: false,
    redacted: false,
    redactions: [],
    raw: null,
    ...fields,
  };
}
