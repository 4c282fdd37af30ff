import { useEffect, useMemo, useState } from 'react';
import type { EventBlockPostings } from '@core/events/block-terms';
import type { TimelineEvent } from '@core/model/event';
import type { SearchHits } from '@core/timeline/search-index';
import type { LoadedSearchIndex } from '@data/events';
import { adoptIndex, applyChanges, buildSteps, createIndexHolder, isBulkChange } from './index-holder';
import { measureSince, nowMs } from './perf';
import { runInSlices } from './use-staged';

export interface SearchIndexState {
  /** The events matching the query (ids and times, in time order), or null while the index is still being built. */
  search: (query: string) => SearchHits | null;
  ready: boolean;
  /** Changes whenever the index content changes, so memoised searches re-run. */
  version: number;
}


/**
 * One in-memory search index per incident. The full load usually built it while it read the
 * blocks (`loaded`): then it is taken over as it is. Otherwise the first build reads the words of imported events
 * from their blocks' stored postings (`postings`) and tokenises only the rest (typed-in events),
 * in slices between tasks so the timeline shows and scrolls meanwhile (a query typed then is
 * answered by scanning); later changes (a pin, an import) update only what changed. Events are
 * told apart by identity, never by a map of every id: an unchanged event stays the same object
 * from one list to the next, and hashing a million ids costs seconds.
 */
export function useSearchIndex(
  incidentId: string,
  events: readonly TimelineEvent[] | undefined,
  postings: readonly EventBlockPostings[] = [],
  uncovered?: readonly TimelineEvent[],
  loaded?: LoadedSearchIndex,
): SearchIndexState {
  const holder = useMemo(() => createIndexHolder(incidentId), [incidentId]);
  // Counts finished builds: a new number re-renders with the index ready and re-runs searches.
  const [builds, setBuilds] = useState(0);

  // The full load's index is taken over while rendering, so the first render of the whole list
  // can already search. Idempotent, as the changes below: once taken, the holder is built.
  useMemo(() => {
    const index = events !== undefined && !holder.built && loaded?.events === events ? loaded.take() : null;
    if (index === null || events === undefined) return;
    adoptIndex(holder, index, events);
    measureSince('timeline:index-build', nowMs(), { events: events.length });
  }, [holder, events, loaded]);

  useEffect(() => {
    if (events === undefined) return;
    if (!holder.built || isBulkChange(holder, events)) {
      let cancelled = false;
      const started = nowMs();
      void runInSlices(() => buildSteps(holder, events, postings, uncovered), () => cancelled).then((done) => {
        if (cancelled || done === undefined) return;
        holder.built = true;
        measureSince('timeline:index-build', started, { events: events.length });
        setBuilds((n) => n + 1);
      });
      // New data during the first build restarts it with that data.
      return () => {
        cancelled = true;
      };
    }
  }, [holder, events, postings, uncovered]);

  // Later changes are applied while rendering, so the search below already sees them. The
  // update is idempotent (a diff against the list last indexed), which keeps StrictMode's double
  // render harmless. An import's commit adds thousands at once: the effect above indexes again in slices
  // (searches scan meanwhile) instead of one long render here.
  const bulk = events !== undefined && isBulkChange(holder, events);
  // The holder is built (by the effect above, or taken over) exactly while it can answer.
  const changes = useMemo(() => (events && !bulk && holder.built ? applyChanges(holder, events) : 0), [holder, events, bulk]);

  const ready = holder.built && !bulk;
  return {
    ready,
    version: builds + changes,
    search: (query) => (ready ? holder.index.hits(query) : null),
  };
}
