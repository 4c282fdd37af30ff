import Dexie from 'dexie';
import { CorruptBlockError } from '@core/events/byte-codec';
import { decodeBlockTerms, type EventBlockPostings } from '@core/events/block-terms';
import { BLOCK_DELETED, BLOCK_EDITED, blockEventId, blockExtras, decodeEventBlock, type DecodedBlock } from '@core/events/event-block';
import type { EventState, ManualEventRecord, TimelineEvent } from '@core/model/event';
import type { Source, SourceFormat } from '@core/model/source';
import { decodeRaw } from '@db/event-blocks';
import type { DebriefDatabase, EventBlockRecord } from '@db/schema';
import { ActorResolver } from './actors';
import { visibleSources } from './visibility';

export interface LoadOptions {
  /** Also read each event's original record (`raw`), of every source or of those chosen; otherwise it is null. */
  withRaw?: boolean | ((source: Source) => boolean);
  /** Only each source's first block (the earliest events, for a first paint). */
  firstBlocksOnly?: boolean;
}

/** Everything needed to show an incident's events, read in one transaction. */
export interface IncidentEventRecords {
  sources: Source[];
  blocks: { source: Source; record: EventBlockRecord; block: DecodedBlock }[];
  manual: ManualEventRecord[];
  states: Map<string, EventState>;
  actors: ActorResolver;
  /** Per block (same order as `blocks`), the original records when asked for. */
  raw: (unknown[] | null)[];
}

/** A source's blocks in order, from block `fromSeq` on. */
export function sourceBlocks(database: DebriefDatabase, sourceId: string, fromSeq?: number) {
  return database.eventBlocks.where('[sourceId+seq]').between([sourceId, fromSeq ?? Dexie.minKey], [sourceId, Dexie.maxKey], true, true);
}

/** What an incident's events are shown with besides its blocks: its visible sources, typed-in events, pins and redactions, and people. */
export type IncidentEventHead = Omit<IncidentEventRecords, 'blocks' | 'raw'>;

/** The incident's head (see IncidentEventHead), in the caller's transaction or one of its own. */
export async function readIncidentHead(database: DebriefDatabase, incidentId: string): Promise<IncidentEventHead> {
  return database.transaction('r', [database.sources, database.eventState, database.manualEvents, database.people], async () => {
    const [sources, manual, states, people] = await Promise.all([
      visibleSources(database, incidentId),
      database.manualEvents.where('incidentId').equals(incidentId).toArray(),
      database.eventState.where('incidentId').equals(incidentId).toArray(),
      database.people.toArray(),
    ]);
    return { sources, manual, states: new Map(states.map((s) => [s.id, s])), actors: new ActorResolver(people) };
  });
}

export async function readIncidentEvents(database: DebriefDatabase, incidentId: string, options: LoadOptions = {}): Promise<IncidentEventRecords> {
  const tables = [database.sources, database.eventBlocks, database.eventRaw, database.eventState, database.manualEvents, database.people];
  return database.transaction('r', tables, async () => {
    const head = await readIncidentHead(database, incidentId);
    const { sources } = head;
    const perSource = await Promise.all(sources.map((source) => (options.firstBlocksOnly ? sourceBlocks(database, source.id).limit(1) : sourceBlocks(database, source.id)).toArray()));
    const blocks = perSource.flatMap((records, i) => records.map((record) => ({ source: sources[i], record, block: decodeEventBlock(record.data) })));
    const wantRaw = (source: Source) => (typeof options.withRaw === 'function' ? options.withRaw(source) : options.withRaw === true);
    const raw = options.withRaw
      ? await Promise.all(
          perSource.map(async (records, i) => {
            if (!wantRaw(sources[i])) return records.map(() => null);
            const stored = await database.eventRaw.where('[sourceId+seq]').between([sources[i].id, Dexie.minKey], [sources[i].id, Dexie.maxKey]).toArray();
            const bySeq = new Map(stored.map((r) => [r.seq, r]));
            return records.map((record) => {
              const found = bySeq.get(record.seq);
              return found ? decodeRaw(found) : null;
            });
          }),
        ).then((lists) => lists.flat())
      : blocks.map(() => null);
    return { ...head, blocks, raw };
  });
}

const NO_STATE = { pinned: false, redacted: false, redactions: [] };

/**
 * One stored row as the timeline model's event, read straight from the block's columns (the
 * timeline makes a million of these on open: no intermediate object per row). Empty lists are
 * one shared frozen array; events are never changed in place.
 */
