import type { TimelineEvent } from '@core/model/event';
import { channelColumnSteps } from '@core/timeline/channel-column';
import { filterPositions, hitPositions, timesOf, type TimelineFilter } from '@core/timeline/filters';
import { isSameEventCandidate, matchSameEventCandidates, type SameEventMatches } from '@core/timeline/same-event';
import type { SearchHits } from '@core/timeline/search-index';
import { threadParentsSteps } from '@core/timeline/thread-parents';
import { buildTimelineRowsSteps, foldThreadsSteps, type ThreadFold, type TimelineRows } from './timeline-rows';
import { timed } from './perf';
import type { StageCache } from './stage-cache';

export interface TimelineView {
  /** Positions in the incident's events of those passing the filters and the search, ascending. */
  filtered: Int32Array;
  /** One real-world event from several sources: the others, by the id of the row showing them. */
  same: SameEventMatches;
  fold: ThreadFold;
  rows: TimelineRows;
  /** Ids of the events matching the search, in time order (empty without a query). */
  hits: string[];
}

export interface TimelineViewInputs {
  /** The incident's events in timeline order. */
  all: readonly TimelineEvent[];
  filter: TimelineFilter;
  /** The search index's answer to `filter.query` (undefined: no index yet, the query is matched by a scan). */
  queryHits: SearchHits | undefined;
  splits: ReadonlySet<string>;
  zone: string;
  expanded: ReadonlySet<string>;
}

/** Events between two points where a per-list pass may pause. */
const STEP = 4096;

/** 1 at the position of each event that could pair with another source's (see isSameEventCandidate). */
function* candidateMaskSteps(events: readonly TimelineEvent[]): Generator<void, Uint8Array, void> {
  const mask = new Uint8Array(events.length);
  for (let i = 0; i < events.length; i++) {
    if (isSameEventCandidate(events[i])) mask[i] = 1;
    if (i % STEP === STEP - 1) yield;
  }
  return mask;
}

/**
 * Per list, once: thread parents, same-event candidates and channels, by position. Per filter: positions →
 * same events → threads → day rows. Each stage is kept in `cache` and reused while its inputs
 * stay the same objects (typing a query does not regroup days; a filter change does not hash
 * every event's key again). Yields between stages and every few thousand events (see useStaged).
 */
export function* timelineViewSteps(cache: StageCache, { all, filter, queryHits, splits, zone, expanded }: TimelineViewInputs): Generator<void, TimelineView, void> {
  const query = filter.query.trim();
  const parents = yield* cache.stageSteps('parents', [all], () => threadParentsSteps(all));
  const candidates = yield* cache.stageSteps('candidates', [all], () => candidateMaskSteps(all));
  const times = cache.stage('times', [all], () => timesOf(all));
  const channelColumn = yield* cache.stageSteps('channels', [all], () => channelColumnSteps(all));
  const filtered = cache.stage('filter', [all, filter, queryHits], () =>
    timed(
      'timeline:filter',
      () => {
        if (queryHits === undefined) return filterPositions(all, filter, { channelColumn });
        const hits = hitPositions(all, times, queryHits);
        // A hit not found at its time (the index behind the list): look the ids up instead.
        return hits ? filterPositions(all, filter, { hitPositions: hits, channelColumn }) : filterPositions(all, filter, { queryHits: new Set(queryHits.ids), channelColumn });
      },
      (result) => ({ events: all.length, shown: result.length }),
    ),
  );
  yield;
  // The same event from two sources is one row; the other record shows inside it.
  const same = cache.stage('same', [filtered, candidates, splits], () => {
    const among: TimelineEvent[] = [];
    for (let i = 0; i < filtered.length; i++) if (candidates[filtered[i]] === 1) among.push(all[filtered[i]]);
    return matchSameEventCandidates(among, splits);
  });
  yield;
  // Only candidates can be shown inside another row.
  const shown = cache.stage('shown', [filtered, same], () => (same.shownIn.size === 0 ? filtered : filtered.filter((p) => candidates[p] !== 1 || !same.shownIn.has(all[p].id))));
  const fold = yield* cache.stageSteps('fold', [shown, parents], () => foldThreadsSteps(all, parents, shown));
  yield;
  const rows = yield* cache.stageSteps('rows', [fold, zone, expanded], () => buildTimelineRowsSteps(fold, zone, expanded));
  yield;
  // A hit in a merged record is a hit on the row that shows it.
  const hits = cache.stage('hits', [filtered, query, same], () => {
    if (query === '') return [];
    const ids = new Set<string>();
    for (let i = 0; i < filtered.length; i++) {
      const id = all[filtered[i]].id;
      ids.add(same.shownIn.get(id) ?? id);
    }
    return [...ids];
  });
  return { filtered, same, fold, rows, hits };
}
