import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { formatDuration } from './elapsed';
import { computeIncidentMetrics, metricSeconds, type MetricIncident, type MetricMilestone } from './incident-metrics';

const LA = 'America/Los_Angeles';
const la = (y: number, mo: number, d: number, h: number, mi = 0) => new TZDate(y, mo - 1, d, h, mi, LA).getTime();
const MIN = 60_000;
const HOUR = 60 * MIN;

function incident(partial: Partial<MetricIncident>): MetricIncident {
  return { startedAt: null, detectedAt: null, resolvedAt: null, reviewAt: null, ...partial };
}
const ms = (m: ReturnType<typeof computeIncidentMetrics>) => Object.fromEntries(Object.values(m.metrics).map((v) => [v.key, v.ms]));

describe('computeIncidentMetrics', () => {
  it('measures every metric between its two anchors and splits the three phases', () => {
    const start = Date.UTC(2024, 5, 12, 10, 0);
    const milestones: MetricMilestone[] = [
      { kind: 'Detect', at: start + 4 * MIN },
      { kind: 'Assemble', at: start + 10 * MIN },
      { kind: 'Mitigate', at: start + 45 * MIN },
      { kind: 'Under Control', at: start + 50 * MIN },
      { kind: 'All Clear', at: start + 2 * HOUR },
    ];
    const review = start + 3 * 24 * HOUR;
    const m = computeIncidentMetrics(incident({ startedAt: start, reviewAt: review }), milestones);
    expect(ms(m)).toEqual({
      timeToDetect: 4 * MIN,
      timeToAcknowledge: 6 * MIN,
      timeToMitigate: 45 * MIN,
      timeToUnderControl: 50 * MIN,
      timeToAllClear: 2 * HOUR,
      // Default impact end is Under Control.
      customerImpact: 50 * MIN,
    });
    expect(m.phases).toEqual([
      { phase: 'Customer Impact', from: start, to: start + 50 * MIN, duration: 50 * MIN },
      { phase: 'Operations Impact', from: start + 50 * MIN, to: start + 2 * HOUR, duration: 70 * MIN },
      { phase: 'Learning & Prevention', from: start + 2 * HOUR, to: review, duration: review - start - 2 * HOUR },
    ]);
    expect(m.metrics.customerImpact.explanation).toBe('the incident’s Started time (no Impact start milestone) → Under Control milestone (no Impact end milestone)');
    expect(metricSeconds(m).timeToAcknowledge).toBe(360);
  });

  it('lets an outage begin 20 minutes into the incident and end at its own Impact end', () => {
    const m = computeIncidentMetrics(incident({ startedAt: 0 }), [
      { kind: 'Impact start', at: 20 * MIN },
      { kind: 'Under Control', at: 50 * MIN },
      { kind: 'Impact end', at: 42 * MIN },
    ]);
    expect(m.metrics.customerImpact.ms).toBe(22 * MIN);
    expect(m.metrics.customerImpact.explanation).toBe('Impact start milestone → Impact end milestone');
    expect(m.phases[0]).toEqual({ phase: 'Customer Impact', from: 20 * MIN, to: 42 * MIN, duration: 22 * MIN });
  });

  it('takes a custom milestone marked as impact start or end', () => {
    const m = computeIncidentMetrics(incident({ startedAt: 0 }), [
      { kind: 'Custom', label: 'Payments failing', impact: 'start', at: 5 * MIN },
      { kind: 'Custom', label: 'Payments back', impact: 'end', at: 35 * MIN },
      { kind: 'Custom', label: 'Unrelated', impact: null, at: 1 * MIN },
    ]);
    expect(m.metrics.customerImpact.ms).toBe(30 * MIN);
    expect(m.anchors.impactStart.source).toBe('“Payments failing” (marked as impact start)');
  });

  it('ends impact at Mitigate when the team chose that in the settings', () => {
    const milestones: MetricMilestone[] = [
      { kind: 'Mitigate', at: 30 * MIN },
      { kind: 'Under Control', at: 45 * MIN },
    ];
    expect(computeIncidentMetrics(incident({ startedAt: 0 }), milestones, { impactEndDefault: 'Mitigate' }).metrics.customerImpact.ms).toBe(30 * MIN);
    expect(computeIncidentMetrics(incident({ startedAt: 0 }), milestones).metrics.customerImpact.ms).toBe(45 * MIN);
  });

  it('gives null, never NaN, and says what is needed when an end is missing', () => {
    const m = computeIncidentMetrics(incident({ startedAt: null }), [{ kind: 'Mitigate', at: 1000 }]);
    for (const value of Object.values(ms(m))) expect(value).toBeNull();
    expect(m.phases.map((p) => p.duration)).toEqual([null, null, null]);
    expect(m.metrics.timeToAcknowledge.needs).toEqual(['a Detect milestone', 'an Assemble milestone']);
    expect(m.metrics.timeToMitigate.needs).toEqual(['the incident’s Started time']);
    expect(m.metrics.customerImpact.needs).toEqual(['an Impact start milestone or the incident’s Started time', 'an Impact end or Under Control milestone']);
  });

  it('falls back to the incident Detected/Resolved times when Detect/All Clear milestones are absent', () => {
    const m = computeIncidentMetrics(incident({ startedAt: 0, detectedAt: 7 * MIN, resolvedAt: 3 * HOUR }), []);
    expect(m.metrics.timeToDetect.ms).toBe(7 * MIN);
    expect(m.metrics.timeToAllClear.ms).toBe(3 * HOUR);
    expect(m.anchors.detect.source).toBe('the incident’s Detected time');
  });

  it('uses the earliest of repeated kinds and ignores non-finite instants', () => {
    const m = computeIncidentMetrics(incident({ startedAt: 0 }), [
      { kind: 'Detect', at: 2 * MIN },
      { kind: 'Assemble', at: 20 * MIN },
      { kind: 'Assemble', at: 12 * MIN },
      { kind: 'Assemble', at: Number.NaN },
    ]);
    expect(m.metrics.timeToAcknowledge.ms).toBe(10 * MIN);
  });

  it('counts real elapsed time across the spring-forward night (LA 2024-03-10 loses an hour)', () => {
    const start = la(2024, 3, 10, 1, 30); // 01:30 PST
    const allClear = la(2024, 3, 10, 3, 30); // 03:30 PDT: wall clock says 2 h, only 1 h elapsed
    const m = computeIncidentMetrics(incident({ startedAt: start }), [{ kind: 'All Clear', at: allClear }]);
    expect(m.metrics.timeToAllClear.ms).toBe(HOUR);
    expect(formatDuration(m.metrics.timeToAllClear.ms ?? NaN)).toBe('1 h');
  });

  it('counts real elapsed time across the fall-back night (LA 2024-11-03 repeats an hour)', () => {
    const start = la(2024, 11, 3, 0, 30); // 00:30 PDT
    const mitigate = la(2024, 11, 3, 2, 30); // 02:30 PST: wall clock says 2 h, 3 h elapsed
    const m = computeIncidentMetrics(incident({ startedAt: start }), [{ kind: 'Mitigate', at: mitigate }]);
    expect(m.metrics.timeToMitigate.ms).toBe(3 * HOUR);
  });

  it('is not a day off when the incident crosses local midnight', () => {
    const m = computeIncidentMetrics(incident({ startedAt: la(2024, 6, 12, 23, 52) }), [{ kind: 'Detect', at: la(2024, 6, 13, 0, 3) }]);
    expect(m.metrics.timeToDetect.ms).toBe(11 * MIN);
  });

  it('keeps a negative duration when a milestone predates the start, instead of hiding it', () => {
    const m = computeIncidentMetrics(incident({ startedAt: 10 * MIN }), [{ kind: 'Detect', at: 5 * MIN }]);
    expect(m.metrics.timeToDetect.ms).toBe(-5 * MIN);
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
  ])('%d ms reads "%s"', (value, text) => {
    expect(formatDuration(value)).toBe(text);
  });

  it('renders a dash rather than "NaN" for a non-finite value', () => {
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