export function materialiseEvent(records: Pick<IncidentEventRecords, 'states' | 'actors'>, source: Source, block: DecodedBlock, row: number, raw: unknown): TimelineEvent {
  const extras = blockExtras(block, row);
  const id = blockEventId(source.id, block, row);
  // Most incidents have few pins or redactions: with none, no id is hashed for the look-up.
  const state = records.states.size === 0 ? NO_STATE : (records.states.get(id) ?? NO_STATE);
  const actorAlias = block.actorAlias.get(row);
  const storedActorId = block.actorId.get(row);
  const person = records.actors.person(actorAlias, storedActorId);
  const bits = block.bits[row];
  // One literal of a fixed shape (no spreads, no throw-away objects): V8 builds it in one step,
  // which at a million events is most of the difference between a second and a few.
  const event: TimelineEvent = {
    id,
    incidentId: source.incidentId,
    sourceId: source.id,
    sourceFormat: (block.format.get(row) ?? '') as SourceFormat,
    dedupeKey: block.dedupeKey.get(row),
    kind: (block.kind.get(row) ?? 'message') as TimelineEvent['kind'],
    at: block.at[row],
    originalTime: block.originalTime.get(row),
    actorId: person ? person.id : storedActorId,
    actorAlias,
    actorName: person ? person.displayName : (block.actorName.get(row) ?? ''),
    channel: block.channel.get(row) ?? '',
    text: block.text.get(row),
    links: extras.l ?? NONE,
    threadParentKey: block.threadParentKey.get(row),
    replyCount: block.replyCount[row],
    edited: (bits & BLOCK_EDITED) !== 0,
    deleted: (bits & BLOCK_DELETED) !== 0,
    reactions: extras.r ?? NONE,
    attachments: extras.a ?? NONE,
    pinned: state.pinned,
    redacted: state.redacted,
    redactions: state.redactions,
    raw: raw ?? null,
  };
  if (extras.m) event.mentions = extras.m;
  if (extras.c) event.alsoInChannel = true;
  // Fields another version wrote are kept, under the known ones.
  return extras.x ? { ...extras.x, ...event } : event;
}

const NONE: never[] = Object.freeze([]) as never[];

export function materialiseManual(records: Pick<IncidentEventRecords, 'states'>, record: ManualEventRecord): TimelineEvent {
  const state = records.states.get(record.id) ?? NO_STATE;
  return { ...record, pinned: state.pinned, redacted: state.redacted, redactions: state.redactions };
}

/**
 * Every visible event of an incident as timeline-model objects, in timeline order: by time, and
 * within one millisecond in the order of the sources (oldest import first) and each source's own
 * order; typed-in events after imported ones, by id. Fine for views that need every field of a
 * few thousand events; the timeline reads the compact form instead.
 */
export async function loadVisibleEvents(database: DebriefDatabase, incidentId: string, options: LoadOptions = { withRaw: true }): Promise<TimelineEvent[]> {
  return (await loadTimelineEvents(database, incidentId, options)).events;
}

/**
 * The visible events (as loadVisibleEvents), the stored search postings of each block they came
 * from, and the events no postings cover (typed-in ones, blocks whose postings cannot be read).
 */
export async function loadTimelineEvents(
  database: DebriefDatabase,
  incidentId: string,
  options: LoadOptions = { withRaw: true },
): Promise<{ events: TimelineEvent[]; postings: EventBlockPostings[]; uncovered: TimelineEvent[] }> {
  const records = await readIncidentEvents(database, incidentId, options);
  // Each source's blocks hold its events in its own order, which is by time: one list per
  // source (in source order), merged, instead of a sort of every event with a key object each.
  const perSource: TimelineEvent[][] = records.sources.map(() => []);
  const rank = new Map(records.sources.map((source, i) => [source.id, i]));
  const postings: EventBlockPostings[] = [];
  const uncovered: TimelineEvent[] = [];
  records.blocks.forEach(({ source, record, block }, b) => {
    const raws = records.raw[b];
    const list = perSource[rank.get(source.id) ?? 0];
    const rows = new Array<TimelineEvent>(block.count);
    for (let row = 0; row < block.count; row++) {
      const event = materialiseEvent(records, source, block, row, raws?.[row]);
      rows[row] = event;
      list.push(event);
    }
    const terms = blockPostings(record);
    if (terms) postings.push({ sourceId: source.id, rows, terms });
    else for (const event of rows) uncovered.push(event);
  });
  for (const list of perSource) inTimeOrder(list);
  const manual = manualInOrder(records);
  return { events: mergeInOrder([...perSource, manual]), postings, uncovered: [...uncovered, ...manual] };
}

/** The typed-in events, by time and then id (after imported ones of the same millisecond). */
export function manualInOrder(records: Pick<IncidentEventRecords, 'states' | 'manual'>): TimelineEvent[] {
  return records.manual.map((record) => materialiseManual(records, record)).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const byTime = (a: { at: number }, b: { at: number }) => a.at - b.at;

/**
 * A source's events in time order: stored so since sources were kept in time order, else (a
 * migrated library) sorted here, stably, so the source's own order stays within a millisecond.
 */
export function inTimeOrder<T extends { at: number }>(list: T[]): T[] {
  return isByTime(list) ? list : list.sort(byTime);
}

function isByTime(list: readonly { at: number }[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i].at < list[i - 1].at) return false;
  return true;
}

/**
 * Lists each sorted by time, merged into one sorted by time; within one millisecond an earlier
 * list's items come first. Merged in pairs of neighbours (the left one always the earlier), so
 * many sources cost log(sources) passes, not one per source. The lists are the caller's to give
 * away: a single non-empty one is returned as it is.
 */
export function mergeInOrder<T extends { at: number }>(lists: readonly T[][]): T[] {
  let level = lists.filter((list) => list.length > 0);
  if (level.length === 0) return [];
  while (level.length > 1) {
    const next: T[][] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeTwo(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

/** Stable merge: on equal times `a`'s items first. */
function mergeTwo<T extends { at: number }>(a: readonly T[], b: readonly T[]): T[] {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = b[j].at < a[i].at ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * A block's stored search postings, or null when they cannot be read: the search then tokenises
 * that block's texts, which gives the same answers, only slower.
 */
export function blockPostings(record: Pick<EventBlockRecord, 'terms'>): EventBlockPostings['terms'] | null {
  if (!(record.terms instanceof Uint8Array)) return null;
  try {
    return decodeBlockTerms(record.terms);
  } catch (error) {
    if (error instanceof CorruptBlockError) return null;
    throw error;
  }
}
