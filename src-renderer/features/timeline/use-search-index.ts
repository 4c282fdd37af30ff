import { useEffect, useMemo, useState } from 'react';
import type { EventBlockPostings } from '@core/events/block-terms';
import type { TimelineEvent } from '@core/model/event';
import { createTimelineIndex } from '@core/timeline/search-index';
import { measureSince, nowMs } from './perf';
import { runInSlices } from './use-staged';

// Events tokenised (no stored postings) or registered between two chances for the page to run.
const TOKENISE_CHUNK = 1000;
const REGISTER_CHUNK = 20_000;
/** More events than this came or went: index again in chunks rather than while rendering. */
const BULK = 4000;

export interface SearchIndexState {
  /** Ids matching the query in time order, or null while the index is still being built. */
  search: (query: string) => string[] | null;
  ready: boolean;
  /** Changes whenever the index content changes, so memoised searches re-run. */
  version: number;
}

const sameSearchFields = (a: TimelineEvent, b: TimelineEvent) =>
  a.at === b.at && a.text === b.text && a.actorName === b.actorName && a.channel === b.channel && a.sourceId === b.sourceId;

/**
 * One in-memory search index per incident. The first build reads the words of imported events
 * from their blocks' stored postings (`postings`) and tokenises only the rest (typed-in events),
 * in slices between tasks so the timeline shows and scrolls meanwhile (a query typed then is
 * answered by scanning); later changes (a pin, an import) update only what changed.
 */
export function useSearchIndex(incidentId: string, events: readonly TimelineEvent[] | undefined, postings: readonly EventBlockPostings[] = []): SearchIndexState {
  const holder = useMemo<Holder & { incidentId: string; built: boolean }>(() => ({ incidentId, index: createTimelineIndex(), indexed: new Map<string, TimelineEvent>(), built: false, events: null }), [incidentId]);
  const [status, setStatus] = useState({ holder, ready: false, version: 0 });

  useEffect(() => {
    if (events === undefined) return;
    if (!holder.built || isBulkChange(holder, events)) {
      let cancelled = false;
      const started = nowMs();
      void runInSlices(() => buildSteps(holder, events, postings), () => cancelled).then((done) => {
        if (cancelled || done === undefined) return;
        holder.built = true;
        measureSince('timeline:index-build', started, { events: events.length });
        setStatus((s) => ({ holder, ready: true, version: s.version + 1 }));
      });
      // New data during the first build restarts it with that data.
      return () => {
        cancelled = true;
      };
    }
  }, [holder, events, postings]);

  // Later changes are applied while rendering, so the search below already sees them. The
  // update is idempotent (a diff against what is indexed), which keeps StrictMode's double
  // render harmless. An import's commit adds thousands at once: the effect above indexes again in slices
  // (searches scan meanwhile) instead of one long render here.
  const bulk = events !== undefined && isBulkChange(holder, events);
  const changes = useMemo(() => (events && !bulk && status.holder === holder && status.ready && holder.built ? applyChanges(holder, events) : 0), [holder, events, status, bulk]);

  const ready = status.holder === holder && status.ready && holder.built && !bulk;
  return {
    ready,
    version: status.version + changes,
    search: (query) => (ready ? holder.index.search(query) : null),
  };
}

interface Holder {
  index: ReturnType<typeof createTimelineIndex>;
  indexed: Map<string, TimelineEvent>;
  /** The list the index was last brought up to date with: the same list again needs no diff. */
  events: readonly TimelineEvent[] | null;
}

/**
 * The whole index again, a slice at a time: the current events registered by id, then each
 * stored block's postings (its rows are the current events with those ids; an event no longer
 * shown is skipped), then whatever no block covered tokenised. Returns true when finished.
 */
function* buildSteps(holder: Holder & { built: boolean }, events: readonly TimelineEvent[], postings: readonly EventBlockPostings[]): Generator<void, true, void> {
  holder.built = false;
  holder.events = null;
  holder.index.rebuild([]);
  holder.indexed.clear();
  for (let offset = 0; offset < events.length; offset += REGISTER_CHUNK) {
    for (let i = offset; i < Math.min(events.length, offset + REGISTER_CHUNK); i++) holder.indexed.set(events[i].id, events[i]);
    yield;
  }
  for (const block of postings) {
    const rows = new Array<TimelineEvent | null>(block.ids.length);
    for (let row = 0; row < rows.length; row++) rows[row] = holder.indexed.get(block.ids[row]) ?? null;
    holder.index.addBlock(rows, block.terms);
    yield;
  }
  let rest: TimelineEvent[] = [];
  for (const event of events) {
    if (holder.index.has(event.id)) continue;
    rest.push(event);
    if (rest.length === TOKENISE_CHUNK) {
      holder.index.addEvents(rest);
      rest = [];
      yield;
    }
  }
  holder.index.addEvents(rest);
  yield;
  // The index orders hits by time with a table it builds on the first search; build it now,
  // while the user reads, with a query that matches nothing.
  holder.index.search('zzqxjwarmup');
  holder.events = events;
  return true;
}

/** Too many events came or went to re-index while rendering. */
function isBulkChange(holder: Holder, events: readonly TimelineEvent[]): boolean {
  return Math.abs(events.length - holder.indexed.size) > BULK;
}

let changeCounter = 0;

/** Re-indexes what changed since the last call; returns a new number when anything did. */
function applyChanges(holder: Holder, events: readonly TimelineEvent[]): number {
  if (events === holder.events) return 0;
  holder.events = events;
  const seen = new Set<string>();
  const changed: TimelineEvent[] = [];
  for (const event of events) {
    seen.add(event.id);
    const before = holder.indexed.get(event.id);
    if (before === undefined || !sameSearchFields(before, event)) changed.push(event);
    holder.indexed.set(event.id, event);
  }
  const removed = [...holder.indexed.keys()].filter((id) => !seen.has(id));
  for (const id of removed) holder.indexed.delete(id);
  if (changed.length === 0 && removed.length === 0) return 0;
  holder.index.removeEvents(removed);
  holder.index.addEvents(changed);
  changeCounter += 1;
  return changeCounter;
}
