import { useDeferredValue, useMemo } from 'react';
import type { TimelineEvent } from '@core/model/event';
import { applyFilter, type TimelineFilter } from '@core/timeline/filters';
import { matchSameEvents, type SameEventMatches } from '@core/timeline/same-event';
import { buildTimelineRows, foldThreads, type ThreadFold, type TimelineRow } from './timeline-rows';
import type { SearchIndexState } from './use-search-index';
import { timed } from './perf';

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

/** Filter → threads → day rows, each step memoised so typing a query does not regroup days needlessly. */
export function useTimelineView(
  events: TimelineEvent[] | undefined,
  liveFilter: TimelineFilter,
  zone: string,
  expanded: ReadonlySet<string>,
  index: SearchIndexState,
  splits: ReadonlySet<string> = NO_SPLITS,
): TimelineView {
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

  const filtered = useMemo(
    () => timed('timeline:filter', () => applyFilter(all, filter, { queryHits }), (result) => ({ events: all.length, shown: result.length })),
    [all, filter, queryHits],
  );

  // The same event from two sources is one row; the other record shows inside it.
  const same = useMemo(() => matchSameEvents(filtered, splits), [filtered, splits]);
  const shown = useMemo(() => (same.shownIn.size === 0 ? filtered : filtered.filter((e) => !same.shownIn.has(e.id))), [filtered, same]);
  const fold = useMemo(() => foldThreads(shown), [shown]);
  const rows = useMemo(() => buildTimelineRows(fold, zone, expanded), [fold, zone, expanded]);
  // A hit in a merged record is a hit on the row that shows it.
  const hits = useMemo(() => (query === '' ? [] : [...new Set(filtered.map((e) => same.shownIn.get(e.id) ?? e.id))]), [filtered, query, same]);
  return { filtered, same, fold, rows, hits };
}
