import type { EventBlockPostings } from '@core/events/block-terms';
import type { TimelineEvent } from '@core/model/event';
import { createTimelineIndex, type TimelineIndex } from '@core/timeline/search-index';

// Events tokenised (no stored postings) or registered between two chances for the page to run.
const TOKENISE_CHUNK = 1000;
const REGISTER_CHUNK = 20_000;
/** More events than this came or went: index again in chunks rather than while rendering. */
const BULK = 4000;

const sameSearchFields = (a: TimelineEvent, b: TimelineEvent) =>
  a.at === b.at && a.text === b.text && a.actorName === b.actorName && a.channel === b.channel && a.sourceId === b.sourceId;

/** An incident's search index and the list of events it holds. */
export interface IndexHolder {
  incidentId: string;
  index: TimelineIndex;
  built: boolean;
  /** The list the index holds (built from, or brought up to date with); null while a build runs. */
  events: readonly TimelineEvent[] | null;
}

export function createIndexHolder(incidentId: string): IndexHolder {
  return { incidentId, index: createTimelineIndex(), built: false, events: null };
}

/** Takes over an index that holds exactly `events` (built while they were read). */
export function adoptIndex(holder: IndexHolder, index: TimelineIndex, events: readonly TimelineEvent[]): void {
  holder.index = index;
  holder.events = events;
  holder.built = true;
}

/**
 * The whole index again, a slice at a time: each stored block's postings (a row whose event is
 * no longer in the list as that object, removed or changed since, is skipped), then every event
 * no block covered, tokenised. `uncovered`, when given, says the postings were read together with
 * exactly this list and names the events no block holds: then no row needs checking (a set of a
 * million events is a good part of the build). Returns true when finished.
 */
export function* buildSteps(holder: IndexHolder, events: readonly TimelineEvent[], postings: readonly EventBlockPostings[], uncovered?: readonly TimelineEvent[]): Generator<void, true, void> {
  holder.built = false;
  holder.events = null;
  holder.index.rebuild([]);
  if (uncovered) {
    for (const block of postings) {
      holder.index.addBlock(block.rows, block.terms);
      yield;
    }
    yield* addUncovered(holder, uncovered);
  } else {
    // The events still to index; a block's row takes its event out.
    const pending = new Set<TimelineEvent>();
    for (let offset = 0; offset < events.length; offset += REGISTER_CHUNK) {
      for (let i = offset; i < Math.min(events.length, offset + REGISTER_CHUNK); i++) pending.add(events[i]);
      yield;
    }
    for (const block of postings) {
      const rows = new Array<TimelineEvent | null>(block.rows.length);
      for (let row = 0; row < rows.length; row++) rows[row] = pending.delete(block.rows[row]) ? block.rows[row] : null;
      holder.index.addBlock(rows, block.terms);
      yield;
    }
    yield* addUncovered(holder, pending);
  }
  // The index orders hits by time with a table it builds on the first search; built now, while the user reads.
  holder.index.prepare();
  holder.events = events;
  return true;
}

/** Events no stored block covered, tokenised a chunk at a time. */
function* addUncovered(holder: IndexHolder, events: Iterable<TimelineEvent>): Generator<void, void, void> {
  let rest: TimelineEvent[] = [];
  for (const event of events) {
    rest.push(event);
    if (rest.length === TOKENISE_CHUNK) {
      holder.index.addNew(rest);
      rest = [];
      yield;
    }
  }
  holder.index.addNew(rest);
  yield;
}

/** Too many events came or went to re-index while rendering. */
export function isBulkChange(holder: IndexHolder, events: readonly TimelineEvent[]): boolean {
  return Math.abs(events.length - holder.index.size) > BULK;
}

let changeCounter = 0;

/**
 * Re-indexes what changed since the list last indexed; returns a new number when anything did.
 * Unchanged events are the same objects in both lists, so identity finds the rest: the head and
 * tail the two lists share position by position are skipped with a pointer comparison each (a pin
 * or a typed-in event leaves all but a few events there), then a pass over what lies between finds
 * the new objects (added or changed) and the old ones gone (removed, or replaced by a new version).
 */
export function applyChanges(holder: IndexHolder, events: readonly TimelineEvent[]): number {
  const before = holder.events;
  if (events === before || before === null) return 0;
  holder.events = events;
  const shorter = Math.min(before.length, events.length);
  let head = 0;
  while (head < shorter && before[head] === events[head]) head++;
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === events[events.length - 1 - tail]) tail++;
  const gone = new Set(before.slice(head, before.length - tail));
  const fresh: TimelineEvent[] = [];
  for (let i = head; i < events.length - tail; i++) if (!gone.delete(events[i])) fresh.push(events[i]);
  if (fresh.length === 0 && gone.size === 0) return 0;
  const previous = new Map([...gone].map((event) => [event.id, event]));
  const changed = fresh.filter((event) => {
    const old = previous.get(event.id);
    previous.delete(event.id);
    return old === undefined || !sameSearchFields(old, event);
  });
  if (changed.length === 0 && previous.size === 0) return 0;
  holder.index.removeEvents(previous.keys());
  holder.index.addEvents(changed);
  changeCounter += 1;
  return changeCounter;
}
