import { useEffect, useRef, useState } from 'react';
import type { TimelineEvent } from '@core/model/event';
import { createTimelineIndex, type TimelineIndex } from '@core/timeline/search-index';

const CHUNK = 4000;

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
 * One in-memory search index per incident. The first build is done in chunks between frames
 * so the timeline shows and scrolls at once on 100k events (a query typed meanwhile is
 * answered by scanning); later changes (a pin, an import) update only what changed.
 */
export function useSearchIndex(incidentId: string, events: readonly TimelineEvent[] | undefined): SearchIndexState {
  const state = useRef<{ incidentId: string; index: TimelineIndex; indexed: Map<string, TimelineEvent>; ready: boolean } | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (events === undefined) return;
    if (state.current?.incidentId !== incidentId) {
      state.current = { incidentId, index: createTimelineIndex(), indexed: new Map(), ready: false };
    }
    const current = state.current;
    if (!current.ready) {
      // First build: chunked so input and scrolling stay responsive.
      let cancelled = false;
      let offset = 0;
      const started = performance.now();
      const step = () => {
        if (cancelled) return;
        const chunk = events.slice(offset, offset + CHUNK);
        current.index.addEvents(chunk);
        for (const event of chunk) current.indexed.set(event.id, event);
        offset += CHUNK;
        if (offset < events.length) {
          setTimeout(step, 0);
          return;
        }
        current.ready = true;
        performance.measure('timeline:index-build', { start: started, end: performance.now(), detail: { events: events.length } });
        setVersion((v) => v + 1);
      };
      setTimeout(step, 0);
      return () => {
        cancelled = true;
        // A build interrupted by new data starts over with it.
        if (!current.ready && state.current === current) state.current = null;
      };
    }
    const seen = new Set<string>();
    const changed: TimelineEvent[] = [];
    for (const event of events) {
      seen.add(event.id);
      const before = current.indexed.get(event.id);
      if (before === undefined || !sameSearchFields(before, event)) changed.push(event);
      current.indexed.set(event.id, event);
    }
    const removed = [...current.indexed.keys()].filter((id) => !seen.has(id));
    for (const id of removed) current.indexed.delete(id);
    if (changed.length === 0 && removed.length === 0) return;
    current.index.removeEvents(removed);
    current.index.addEvents(changed);
    setVersion((v) => v + 1);
  }, [incidentId, events]);

  const current = state.current;
  const ready = current !== null && current.incidentId === incidentId && current.ready;
  return {
    ready,
    version,
    search: (query) => (ready && current ? current.index.search(query) : null),
  };
}
