import { z } from 'zod';
import { EVENT_KINDS, type TimelineEvent } from '@core/model/event';
import { allowedChannels, type ChannelColumn } from './channel-column';
import { matchesQuery } from './search-text';
import { TimelineError } from './timeline-error';

/**
 * The Timeline tab's filter. It is persisted per incident, so it is plain JSON and parsed with
 * zod when read back; fields added later get defaults so older saved filters still load.
 * Empty lists mean "no restriction". `from`/`to` are inclusive UTC epoch ms. Actors match on
 * the actor id or, for actors without one, the shown name.
 */
export const timelineFilterSchema = z.object({
  sources: z.array(z.string()).default([]),
  channels: z.array(z.string()).default([]),
  actors: z.array(z.string()).default([]),
  kinds: z.array(z.enum(EVENT_KINDS)).default([]),
  from: z.number().nullable().default(null),
  to: z.number().nullable().default(null),
  pinnedOnly: z.boolean().default(false),
  query: z.string().default(''),
});

export type TimelineFilter = z.infer<typeof timelineFilterSchema>;

/** A fresh filter that shows everything (fresh so callers may mutate their copy). */
export function emptyTimelineFilter(): TimelineFilter {
  return { sources: [], channels: [], actors: [], kinds: [], from: null, to: null, pinnedOnly: false, query: '' };
}

