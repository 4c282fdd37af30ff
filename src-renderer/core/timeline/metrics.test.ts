import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { computeMetrics, formatDuration, milestoneTimes, type MetricIncident, type MetricMilestone } from './metrics';

const LA = 'America/Los_Angeles';
const la = (y: number, mo: number, d: number, h: number, mi = 0) => new TZDate(y, mo - 1, d, h, mi, LA).getTime();
const MIN = 60_000;
const HOUR = 60 * MIN;

function incident(partial: Partial<MetricIncident>): MetricIncident {
  return { startedAt: null, detectedAt: null, resolvedAt: null, reviewAt: null, ...partial };
}

describe('computeMetrics', () => {
  it('measures every time-to-X from incident start and splits the three phases', () => {
    const start = Date.UTC(2024, 5, 12, 10, 0);
    const milestones: MetricMilestone[] = [
      { kind: 'Detect', at: start + 4 * MIN },
      { kind: 'Assemble', at: start + 10 * MIN },
      { kind: 'Mitigate', at: start + 45 * MIN },
      { kind: 'Under Control', at: start + 50 * MIN },
      { kind: 'All Clear', at: start + 2 * HOUR },
    ];
    const review = start + 3 * 24 * HOUR;
    const m = computeMetrics(incident({ startedAt: start, reviewAt: review }), milestones);
    expect(m.timeToDetect).toBe(4 * MIN);
    expect(m.timeToAssemble).toBe(10 * MIN);
    expect(m.detectToAssemble).toBe(6 * MIN);
    expect(m.timeToMitigate).toBe(45 * MIN);
    expect(m.timeToUnderControl).toBe(50 * MIN);
    expect(m.timeToAllClear).toBe(2 * HOUR);
    expect(m.customerImpact).toBe(45 * MIN);
    expect(m.phases).toEqual([
      { phase: 'Customer Impact', from: start, to: start + 45 * MIN, duration: 45 * MIN },
      { phase: 'Operations Impact', from: start + 45 * MIN, to: start + 2 * HOUR, duration: 75 * MIN },
      { phase: 'Learning & Prevention', from: start + 2 * HOUR, to: review, duration: review - start - 2 * HOUR },
    ]);
  });

  it('gives null, never NaN, for anything whose end points are missing', () => {
    const m = computeMetrics(incident({ startedAt: null }), [{ kind: 'Mitigate', at: 1000 }]);
    for (const value of [m.timeToDetect, m.timeToAssemble, m.detectToAssemble, m.timeToMitigate, m.timeToUnderControl, m.timeToAllClear, m.customerImpact]) {
      expect(value).toBeNull();
    }
    expect(m.phases.map((p) => p.duration)).toEqual([null, null, null]);
    const partial = computeMetrics(incident({ startedAt: 0 }), []);
    expect(partial.timeToMitigate).toBeNull();
    expect(partial.phases[0]).toEqual({ phase: 'Customer Impact', from: 0, to: null, duration: null });
  });

  it('falls back to the incident detectedAt/resolvedAt when Detect/All Clear milestones are absent', () => {
    const m = computeMetrics(incident({ startedAt: 0, detectedAt: 7 * MIN, resolvedAt: 3 * HOUR }), []);
    expect(m.timeToDetect).toBe(7 * MIN);
    expect(m.timeToAllClear).toBe(3 * HOUR);
  });

  it('ends Customer Impact at Under Control when it precedes Mitigate, and uses the earliest of repeated kinds', () => {
    const m = computeMetrics(incident({ startedAt: 0 }), [
      { kind: 'Mitigate', at: 40 * MIN },
      { kind: 'Under Control', at: 30 * MIN },
      { kind: 'Assemble', at: 20 * MIN },
      { kind: 'Assemble', at: 12 * MIN },
      { kind: 'Custom', at: 1 * MIN },
    ]);
    expect(m.customerImpact).toBe(30 * MIN);
    expect(m.timeToAssemble).toBe(12 * MIN);
  });

  it('counts real elapsed time across the spring-forward night (LA 2024-03-10 loses an hour)', () => {
    const start = la(2024, 3, 10, 1, 30); // 01:30 PST
    const allClear = la(2024, 3, 10, 3, 30); // 03:30 PDT: wall clock says 2 h, only 1 h elapsed
    const m = computeMetrics(incident({ startedAt: start }), [{ kind: 'All Clear', at: allClear }]);
    expect(m.timeToAllClear).toBe(HOUR);
    expect(formatDuration(m.timeToAllClear ?? NaN)).toBe('1 h');
  });

  it('counts real elapsed time across the fall-back night (LA 2024-11-03 repeats an hour)', () => {
    const start = la(2024, 11, 3, 0, 30); // 00:30 PDT
    const mitigate = la(2024, 11, 3, 2, 30); // 02:30 PST: wall clock says 2 h, 3 h elapsed
    const m = computeMetrics(incident({ startedAt: start }), [{ kind: 'Mitigate', at: mitigate }]);
    expect(m.timeToMitigate).toBe(3 * HOUR);
  });

  it('is not a day off when the incident crosses local midnight', () => {
    const start = la(2024, 6, 12, 23, 52);
    const detect = la(2024, 6, 13, 0, 3);
    const m = computeMetrics(incident({ startedAt: start }), [{ kind: 'Detect', at: detect }]);
    expect(m.timeToDetect).toBe(11 * MIN);
  });

  it('keeps a negative duration when a milestone predates the start, instead of hiding it', () => {
    const m = computeMetrics(incident({ startedAt: 10 * MIN }), [{ kind: 'Detect', at: 5 * MIN }]);
    expect(m.timeToDetect).toBe(-5 * MIN);
  });

  it('milestoneTimes ignores custom milestones and non-finite instants', () => {
    expect(milestoneTimes([{ kind: 'Custom', at: 1 }, { kind: 'Repair', at: Number.NaN }, { kind: 'Verify', at: 5 }])).toEqual({ Verify: 5 });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [90_000, '1 min 30 s'],
    [5 * MIN, '5 min'],
    [HOUR + 23 * MIN + 40_000, '1 h 23 min'],
    [2 * HOUR, '2 h'],
    [2 * 24 * HOUR + 3 * HOUR + 59 * MIN, '2 d 3 h'],
    [2 * 24 * HOUR + 5 * MIN, '2 d'],
    [-5 * MIN, '-5 min'],
    [499, '0 s'],
    [59_600, '1 min'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('renders a dash rather than "NaN" for a non-finite value', () => {
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
