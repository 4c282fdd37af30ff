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

export interface MarkerLabel<M> {
  milestone: M;
  /**
   * What is drawn after the ◆: the label, shortened with "…" when a later one is close; '' for the
   * ◆ alone; null when not even the ◆ fits (the marker line and its tooltip remain).
   */
  text: string | null;
  line: 0 | 1;
  anchorEnd: boolean;
  left: number;
  right: number;
}

const CHAR_WIDTH = 6.5;
/** The "◆ " before the text plus the 3 px offset from the marker line. */
const MARKER_WIDTH = 14;
const LABEL_GAP = 6;

const DIAMOND_WIDTH = MARKER_WIDTH - 4;

function labelWidth(text: string | null): number {
  if (text === null) return 0;
  return text ? MARKER_WIDTH + text.length * CHAR_WIDTH : DIAMOND_WIDTH;
}

/** The longest prefix of `label` (with "…") that fits in `room` px; '' for the ◆ alone; null for nothing. */
export function abbreviate(label: string, room: number): string | null {
  if (labelWidth(label) <= room) return label;
  const chars = Math.floor((room - MARKER_WIDTH) / CHAR_WIDTH) - 1;
  if (chars >= 1) return `${label.slice(0, chars).trimEnd()}…`;
  return room >= DIAMOND_WIDTH ? '' : null;
}

/**
 * Milestone labels on two stacked lines so close milestones don't overlap: a label takes the first
 * line it fits on; when both are taken, the earlier label on the line that frees up first is
 * shortened (then reduced to its ◆, or to just its line) to make room. The full name stays in the marker's tooltip.
 */
export function placeMarkerLabels<M extends Pick<Milestone, 'label' | 'at'>>(
  milestones: readonly M[],
  x: (at: number) => number,
  width: number,
): MarkerLabel<M>[] {
  const last: [MarkerLabel<M> | null, MarkerLabel<M> | null] = [null, null];
  const placed: MarkerLabel<M>[] = [];
  for (const milestone of [...milestones].sort((a, b) => a.at - b.at)) {
    const start = x(milestone.at);
    const full = labelWidth(milestone.label);
    const anchorEnd = start + full > width;
    const left = anchorEnd ? start - full : start;
    const fits = (line: 0 | 1) => (last[line]?.right ?? -Infinity) + LABEL_GAP <= left;
    let line: 0 | 1;
    if (fits(0)) line = 0;
    else if (fits(1)) line = 1;
    else {
      line = (last[0]?.right ?? 0) <= (last[1]?.right ?? 0) ? 0 : 1;
      const previous = last[line];
      if (previous) {
        previous.text = abbreviate(previous.milestone.label, left - LABEL_GAP - previous.left);
        previous.right = previous.left + labelWidth(previous.text);
      }
    }
    const label: MarkerLabel<M> = { milestone, text: milestone.label, line, anchorEnd, left, right: anchorEnd ? start : start + full };
    last[line] = label;
    placed.push(label);
  }
  return placed;
}
