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

export async function readIncidentEvents(database: DebriefDatabase, incidentId: string, options: LoadOptions = {}): Promise<IncidentEventRecords> {
  const tables = [database.sources, database.eventBlocks, database.eventRaw, database.eventState, database.manualEvents, database.people];
  return database.transaction('r', tables, async () => {
    const sources = await visibleSources(database, incidentId);
    const [perSource, manual, states, people] = await Promise.all([
      Promise.all(sources.map((source) => (options.firstBlocksOnly ? sourceBlocks(database, source.id).limit(1) : sourceBlocks(database, source.id)).toArray())),
      database.manualEvents.where('incidentId').equals(incidentId).toArray(),
      database.eventState.where('incidentId').equals(incidentId).toArray(),
      database.people.toArray(),
    ]);
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
    return { sources, blocks, manual, states: new Map(states.map((s) => [s.id, s])), actors: new ActorResolver(people), raw };
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
  const state = records.states.get(id) ?? NO_STATE;
  const actorAlias = block.actorAlias.get(row);
  const storedActorId = block.actorId.get(row);
  const person = records.actors.person(actorAlias, storedActorId);
  const bits = block.bits[row];
  return {
    ...extras.x,
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
    ...(extras.m ? { mentions: extras.m } : {}),
    links: extras.l ?? NONE,
    threadParentKey: block.threadParentKey.get(row),
    ...(extras.c ? { alsoInChannel: true } : {}),
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

/** The visible events (as loadVisibleEvents) and the stored search postings of each block they came from. */
export async function loadTimelineEvents(database: DebriefDatabase, incidentId: string, options: LoadOptions = { withRaw: true }): Promise<{ events: TimelineEvent[]; postings: EventBlockPostings[] }> {
  const records = await readIncidentEvents(database, incidentId, options);
  const rank = new Map(records.sources.map((source, i) => [source.id, i]));
  const keyed: { event: TimelineEvent; rank: number; position: number }[] = [];
  const postings: EventBlockPostings[] = [];
  records.blocks.forEach(({ source, record, block }, b) => {
    const raws = records.raw[b];
    const ids = new Array<string>(block.count);
    for (let row = 0; row < block.count; row++) {
      const event = materialiseEvent(records, source, block, row, raws?.[row]);
      ids[row] = event.id;
      keyed.push({ event, rank: rank.get(source.id) ?? 0, position: block.first + row });
    }
    const terms = blockPostings(record);
    if (terms) postings.push({ sourceId: source.id, ids, terms });
  });
  const manualRank = records.sources.length;
  for (const record of records.manual) keyed.push({ event: materialiseManual(records, record), rank: manualRank, position: 0 });
  keyed.sort((a, b) => a.event.at - b.event.at || a.rank - b.rank || a.position - b.position || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return { events: keyed.map((k) => k.event), postings };
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
