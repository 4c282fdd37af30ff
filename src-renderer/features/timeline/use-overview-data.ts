import { useMemo } from 'react';
import type { TimelineEvent } from '@core/model/event';
import type { Milestone } from '@core/model/milestone';
import { detectBursts, type KeyMoment, type MinuteBucket } from '@core/timeline/bursts';
import { minuteBuckets, overviewRange, type TimeRange } from './overview-geometry';

export interface OverviewData {
  range: TimeRange | null;
  buckets: MinuteBucket[];
  bursts: KeyMoment[];
}

/** Per-minute activity over the whole incident (not the filtered view) and its bursts. */
export function useOverviewData(events: readonly TimelineEvent[] | undefined, milestones: readonly Milestone[], burstK: number): OverviewData {
  const range = useMemo(() => overviewRange(events ?? [], milestones), [events, milestones]);
  const buckets = useMemo(() => (range ? minuteBuckets(events ?? [], range) : []), [events, range]);
  const bursts = useMemo(() => detectBursts(buckets, { k: burstK }), [buckets, burstK]);
  return { range, buckets, bursts };
}
