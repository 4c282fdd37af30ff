import { describe, expect, it } from 'vitest';
import { overviewColumns, overviewRange, stageBands, timeAtX, xOfTime } from './overview-geometry';

const MIN = 60_000;

describe('overview geometry', () => {
  it('spans events and milestones', () => {
    expect(overviewRange([{ at: 5 * MIN }, { at: 9 * MIN }], [{ at: 2 * MIN }])).toEqual({ from: 2 * MIN, to: 9 * MIN });
    expect(overviewRange([], [])).toBeNull();
  });

  it('folds minutes into columns that keep the busiest minute', () => {
    const buckets = [3, 0, 9, 1, 2].map((count, i) => ({ start: i * MIN, count }));
    expect(overviewColumns(buckets, 2)).toEqual([
      { from: 0, to: 3 * MIN, peak: 9 },
      { from: 3 * MIN, to: 5 * MIN, peak: 2 },
    ]);
  });

  it('runs each stage from its milestone to the next', () => {
    expect(stageBands([{ label: 'Mitigate', at: 30 }, { label: 'Detect', at: 10 }], 100)).toEqual([
      { label: 'Detect', from: 10, to: 30 },
      { label: 'Mitigate', from: 30, to: 100 },
    ]);
  });

  it('maps a drag back to time, clamped to the range', () => {
    const range = { from: 1000, to: 2000 };
    expect(timeAtX(250, 1000, range)).toBe(1250);
    expect(timeAtX(-20, 1000, range)).toBe(1000);
    expect(timeAtX(5000, 1000, range)).toBe(2000);
    expect(xOfTime(1500, 800, range)).toBe(400);
  });
});
