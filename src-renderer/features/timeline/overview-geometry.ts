import type { Milestone } from '@core/model/milestone';
import { bucketByMinute, type MinuteBucket } from '@core/timeline/bursts';

/**
 * Geometry of the activity overview: events per minute drawn as columns, stage bands between
 * milestones, and the inverse mapping from a pointer position back to time for the brush.
 */
export interface OverviewColumn {
  from: number;
  to: number;
  /** Highest per-minute count among the minutes the column covers. */
  peak: number;
}

export interface StageBand {
  label: string;
  from: number;
  to: number;
}

export interface TimeRange {
  from: number;
  to: number;
}

/** Range covering the events, widened to the milestones so every marker is on the chart. */
export function overviewRange(events: readonly { at: number }[], milestones: readonly Pick<Milestone, 'at'>[]): TimeRange | null {
  const instants = milestones.map((m) => m.at).filter(Number.isFinite);
  if (events.length > 0) instants.push(events[0].at, events[events.length - 1].at);
  if (instants.length === 0) return null;
  const from = Math.min(...instants);
  const to = Math.max(...instants);
  return { from, to: Math.max(to, from + 60_000) };
}

/** Minutes folded into at most `maxColumns` columns, each showing its busiest minute. */
export function overviewColumns(buckets: readonly MinuteBucket[], maxColumns: number): OverviewColumn[] {
  if (buckets.length === 0) return [];
  const per = Math.max(1, Math.ceil(buckets.length / Math.max(1, maxColumns)));
  const columns: OverviewColumn[] = [];
  for (let i = 0; i < buckets.length; i += per) {
    let peak = 0;
    const end = Math.min(buckets.length, i + per);
    for (let j = i; j < end; j++) peak = Math.max(peak, buckets[j].count);
    columns.push({ from: buckets[i].start, to: buckets[end - 1].start + 60_000, peak });
  }
  return columns;
}

export function minuteBuckets(events: readonly { at: number }[], range: TimeRange): MinuteBucket[] {
  return bucketByMinute(
    events.map((e) => e.at),
    range,
  );
}

/** Each stage runs from its milestone to the next one; the last ends at the range's end. */
export function stageBands(milestones: readonly Pick<Milestone, 'label' | 'at'>[], rangeEnd: number): StageBand[] {
  const sorted = [...milestones].sort((a, b) => a.at - b.at);
  return sorted.map((m, i) => ({ label: m.label, from: m.at, to: Math.max(m.at, sorted[i + 1]?.at ?? rangeEnd) }));
}

/** Pointer x (0…width) to time, clamped to the range. */
export function timeAtX(x: number, width: number, range: TimeRange): number {
  const fraction = Math.min(1, Math.max(0, width > 0 ? x / width : 0));
  return Math.round(range.from + fraction * (range.to - range.from));
}

export function xOfTime(at: number, width: number, range: TimeRange): number {
  const span = range.to - range.from;
  return span <= 0 ? 0 : ((at - range.from) / span) * width;
}
