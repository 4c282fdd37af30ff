import { useDeferredValue, useMemo, useState } from 'react';
import type { TimelineEvent } from '@core/model/event';
import type { TimelineFilter } from '@core/timeline/filters';
import type { SearchIndexState } from './use-search-index';
import { timed } from './perf';
import { BACKGROUND_EVENTS, useStaged } from './use-staged';
import { StageCache } from './stage-cache';
import { timelineViewSteps, type TimelineView } from './timeline-view';

export type { TimelineView };

const EMPTY: TimelineEvent[] = [];
const NO_SPLITS: ReadonlySet<string> = new Set();

/**
 * The Timeline's view of the incident's events (see timelineViewSteps). On a large incident the
 * stages run after the render in slices (see useStaged): an import's commit or a new filter never
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
    const found = timed('timeline:search', () => search(query), (hits) => ({ hits: hits?.ids.length ?? -1 }));
    return found ?? undefined;
    // `version` changes when the index content does; `search` is a new closure every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, ready, version]);

  const [cache] = useState(() => new StageCache());
  return useStaged(() => timelineViewSteps(cache, { all, filter, queryHits, splits, zone, expanded }), [all, filter, queryHits, splits, zone, expanded], all.length > BACKGROUND_EVENTS);
}
