import { TimelineError } from './timeline-error';

/**
 * Activity bursts: minutes with far more events than the recent past, offered as candidate
 * key moments. The rule is the z-score test release engineers use on error rates: a minute is
 * a burst when (count − mean) / stddev ≥ k, with mean and (population) stddev taken over the
 * previous `window` minutes, not including the minute itself so a spike cannot hide itself.
 *
 * - Near the start of the range the baseline is the history there is (fewer than `window`
 *   minutes). The first minute has no baseline and is never a burst: padding with silence
 *   instead would flag every minute of a range that opens mid-conversation. Callers wanting
 *   the opening flurry judged should start the range a few minutes before it.
 * - A quiet channel has stddev 0, which would make any single message infinitely unusual;
 *   stddev is floored at `minStdDev` (default 1 event/minute) and a burst also needs at least
 *   `minCount` events (default 3), so a lone message after silence is not a key moment.
 * - Minutes are UTC-aligned (epoch ms / 60 000); every zone in use today has a whole-minute
 *   offset, so they are whole local minutes too.
 */

export const MINUTE_MS = 60_000;

export interface MinuteBucket {
  /** Start of the minute, UTC epoch ms. */
  start: number;
  count: number;
}

export interface BurstOptions {
  /** Standard deviations above the baseline; default 3. */
  k?: number;
  /** Minutes of history forming the baseline; default 30. */
  window?: number;
  /** Floor for the baseline stddev; default 1. */
  minStdDev?: number;
  /** Fewest events a burst minute must hold; default 3. */
  minCount?: number;
}

export interface KeyMoment {
  /** Start of the first burst minute. */
  from: number;
  /** End (exclusive) of the last burst minute. */
  to: number;
  /** Start of the busiest minute. */
  peak: number;
  /** Events in all merged minutes. */
  count: number;
  /** Highest z-score among the merged minutes. */
  zScore: number;
}

export function minuteStart(at: number): number {
  return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

/**
 * Events per minute for every minute touching [from, to] (inclusive), empty minutes included.
 * Events outside the range are ignored.
 */
export function bucketByMinute(instants: Iterable<number>, range: { from: number; to: number }): MinuteBucket[] {
  if (!Number.isFinite(range.from) || !Number.isFinite(range.to) || range.to < range.from) return [];
  const first = minuteStart(range.from);
  const size = (minuteStart(range.to) - first) / MINUTE_MS + 1;
  const counts = new Uint32Array(size);
  for (const at of instants) {
    if (!(at >= range.from && at <= range.to)) continue;
    const index = (minuteStart(at) - first) / MINUTE_MS;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return Array.from(counts, (count, index) => ({ start: first + index * MINUTE_MS, count }));
}

function resolveOptions(options: BurstOptions): Required<BurstOptions> {
  const resolved = { k: 3, window: 30, minStdDev: 1, minCount: 3, ...options };
  if (!(resolved.k > 0) || !Number.isInteger(resolved.window) || resolved.window < 1 || !(resolved.minStdDev > 0) || !(resolved.minCount >= 1)) {
    throw new TimelineError('INVALID_BURST_OPTIONS', 'Burst detection needs k > 0, a whole window ≥ 1 minute, minStdDev > 0 and minCount ≥ 1.');
  }
  return resolved;
}

/** z-score of each bucket against the previous `window` buckets (rolling sums: O(n)). */
export function minuteZScores(buckets: readonly MinuteBucket[], options: BurstOptions = {}): number[] {
  const { window, minStdDev } = resolveOptions(options);
  const scores: number[] = [];
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < buckets.length; i++) {
    const count = buckets[i].count;
    const history = Math.min(i, window);
    if (history === 0) {
      scores.push(0);
    } else {
      const mean = sum / history;
      const variance = Math.max(0, sumSquares / history - mean * mean);
      scores.push((count - mean) / Math.max(Math.sqrt(variance), minStdDev));
    }
    sum += count;
    sumSquares += count * count;
    // After minute i joins, the next minute's baseline is minutes i − window + 1 … i.
    const leaving = i - window >= 0 ? buckets[i - window]?.count : undefined;
    if (leaving !== undefined) {
      sum -= leaving;
      sumSquares -= leaving * leaving;
    }
  }
  return scores;
}

/** Burst minutes merged into key moments; adjacent burst minutes form one moment. */
export function detectBursts(buckets: readonly MinuteBucket[], options: BurstOptions = {}): KeyMoment[] {
  const { k, minCount } = resolveOptions(options);
  const scores = minuteZScores(buckets, options);
  const moments: KeyMoment[] = [];
  let current: (KeyMoment & { peakCount: number }) | null = null;
  for (let i = 0; i < buckets.length; i++) {
    const bucket = buckets[i];
    const z = scores[i];
    const isBurst = z >= k && bucket.count >= minCount;
    const adjacent = current !== null && current.to === bucket.start;
    if (isBurst && current !== null && adjacent) {
      current.to = bucket.start + MINUTE_MS;
      current.count += bucket.count;
      current.zScore = Math.max(current.zScore, z);
      if (bucket.count > current.peakCount) {
        current.peak = bucket.start;
        current.peakCount = bucket.count;
      }
      continue;
    }
    if (current !== null) {
      moments.push(withoutPeakCount(current));
      current = null;
    }
    if (isBurst) {
      current = { from: bucket.start, to: bucket.start + MINUTE_MS, peak: bucket.start, count: bucket.count, zScore: z, peakCount: bucket.count };
    }
  }
  if (current !== null) moments.push(withoutPeakCount(current));
  return moments;
}

function withoutPeakCount(moment: KeyMoment & { peakCount: number }): KeyMoment {
  return { from: moment.from, to: moment.to, peak: moment.peak, count: moment.count, zScore: moment.zScore };
}

/** Convenience: bucket the instants over the range and detect bursts in one call. */
export function findKeyMoments(instants: Iterable<number>, range: { from: number; to: number }, options: BurstOptions = {}): KeyMoment[] {
  return detectBursts(bucketByMinute(instants, range), options);
}
