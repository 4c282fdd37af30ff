import type { EventAttachment, EventLink, EventReaction, TimelineEvent } from '../model/event';
import { ByteReader, ByteWriter, CorruptBlockError, type DictionaryColumn, type StringColumn } from './byte-codec';

/**
 * Imported events are stored as immutable blocks of a few thousand events of one source, in
 * source order (time, then the order the source wrote them), each block one binary value:
 * numbers as typed arrays, texts as one UTF-8 run per column, repeated values (channels, authors,
 * kinds) as dictionaries. One record per block instead of one record and five index entries per
 * event is what makes a 100k import a few dozen writes, and lets a million events load as a
 * few hundred values that are viewed in place. The original records (`raw`) are kept in separate
 * values, read only when asked for. Mutable state (key moments, redactions) is not in here.
 */

/** Events per block: large enough that per-record costs vanish, small enough to write quickly. */
export const BLOCK_SIZE = 4096;
/** Rows of a block are addressed with 16 bits (search postings, in-memory locations). */
export const MAX_BLOCK_SIZE = 0xffff;

const MAGIC = 0x42455244; // 'DREB'
const VERSION = 1;
const EXPLICIT_IDS = 1;
/** Flags of a row's `bits`. */
export const BLOCK_EDITED = 1;
export const BLOCK_DELETED = 2;
const EDITED = BLOCK_EDITED;
const DELETED = BLOCK_DELETED;

/** What one imported event holds, as stored; who the author is and pins are resolved on load. */
export interface BlockEvent {
  /** Kept for events migrated from one-record-per-event storage; null means derived from the position. */
  id: string | null;
  sourceFormat: string;
  dedupeKey: string;
  kind: string;
  at: number;
  originalTime: string;
  /** `sourceFormat:externalId`, how the source names the author (a person's alias). */
  actorAlias: string | null;
  /** Only for migrated events without an alias; imports resolve people through the alias. */
  actorId: string | null;
  actorName: string;
  channel: string;
  text: string;
  /** Names mentioned in the text (see TimelineEvent.mentions); stored only when there are some. */
  mentions?: string[];
  links: EventLink[];
  threadParentKey: string | null;
  /** See TimelineEvent.alsoInChannel; stored only when set. */
  alsoInChannel?: boolean;
  replyCount: number;
  edited: boolean;
  deleted: boolean;
  reactions: EventReaction[];
  attachments: EventAttachment[];
  /** Fields an older or newer version wrote that this one does not know; kept, not dropped. */
  extra?: Record<string, unknown>;
}

/** The content fields of a stored event (everything a block holds about it). */
export type BlockEventFields = Omit<BlockEvent, 'id' | 'extra'>;

export interface DecodedBlock {
  count: number;
  /** Position in its source of the first row; derived ids are `${sourceId}:${first + row}`. */
  first: number;
  at: Float64Array;
  kind: DictionaryColumn;
  format: DictionaryColumn;
  bits: Uint8Array;
  replyCount: Uint32Array;
  ids: StringColumn | null;
  dedupeKey: StringColumn;
  originalTime: StringColumn;
  actorAlias: DictionaryColumn;
  actorId: DictionaryColumn;
  actorName: DictionaryColumn;
  channel: DictionaryColumn;
  text: StringColumn;
  threadParentKey: DictionaryColumn;
  extras: StringColumn;
}

interface Extras {
  l?: EventLink[];
  r?: EventReaction[];
  a?: EventAttachment[];
  m?: string[];
  /** Also sent to the channel. */
  c?: 1;
  x?: Record<string, unknown>;
}

function extrasOf(event: BlockEvent): string {
  const extras: Extras = {};
  if (event.links.length) extras.l = event.links;
  if (event.reactions.length) extras.r = event.reactions;
  if (event.attachments.length) extras.a = event.attachments;
  if (event.mentions?.length) extras.m = event.mentions;
  if (event.alsoInChannel) extras.c = 1;
  if (event.extra && Object.keys(event.extra).length) extras.x = event.extra;
  return extras.l || extras.r || extras.a || extras.m || extras.c || extras.x ? JSON.stringify(extras) : '';
}

/** Encodes events (already in source order) as one block value. */
export function encodeEventBlock(events: readonly BlockEvent[], first: number): Uint8Array {
  if (events.length > MAX_BLOCK_SIZE) throw new RangeError(`a block holds at most ${MAX_BLOCK_SIZE} events`);
  const explicit = events.some((e) => e.id !== null);
  const n = events.length;
  const at = new Float64Array(n);
  const bits = new Uint8Array(n);
  const replies = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const event = events[i];
    at[i] = event.at;
    bits[i] = (event.edited ? EDITED : 0) | (event.deleted ? DELETED : 0);
    replies[i] = event.replyCount;
  }
  const w = new ByteWriter();
  w.u32(MAGIC);
  w.u32(VERSION);
  w.u32(n);
  w.u32(first);
  w.u32(explicit ? EXPLICIT_IDS : 0);
  w.typed(at);
  w.dictionary(events.map((e) => e.kind));
  w.dictionary(events.map((e) => e.sourceFormat));
  w.typed(bits);
  w.typed(replies);
  if (explicit) w.strings(events.map((e, i) => e.id ?? `${first + i}`));
  w.strings(events.map((e) => e.dedupeKey));
  w.strings(events.map((e) => e.originalTime));
  w.dictionary(events.map((e) => e.actorAlias));
  w.dictionary(events.map((e) => e.actorId));
  w.dictionary(events.map((e) => e.actorName));
  w.dictionary(events.map((e) => e.channel));
  w.strings(events.map((e) => e.text));
  w.dictionary(events.map((e) => e.threadParentKey));
  w.strings(events.map(extrasOf));
  return w.finish();
}

