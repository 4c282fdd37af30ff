import type { TimelineEvent } from '../model/event';
import type { SourceFormat } from '../model/source';
import { emptyEventContent } from '../model/new-event';

/** How a source names a person; the database layer matches these to people (email, then name). */
export interface ActorRef {
  sourceFormat: SourceFormat;
  externalId: string;
  name: string;
  email: string | null;
  /** Unknown to the source's user list (deleted, foreign or missing): shown by id, never dropped. */
  unknown: boolean;
  bot: boolean;
  /** Other names the source knows this person by (a Slack handle and real name besides the display name); used for matching. */
  otherNames?: string[];
}

/** A normalised event before it belongs to an incident and an import. */
export type ImportedEvent = Omit<
  TimelineEvent,
  'id' | 'incidentId' | 'sourceId' | 'actorId' | 'pinned' | 'redacted' | 'redactions'
> & {
  /** externalId of the ActorRef in the same parse result, or null for system events. */
  actorExternalId: string | null;
};

export type ImportedEventFields = Pick<ImportedEvent, 'sourceFormat' | 'dedupeKey' | 'at'> & Partial<ImportedEvent>;

/** An imported event from the fields that identify it; the rest starts empty. */
export function newImportedEvent(fields: ImportedEventFields): ImportedEvent {
  return { ...emptyEventContent(), actorExternalId: null, ...fields };
}

export interface ImportWarning {
  message: string;
  entry?: string;
  line?: number;
}

export interface ParseResult {
  format: SourceFormat;
  events: ImportedEvent[];
  actors: ActorRef[];
  warnings: ImportWarning[];
  /** Records deliberately not imported, grouped by reason (e.g. "channel_join", "outside window"). */
  skipped: { reason: string; count: number }[];
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  events: number;
}
