import type { SourceFormat } from './source';

export const EVENT_KINDS = ['message', 'alert', 'page', 'status-update', 'deploy', 'note', 'system'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventLink {
  url: string;
  label: string;
}
export interface EventReaction {
  name: string;
  count: number;
}
export interface EventAttachment {
  name: string;
  url: string | null;
}

/** A text span hidden from exports and presentation; reversible. */
export interface Redaction {
  start: number;
  end: number;
}

export interface TimelineEvent {
  id: string;
  incidentId: string;
  sourceId: string;
  sourceFormat: SourceFormat;
  /** sourceFormat + ':' + original id; re-imports are de-duplicated on [incidentId+dedupeKey]. */
  dedupeKey: string;
  kind: EventKind;
  /** UTC epoch milliseconds. */
  at: number;
  /** The timestamp exactly as the source wrote it. */
  originalTime: string;
  actorId: string | null;
  /**
   * `sourceFormat:externalId` of the source's name for the actor (a PersonAlias), so that an
   * alias split out of a merged person takes exactly its own events along. Optional: events
   * typed in by hand have none.
   */
  actorAlias?: string | null;
  actorName: string;
  channel: string;
  text: string;
  /**
   * Names the source's mention tokens resolved to (Slack `<@U1>` → "Kenji Sato"), so a mention
   * renders as the whole name, spaces and all. Absent for sources without mentions.
   */
  mentions?: string[];
  links: EventLink[];
  /** dedupeKey of the thread parent, so threads survive across imports. */
  threadParentKey: string | null;
  /** A thread reply also sent to the channel (Slack `thread_broadcast`): shown in both places. */
  alsoInChannel?: boolean;
  replyCount: number;
  edited: boolean;
  deleted: boolean;
  reactions: EventReaction[];
  attachments: EventAttachment[];
  pinned: boolean;
  /** Whole event hidden from exports and presentation. */
  redacted: boolean;
  redactions: Redaction[];
  /** The original record, kept for provenance. */
  raw: unknown;
}

/** What can change on an event once it is stored: key moment and redactions (see `EventState`). */
export type EventStateFields = Pick<TimelineEvent, 'pinned' | 'redacted' | 'redactions'>;

/**
 * The mutable state of one event, stored apart from its (immutable) content and only for
 * events that have some: imported events live in blocks that are never rewritten.
 */
export interface EventState extends EventStateFields {
  /** The event's id. */
  id: string;
  incidentId: string;
}

/** An event typed in by hand: a small record of its own (its pin and redactions are an EventState). */
export type ManualEventRecord = Omit<TimelineEvent, keyof EventStateFields>;