export function parseTimelineFilter(value: unknown): TimelineFilter {
  const result = timelineFilterSchema.safeParse(value);
  if (!result.success) {
    throw new TimelineError('INVALID_FILTER', `Saved timeline filter is not valid: ${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}

export function isFilterEmpty(filter: TimelineFilter): boolean {
  return (
    filter.sources.length === 0 &&
    filter.channels.length === 0 &&
    filter.actors.length === 0 &&
    filter.kinds.length === 0 &&
    filter.from === null &&
    filter.to === null &&
    !filter.pinnedOnly &&
    filter.query.trim() === ''
  );
}

/** How many filter menus narrow the list (source, channel, actor, kind, time, key moments); the search is not counted. */
export function activeFilterCount(filter: TimelineFilter): number {
  const inUse = [filter.sources.length > 0, filter.channels.length > 0, filter.actors.length > 0, filter.kinds.length > 0, filter.from !== null || filter.to !== null, filter.pinnedOnly];
  return inUse.filter(Boolean).length;
}

export type FilterableEvent = Pick<TimelineEvent, 'id' | 'at' | 'sourceId' | 'channel' | 'actorId' | 'actorName' | 'kind' | 'pinned' | 'text'>;

export interface FilterOptions {
  /**
   * Ids matching `filter.query`, from the search index. Without it the query is checked on
   * each event's text with the index's own rules, which is fine for one event but a scan.
   */
  queryHits?: ReadonlySet<string>;
}

interface CompiledFilter {
  sources: ReadonlySet<string> | null;
  channels: ReadonlySet<string> | null;
  actors: ReadonlySet<string> | null;
  kinds: ReadonlySet<string> | null;
  pinnedOnly: boolean;
  query: string;
  queryHits: ReadonlySet<string> | undefined;
}

const asSet = (values: readonly string[]) => (values.length === 0 ? null : new Set(values));

function compile(filter: TimelineFilter, options: FilterOptions): CompiledFilter {
  return {
    sources: asSet(filter.sources),
    channels: asSet(filter.channels),
    actors: asSet(filter.actors),
    kinds: asSet(filter.kinds),
    pinnedOnly: filter.pinnedOnly,
    query: filter.query.trim(),
    queryHits: options.queryHits,
  };
}

/** Everything but the time range, which `applyFilter` handles by binary search. */
function matchesCompiled(event: FilterableEvent, f: CompiledFilter): boolean {
  if (f.pinnedOnly && !event.pinned) return false;
  if (f.sources && !f.sources.has(event.sourceId)) return false;
  if (f.channels && !f.channels.has(event.channel)) return false;
  if (f.kinds && !f.kinds.has(event.kind)) return false;
  if (f.actors && !(event.actorId !== null && f.actors.has(event.actorId)) && !f.actors.has(event.actorName)) return false;
  if (f.query !== '') {
    if (f.queryHits) return f.queryHits.has(event.id);
    return matchesQuery(`${event.text} ${event.actorName} ${event.channel}`, f.query);
  }
  return true;
}

export function matchesFilter(event: FilterableEvent, filter: TimelineFilter, options: FilterOptions = {}): boolean {
  if (filter.from !== null && event.at < filter.from) return false;
  if (filter.to !== null && event.at > filter.to) return false;
  return matchesCompiled(event, compile(filter, options));
}

/** First index whose `at` is ≥ `at` (or > `at` when `after`), in an array sorted by `at`. */
function lowerBound(events: readonly { at: number }[], at: number, after: boolean): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const value = events[mid].at;
    if (value < at || (after && value === at)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The events of `sortedEvents` (ascending `at`) that pass the filter, in the same order.
 * The time range is cut by binary search and the list criteria are Set lookups, so one pass
 * over the range is all it costs.
 */
export function applyFilter<T extends FilterableEvent>(sortedEvents: readonly T[], filter: TimelineFilter, options: FilterOptions = {}): T[] {
  return Array.from(filterPositions(sortedEvents, filter, options), (position) => sortedEvents[position]);
}

export interface PositionFilterOptions extends FilterOptions {
  /**
   * The positions (ascending) of the events matching `filter.query` (see `hitPositions`): the
   * search then costs a pass over its hits, not over every event. Takes precedence over `queryHits`.
   */
  hitPositions?: Int32Array;
  /** The list's channels by position (see channelColumnSteps): the channel filter then reads no event. */
  channelColumn?: ChannelColumn;
}

const NO_CODES = new Uint32Array(0);

/** As applyFilter, the positions in `sortedEvents` of the events that pass, ascending. */
export function filterPositions(sortedEvents: readonly FilterableEvent[], filter: TimelineFilter, options: PositionFilterOptions = {}): Int32Array {
  const start = filter.from === null ? 0 : lowerBound(sortedEvents, filter.from, false);
  const end = filter.to === null ? sortedEvents.length : lowerBound(sortedEvents, filter.to, true);
  const hits = filter.query.trim() === '' ? undefined : options.hitPositions;
  const column = options.channelColumn?.codes.length === sortedEvents.length && filter.channels.length > 0 ? options.channelColumn : undefined;
  // With the column, the channels are checked on it and left out of the per-event check.
  const compiled = compile({ ...filter, query: hits ? '' : filter.query, channels: column ? [] : filter.channels }, options);
  const codes = column ? column.codes : NO_CODES;
  const allowed = column ? allowedChannels(column, filter.channels) : undefined;
  const everything = !compiled.pinnedOnly && !compiled.sources && !compiled.channels && !compiled.kinds && !compiled.actors && compiled.query === '';
  if (hits) {
    const result = new Int32Array(hits.length);
    let n = 0;
    for (let h = 0; h < hits.length; h++) {
      const i = hits[h];
      if (i >= start && i < end && (allowed === undefined || allowed[codes[i]] === 1) && (everything || matchesCompiled(sortedEvents[i], compiled))) result[n++] = i;
    }
    return result.slice(0, n);
  }
  const result = new Int32Array(Math.max(0, end - start));
  let n = 0;
  for (let i = start; i < end; i++) if ((allowed === undefined || allowed[codes[i]] === 1) && (everything || matchesCompiled(sortedEvents[i], compiled))) result[n++] = i;
  return n === result.length ? result : result.slice(0, n);
}

/** The times of a list sorted by time, as one typed array: searched without touching each event object. */
export function timesOf(sortedEvents: readonly Pick<FilterableEvent, 'at'>[]): Float64Array {
  const times = new Float64Array(sortedEvents.length);
  for (let i = 0; i < sortedEvents.length; i++) times[i] = sortedEvents[i].at;
  return times;
}

/**
 * Where in `sortedEvents` (ascending `at`, whose times are `times`) the search hits are:
 * their positions, ascending, each found by the hit's time instead of a map of every event id;
 * null when a hit is not at its time in the list (then the ids must be looked up instead).
 * `hits.events`, when given, are the objects the hits were indexed from (see SearchHits).
 */
export function hitPositions(
  sortedEvents: readonly Pick<FilterableEvent, 'id'>[],
  times: Float64Array,
  hits: { ids: readonly string[]; ats: ArrayLike<number>; events?: readonly object[] },
): Int32Array | null {
  const positions = new Int32Array(hits.ids.length);
  const count = times.length;
  let sorted = true;
  // Hits come in time order: each search starts where the last one's time began, galloping
  // forward (1, 2, 4… places) before halving, so nearby hits touch nearby memory only.
  let from = 0;
  for (let h = 0; h < hits.ids.length; h++) {
    const at = hits.ats[h];
    let low = from;
    let high = from;
    for (let step = 1; high < count && times[high] < at; step *= 2) {
      low = high + 1;
      high = Math.min(count, from + step);
    }
    if (at < times[from]) low = 0; // out of order (never from the index): search everything
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (times[mid] < at) low = mid + 1;
      else high = mid;
    }
    from = low;
    if (low === count || times[low] !== at) return null;
    // Within one millisecond (imports at second precision put hundreds there) the list and the
    // hits mostly share their order: look from just after the previous hit, then wrap round.
    const start = h > 0 && hits.ats[h - 1] === at ? positions[h - 1] + 1 : low;
    const found = findInGroup(sortedEvents, times, low, start, at, hits.events?.[h], hits.ids[h]);
    if (found < 0) return null;
    positions[h] = found;
    if (h > 0 && positions[h - 1] > found) sorted = false;
  }
  // Hits of one millisecond come ordered by id, the list by source: only those may need it.
  return sorted ? positions : positions.sort();
}

/**
 * The position of one hit among the events at time `at` (from `groupStart`), scanning from
 * `start` to the group's end and then from its start. The list usually holds the very object the
 * index was given, so references are compared first: that reads no event (a broad search at 1M
 * events has 150k hits spread over the heap); ids only when that fails (an index behind edits).
 */
function findInGroup(sortedEvents: readonly Pick<FilterableEvent, 'id'>[], times: Float64Array, groupStart: number, start: number, at: number, event: object | undefined, id: string): number {
  const count = times.length;
  if (event !== undefined) {
    for (let i = start; i < count && times[i] === at; i++) if (sortedEvents[i] === event) return i;
    for (let i = groupStart; i < start; i++) if (sortedEvents[i] === event) return i;
  }
  for (let i = start; i < count && times[i] === at; i++) if (sortedEvents[i].id === id) return i;
  for (let i = groupStart; i < start; i++) if (sortedEvents[i].id === id) return i;
  return -1;
}
