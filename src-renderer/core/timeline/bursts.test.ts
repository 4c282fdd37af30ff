import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketByMinute, detectBursts, findKeyMoments, minuteZScores, MINUTE_MS, type MinuteBucket } from './bursts';
import { TimelineError } from './timeline-error';

const T0 = Date.UTC(2024, 5, 13, 6, 0);
const series = (counts: number[]): MinuteBucket[] => counts.map((count, i) => ({ start: T0 + i * MINUTE_MS, count }));

describe('bucketByMinute', () => {
  it('counts events per UTC minute, keeping empty minutes and dropping events outside the range', () => {
    const at = [T0 + 5_000, T0 + 59_999, T0 + 60_000, T0 + 3 * MINUTE_MS + 1, T0 - 1, T0 + 10 * MINUTE_MS];
    expect(bucketByMinute(at, { from: T0, to: T0 + 3 * MINUTE_MS + 30_000 })).toEqual([
      { start: T0, count: 2 },
      { start: T0 + MINUTE_MS, count: 1 },
      { start: T0 + 2 * MINUTE_MS, count: 0 },
      { start: T0 + 3 * MINUTE_MS, count: 1 },
    ]);
  });

  it('returns nothing for an empty or reversed range', () => {
    expect(bucketByMinute([T0], { from: T0 + 1, to: T0 })).toEqual([]);
  });

  it('never loses an event inside the range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120 * MINUTE_MS })), (offsets) => {
        const buckets = bucketByMinute(offsets.map((o) => T0 + o), { from: T0, to: T0 + 120 * MINUTE_MS });
        expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(offsets.length);
      }),
    );
  });
});

describe('detectBursts', () => {
  it('finds a spike over a noisy baseline and merges adjacent burst minutes into one key moment', () => {
    const counts: number[] = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 2 : 4)); // mean 3, sd 1
    counts.push(12, 15, 3, 3);
    const moments = detectBursts(series(counts));
    expect(moments).toHaveLength(1);
    const moment = moments[0];
    expect(moment.from).toBe(T0 + 40 * MINUTE_MS);
    expect(moment.to).toBe(T0 + 42 * MINUTE_MS);
    expect(moment.peak).toBe(T0 + 41 * MINUTE_MS);
    expect(moment.count).toBe(27);
    expect(moment.zScore).toBeCloseTo(9, 5); // (12 − 3) / 1 for the first minute
  });

  it('excludes the current minute from its own baseline', () => {
    const z = minuteZScores(series([...Array<number>(30).fill(1), 10]), { window: 30 });
    // Baseline of thirty 1s: mean 1, stddev 0 → floored to 1; z = (10 − 1) / 1.
    expect(z[30]).toBe(9);
  });

  it('floors a zero stddev at minStdDev so one message after silence is no burst, but a real flurry is', () => {
    expect(detectBursts(series([0, 0, 0, 0, 1, 0, 0, 2, 0]))).toEqual([]);
    const moments = detectBursts(series([0, 0, 0, 0, 0, 5]));
    expect(moments.map((m) => [m.from, m.count])).toEqual([[T0 + 5 * MINUTE_MS, 5]]);
  });

  it('never flags the first minute, which has no baseline to be judged against', () => {
    expect(detectBursts(series([9, 1, 1]))).toEqual([]);
  });

  it('keeps separate bursts separate and lets k be adjusted', () => {
    const counts = [...Array<number>(30).fill(1), 6, 1, 1, 1, 1, 1, 9, 1];
    expect(detectBursts(series(counts)).map((m) => m.from)).toEqual([T0 + 30 * MINUTE_MS, T0 + 36 * MINUTE_MS]);
    expect(detectBursts(series(counts), { k: 6 }).map((m) => m.from)).toEqual([T0 + 36 * MINUTE_MS]);
  });

  it('judges a sustained level against a baseline that catches up with it', () => {
    const counts = [...Array<number>(30).fill(2), ...Array<number>(60).fill(10)];
    const moments = detectBursts(series(counts));
    expect(moments).toHaveLength(1);
    expect(moments[0].from).toBe(T0 + 30 * MINUTE_MS);
    expect(moments[0].to).toBeLessThan(T0 + 90 * MINUTE_MS);
  });

  it('rejects nonsensical options with a typed error', () => {
    expect(() => detectBursts(series([1]), { window: 0 })).toThrow(TimelineError);
    expect(() => detectBursts(series([1]), { k: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_BURST_OPTIONS' }));
  });

  it('findKeyMoments buckets raw instants first', () => {
    const quiet = Array.from({ length: 30 }, (_, i) => T0 + i * MINUTE_MS + 1000);
    const flurry = Array.from({ length: 8 }, (_, i) => T0 + 30 * MINUTE_MS + i * 5000);
    const moments = findKeyMoments([...quiet, ...flurry], { from: T0, to: T0 + 35 * MINUTE_MS });
    expect(moments.map((m) => [m.from, m.count])).toEqual([[T0 + 30 * MINUTE_MS, 8]]);
  });
});
