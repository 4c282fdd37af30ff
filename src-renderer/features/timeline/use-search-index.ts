import { useEffect, useMemo, useState } from 'react';
import type { TimelineEvent } from '@core/model/event';
import { createTimelineIndex } from '@core/timeline/search-index';
import { measureSince, nowMs } from './perf';

// Small enough that one chunk is a short task on a slow machine (each ~10 ms on 1k events).
const CHUNK = 1000;
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
 * One in-memory search index per incident. The first build is done in chunks between tasks
 * so the timeline shows and scrolls at once on 100k events (a query typed meanwhile is
 * answered by scanning); later changes (a pin, an import) update only what changed.
 */
export function useSearchIndex(incidentId: string, events: readonly TimelineEvent[] | undefined): SearchIndexState {
  const holder = useMemo(() => ({ incidentId, index: createTimelineIndex(), indexed: new Map<string, TimelineEvent>(), built: false }), [incidentId]);
  const [status, setStatus] = useState({ holder, ready: false, version: 0 });

  useEffect(() => {
    if (events === undefined) return;
    if (!holder.built || isBulkChange(holder, events)) {
      let cancelled = false;
      let offset = 0;
      const started = nowMs();
      const step = () => {
        if (cancelled) return;
        if (offset === 0) {
          holder.built = false;
          holder.index.rebuild([]);
          holder.indexed.clear();
        }
        const chunk = events.slice(offset, offset + CHUNK);
        holder.index.addEvents(chunk);
        for (const event of chunk) holder.indexed.set(event.id, event);
        offset += CHUNK;
        if (offset < events.length) {
          setTimeout(step, 0);
          return;
        }
        holder.built = true;
        // The index orders hits by time with a table it builds on the first search; build it
        // now, while the user reads, with a query that matches nothing.
        holder.index.search('zzqxjwarmup');
        measureSince('timeline:index-build', started, { events: events.length });
        setStatus((s) => ({ holder, ready: true, version: s.version + 1 }));
      };
      setTimeout(step, 0);
      // New data during the first build restarts it with that data.
      return () => {
        cancelled = true;
      };
    }
  }, [holder, events]);

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
}

/** Too many events came or went to re-index while rendering. */
function isBulkChange(holder: Holder, events: readonly TimelineEvent[]): boolean {
  return Math.abs(events.length - holder.indexed.size) > BULK;
}

let changeCounter = 0;

/** Re-indexes what changed since the last call; returns a new number when anything did. */
function applyChanges(holder: Holder, events: readonly TimelineEvent[]): number {
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
