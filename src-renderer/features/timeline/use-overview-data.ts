import { useState } from 'react';
import type { TimelineEvent } from '@core/model/event';
import type { Milestone } from '@core/model/milestone';
import { detectBursts, type KeyMoment, type MinuteBucket } from '@core/timeline/bursts';
import { minuteBuckets, overviewRange, type TimeRange } from './overview-geometry';
import { StageCache } from './stage-cache';
import { BACKGROUND_EVENTS, useStaged } from './use-staged';

export interface OverviewData {
  range: TimeRange | null;
  buckets: MinuteBucket[];
  bursts: KeyMoment[];
}

const NONE: OverviewData = { range: null, buckets: [], bursts: [] };
const NO_EVENTS: readonly TimelineEvent[] = [];

/**
 * Per-minute activity over the whole incident (not the filtered view) and its bursts; on a
 * large incident computed after the render, in slices (see useStaged).
 */
export function useOverviewData(events: readonly TimelineEvent[] | undefined, milestones: readonly Milestone[], burstK: number): OverviewData {
  const [cache] = useState(() => new StageCache());
  const list = events ?? NO_EVENTS;
  return (
    useStaged(
      function* () {
        const range = cache.stage('range', [list, milestones], () => overviewRange(list, milestones));
        yield;
        const buckets = cache.stage('buckets', [list, range], () => (range ? minuteBuckets(list, range) : []));
        yield;
        const bursts = cache.stage('bursts', [buckets, burstK], () => detectBursts(buckets, { k: burstK }));
        return { range, buckets, bursts };
      },
      [list, milestones, burstK],
      list.length > BACKGROUND_EVENTS,
    ) ?? NONE
  );
}