export function decodeEventBlock(bytes: Uint8Array): DecodedBlock {
  const r = new ByteReader(bytes);
  if (r.u32() !== MAGIC) throw new CorruptBlockError('not an event block');
  const version = r.u32();
  if (version !== VERSION) throw new CorruptBlockError(`event block version ${version} is newer than this version of Debrief`);
  const count = r.u32();
  const first = r.u32();
  const flags = r.u32();
  const at = r.f64();
  const kind = r.dictionary(count);
  const format = r.dictionary(count);
  const bits = r.u8s();
  const replyCount = r.u32s();
  const ids = flags & EXPLICIT_IDS ? r.strings() : null;
  const block: DecodedBlock = {
    count,
    first,
    at,
    kind,
    format,
    bits,
    replyCount,
    ids,
    dedupeKey: r.strings(),
    originalTime: r.strings(),
    actorAlias: r.dictionary(count),
    actorId: r.dictionary(count),
    actorName: r.dictionary(count),
    channel: r.dictionary(count),
    text: r.strings(),
    threadParentKey: r.dictionary(count),
    extras: r.strings(),
  };
  const columns = [at.length, bits.length, replyCount.length, ids?.length ?? count, block.dedupeKey.length, block.originalTime.length, block.text.length, block.extras.length];
  if (columns.some((length) => length !== count)) throw new CorruptBlockError('columns of different lengths');
  return block;
}

/** Event id of a row: stored for migrated events, else the source id and the row's position in it. */
export function blockEventId(sourceId: string, block: DecodedBlock, row: number): string {
  return block.ids ? block.ids.get(row) : importedEventId(sourceId, block.first + row);
}

/** Ids of imported events: unique as the source id is, stable, and never stored per event. */
export function importedEventId(sourceId: string, position: number): string {
  return `${importedEventIdPrefix(sourceId)}${position}`;
}

/** What every derived id of a source's events starts with (for key-range queries). */
export function importedEventIdPrefix(sourceId: string): string {
  return `${sourceId}:`;
}

/** The position in its source of an event whose id was derived (`importedEventId`), else null. */
export function parseImportedEventId(id: string): { sourceId: string; position: number } | null {
  const colon = id.lastIndexOf(':');
  if (colon <= 0) return null;
  const tail = id.slice(colon + 1);
  if (!/^\d{1,10}$/.test(tail)) return null;
  return { sourceId: id.slice(0, colon), position: Number(tail) };
}

// Most rows have no extras: they share one empty (frozen) value instead of allocating their own.
const NO_EXTRAS: Extras = Object.freeze({});

export function blockExtras(block: DecodedBlock, row: number): Extras {
  if (block.extras.offsets[row] === block.extras.offsets[row + 1]) return NO_EXTRAS;
  const json = block.extras.get(row);
  try {
    return JSON.parse(json) as Extras;
  } catch {
    throw new CorruptBlockError('an event’s links or reactions are unreadable');
  }
}

/** One row as stored. */
export function blockEvent(block: DecodedBlock, row: number): BlockEvent {
  const extras = blockExtras(block, row);
  const bits = block.bits[row];
  const event: BlockEvent = {
    id: block.ids ? block.ids.get(row) : null,
    sourceFormat: block.format.get(row) ?? '',
    dedupeKey: block.dedupeKey.get(row),
    kind: block.kind.get(row) ?? 'message',
    at: block.at[row],
    originalTime: block.originalTime.get(row),
    actorAlias: block.actorAlias.get(row),
    actorId: block.actorId.get(row),
    actorName: block.actorName.get(row) ?? '',
    channel: block.channel.get(row) ?? '',
    text: block.text.get(row),
    links: extras.l ?? [],
    threadParentKey: block.threadParentKey.get(row),
    replyCount: block.replyCount[row],
    edited: (bits & EDITED) !== 0,
    deleted: (bits & DELETED) !== 0,
    reactions: extras.r ?? [],
    attachments: extras.a ?? [],
  };
  if (extras.m) event.mentions = extras.m;
  if (extras.c) event.alsoInChannel = true;
  if (extras.x) event.extra = extras.x;
  return event;
}

/** The stored fields of a timeline event (what an import or the migration writes into a block). */
export function toBlockEvent(event: Omit<TimelineEvent, 'incidentId' | 'sourceId' | 'pinned' | 'redacted' | 'redactions' | 'raw' | 'id' | 'actorId'> & { id?: string | null; actorId?: string | null; actorAlias?: string | null }): BlockEvent {
  return {
    id: event.id ?? null,
    sourceFormat: event.sourceFormat,
    dedupeKey: event.dedupeKey,
    kind: event.kind,
    at: event.at,
    originalTime: event.originalTime,
    actorAlias: event.actorAlias ?? null,
    actorId: event.actorId ?? null,
    actorName: event.actorName,
    channel: event.channel,
    text: event.text,
    ...(event.mentions?.length ? { mentions: event.mentions } : {}),
    links: event.links,
    threadParentKey: event.threadParentKey,
    ...(event.alsoInChannel ? { alsoInChannel: true } : {}),
    replyCount: event.replyCount,
    edited: event.edited,
    deleted: event.deleted,
    reactions: event.reactions,
    attachments: event.attachments,
  };
}
