import { useDeferredValue, useMemo, useState } from 'react';
import type { TimelineEvent } from '@core/model/event';
import { applyFilter, type TimelineFilter } from '@core/timeline/filters';
import { matchSameEvents, type SameEventMatches } from '@core/timeline/same-event';
import { buildTimelineRowsSteps, foldThreadsSteps, type ThreadFold, type TimelineRow } from './timeline-rows';
import type { SearchIndexState } from './use-search-index';
import { timed } from './perf';
import { BACKGROUND_EVENTS, useStaged } from './use-staged';
import { StageCache } from './stage-cache';

export interface TimelineView {
  filtered: TimelineEvent[];
  /** One real-world event from several sources: the others, by the id of the row showing them. */
  same: SameEventMatches;
  fold: ThreadFold;
  rows: TimelineRow[];
  /** Ids of the events matching the search, in time order (empty without a query). */
  hits: string[];
}

const EMPTY: TimelineEvent[] = [];
const NO_SPLITS: ReadonlySet<string> = new Set();

/**
 * Filter → same events → threads → day rows. Each stage is kept and reused while its inputs stay
 * the same (typing a query does not regroup days needlessly), and on a large incident the stages
 * run after the render in slices (see useStaged): an import's commit or a new filter never
 * freezes the window for the whole chain. Undefined until the first result is ready.
 */
export function useTimelineView(
  events: TimelineEvent[] | undefined,
  liveFilter: TimelineFilter,
  zone: string,
  expanded: ReadonlySet<string>,
  index: SearchIndexState,
  splits: ReadonlySet<string> = NO_SPLITS,
): TimelineView | undefined {
  // Typing stays responsive on big incidents: the list catches up as soon as it can.
  const filter = useDeferredValue(liveFilter);
  const all = events ?? EMPTY;
  const query = filter.query.trim();
  const { ready, version, search } = index;
  const queryHits = useMemo(() => {
    if (query === '') return undefined;
    const ids = timed('timeline:search', () => search(query), (found) => ({ hits: found?.length ?? -1 }));
    return ids === null ? undefined : new Set(ids);
    // `version` changes when the index content does; `search` is a new closure every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, ready, version]);

  const [cache] = useState(() => new StageCache());
  return useStaged(
    function* () {
      const filtered = cache.stage('filter', [all, filter, queryHits], () =>
        timed('timeline:filter', () => applyFilter(all, filter, { queryHits }), (result) => ({ events: all.length, shown: result.length })),
      );
      yield;
      // The same event from two sources is one row; the other record shows inside it.
      const same = cache.stage('same', [filtered, splits], () => matchSameEvents(filtered, splits));
      yield;
      const shown = cache.stage('shown', [filtered, same], () => (same.shownIn.size === 0 ? filtered : filtered.filter((e) => !same.shownIn.has(e.id))));
      const fold = yield* cache.stageSteps('fold', [shown], () => foldThreadsSteps(shown));
      yield;
      const rows = yield* cache.stageSteps('rows', [fold, zone, expanded], () => buildTimelineRowsSteps(fold, zone, expanded));
      yield;
      // A hit in a merged record is a hit on the row that shows it.
      const hits = cache.stage('hits', [filtered, query, same], () => (query === '' ? [] : [...new Set(filtered.map((e) => same.shownIn.get(e.id) ?? e.id))]));
      return { filtered, same, fold, rows, hits };
    },
    [all, filter, queryHits, splits, zone, expanded, query],
    all.length > BACKGROUND_EVENTS,
  );
}
