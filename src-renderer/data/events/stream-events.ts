import type { EventBlockPostings } from '@core/events/block-terms';
import { decodeEventBlock, type DecodedBlock } from '@core/events/event-block';
import type { TimelineEvent } from '@core/model/event';
import type { Source } from '@core/model/source';
import { nextTask } from '@core/next-task';
import type { TimelineIndex } from '@core/timeline/search-index';
import { decodeRaw } from '@db/event-blocks';
import type { DebriefDatabase, EventBlockRecord } from '@db/schema';
import { blockPostings, inTimeOrder, manualInOrder, materialiseEvent, mergeInOrder, readIncidentHead, sourceBlocks, type IncidentEventHead } from './load-events';

/** Block reads kept in flight ahead of the block being decoded. */
const READ_AHEAD = 3;
/** Rows decoded between two looks at the clock. */
const ROWS_PER_CHECK = 256;
/** Events without stored postings tokenised between two looks at the clock. */
const TOKENISE_CHUNK = 1000;

/** Gives the page a turn once a stretch of work has run `ms`, so a million events never freeze the window. */
export class Slices {
  private started = performance.now();

  constructor(private readonly ms: number) {}

  async pause(): Promise<void> {
    if (performance.now() - this.started < this.ms) return;
    await nextTask();
    this.started = performance.now();
  }
}

export interface StreamedBlock {
  record: EventBlockRecord;
  block: DecodedBlock;
  /** The block's original records, when asked for and stored. */
  raw: unknown[] | undefined;
}

/**
 * A source's blocks in order, each read by a request of its own while the next few are already
 * on their way: the page decodes one block while IndexedDB reads the next. (One request for every
 * block left the page idle until the last byte had arrived, then handed it all of them at once.)
 * A committed source's blocks never change; one gone missing means the source was removed
 * meanwhile, and the stream ends there (the removal's change follows and drops what was read).
 */
export async function* streamSourceBlocks(database: DebriefDatabase, sourceId: string, withRaw: boolean): AsyncGenerator<StreamedBlock, void, void> {
  const keys = await sourceBlocks(database, sourceId).primaryKeys();
  const read = (key: (typeof keys)[number]) => {
    const reading = Promise.all([database.eventBlocks.get(key), withRaw ? database.eventRaw.get(key) : undefined]);
    // A read left in flight when the caller stops early must not report an unhandled failure;
    // one that is awaited still throws.
    reading.catch(() => undefined);
    return reading;
  };
  const pending = keys.slice(0, READ_AHEAD).map(read);
  for (let i = 0; i < keys.length; i++) {
    if (i + READ_AHEAD < keys.length) pending.push(read(keys[i + READ_AHEAD]));
    const [record, stored] = await pending[i];
    pending[i] = EMPTY_READ;
    if (!record) return;
    yield { record, block: decodeEventBlock(record.data), raw: stored ? decodeRaw(stored) : undefined };
  }
}

const EMPTY_READ: Promise<[undefined, undefined]> = Promise.resolve([undefined, undefined]);

/** One block's rows as timeline events, giving the page a turn every few milliseconds. */
export async function materialiseBlock(head: Pick<IncidentEventHead, 'states' | 'actors'>, source: Source, streamed: StreamedBlock, slices: Slices): Promise<TimelineEvent[]> {
  const { block, raw } = streamed;
  const rows = new Array<TimelineEvent>(block.count);
  for (let row = 0; row < block.count; row++) {
    rows[row] = materialiseEvent(head, source, block, row, raw?.[row]);
    if (row % ROWS_PER_CHECK === ROWS_PER_CHECK - 1) await slices.pause();
  }
  return rows;
}

export interface SourceEvents {
  /** In the source's stored order. */
  events: TimelineEvent[];
  postings: EventBlockPostings[];
  /** Events of blocks without stored postings (to be tokenised). */
  uncovered: TimelineEvent[];
}

/**
 * One source's events, read block by block (see streamSourceBlocks) and decoded between turns of
 * the page; `onBlock` sees each block's events with its stored postings as it arrives.
 */
export async function streamSourceEvents(
  database: DebriefDatabase,
  head: Pick<IncidentEventHead, 'states' | 'actors'>,
  source: Source,
  withRaw: boolean,
  slices: Slices,
  onBlock?: (rows: TimelineEvent[], terms: EventBlockPostings['terms']) => void,
): Promise<SourceEvents> {
  const read: SourceEvents = { events: [], postings: [], uncovered: [] };
  for await (const streamed of streamSourceBlocks(database, source.id, withRaw)) {
    const rows = await materialiseBlock(head, source, streamed, slices);
    for (const event of rows) read.events.push(event);
    const terms = blockPostings(streamed.record);
    if (terms) {
      read.postings.push({ sourceId: source.id, rows, terms });
      onBlock?.(rows, terms);
    } else {
      for (const event of rows) read.uncovered.push(event);
    }
    await slices.pause();
  }
  return read;
}

export interface StreamOptions {
  /** Whether to read a source's original records (`raw`); otherwise they are null. */
  withRaw: (source: Source) => boolean;
  /** Filled as the blocks arrive: every visible event, the stored postings' words and the rest tokenised (a build). */
  index?: TimelineIndex;
  slices: Slices;
}

/**
 * Every visible event of an incident in timeline order (as loadTimelineEvents gives them), read
 * block by block with the next blocks' reads in flight, decoded between turns of the page, and,
 * when asked, indexed for search as each block arrives rather than after the last one.
 */
export async function streamTimelineEvents(
  database: DebriefDatabase,
  incidentId: string,
  options: StreamOptions,
): Promise<{ events: TimelineEvent[]; postings: EventBlockPostings[]; uncovered: TimelineEvent[] }> {
  const { index, slices } = options;
  const head = await readIncidentHead(database, incidentId);
  const perSource: TimelineEvent[][] = [];
  const postings: EventBlockPostings[] = [];
  const uncovered: TimelineEvent[] = [];
  const addToIndex = index && ((rows: TimelineEvent[], terms: EventBlockPostings['terms']) => index.addBlock(rows, terms));
  for (const source of head.sources) {
    const read = await streamSourceEvents(database, head, source, options.withRaw(source), slices, addToIndex);
    perSource.push(inTimeOrder(read.events));
    for (const block of read.postings) postings.push(block);
    for (const event of read.uncovered) uncovered.push(event);
  }
  const manual = manualInOrder(head);
  for (const event of manual) uncovered.push(event);
  if (index) {
    for (let from = 0; from < uncovered.length; from += TOKENISE_CHUNK) {
      index.addNew(uncovered.slice(from, from + TOKENISE_CHUNK));
      await slices.pause();
    }
    index.prepare();
  }
  return { events: mergeInOrder([...perSource, manual]), postings, uncovered };
}
