import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { isValidTimeZone } from '../time/zones';
import { dayKeyInZone, formatInZone, startOfDayInZone } from '../time/format-in-zone';
import { formatDayLabel, formatEventTime, groupByDay, resolveZone } from './day-groups';
import { TimelineError } from './timeline-error';

const LA = 'America/Los_Angeles';
const la = (y: number, mo: number, d: number, h: number, mi = 0) => new TZDate(y, mo - 1, d, h, mi, LA).getTime();
const HOUR = 3_600_000;

describe('groupByDay', () => {
  it('splits an incident crossing Pacific midnight into two local days while UTC sees one', () => {
    const events = [la(2024, 6, 12, 23, 52), la(2024, 6, 12, 23, 58), la(2024, 6, 13, 0, 3), la(2024, 6, 13, 0, 10)].map((at) => ({ at }));
    const pacific = groupByDay(events, LA);
    expect(pacific.map((g) => [g.dayKey, g.events.length])).toEqual([
      ['2024-06-12', 2],
      ['2024-06-13', 2],
    ]);
    expect(pacific[0].label).toBe('Wednesday, 12 June 2024');
    expect(pacific[1].dayStart).toBe(la(2024, 6, 13, 0));
    expect(groupByDay(events, 'UTC').map((g) => [g.dayKey, g.events.length])).toEqual([['2024-06-13', 4]]);
  });

  it('keeps a 23-hour spring-forward day and a 25-hour fall-back day whole', () => {
    const spring = [la(2024, 3, 10, 0, 5), la(2024, 3, 10, 1, 59), la(2024, 3, 10, 3, 0), la(2024, 3, 10, 23, 59), la(2024, 3, 11, 0, 0)];
    expect(groupByDay(spring.map((at) => ({ at })), LA).map((g) => [g.dayKey, g.events.length])).toEqual([
      ['2024-03-10', 4],
      ['2024-03-11', 1],
    ]);
    const fallStart = la(2024, 11, 3, 0, 0);
    const fall = [fallStart, fallStart + 24 * HOUR, fallStart + 25 * HOUR - 1, fallStart + 25 * HOUR];
    const groups = groupByDay(fall.map((at) => ({ at })), LA);
    expect(groups.map((g) => [g.dayKey, g.events.length])).toEqual([
      ['2024-11-03', 3],
      ['2024-11-04', 1],
    ]);
    expect(groups[1].dayStart - groups[0].dayStart).toBe(25 * HOUR);
  });

  it('puts an empty timeline in no group and rejects an unknown zone with a typed error', () => {
    expect(groupByDay([], 'UTC')).toEqual([]);
    expect(() => groupByDay([{ at: 0 }], 'Mars/Olympus_Mons')).toThrow(TimelineError);
  });
});

describe('zone formatting', () => {
  it('formats event times exactly as the zone conversion does, across DST changes and odd offsets', () => {
    const zones = ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/Amsterdam', 'America/St_Johns'];
    // From 1900 (Amsterdam then kept local mean time, +00:19:32) to 2100; seconds and milliseconds vary.
    const instant = fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 });
    // Around a spring-forward and a fall-back in Los Angeles and Berlin, minute by minute.
    const nearChange = fc.constantFrom(Date.UTC(2024, 2, 10, 10), Date.UTC(2024, 10, 3, 9), Date.UTC(2024, 2, 31, 1), Date.UTC(2024, 9, 27, 1)).chain((at) => fc.integer({ min: -7_200_000, max: 7_200_000 }).map((d) => at + d));
    fc.assert(
      fc.property(fc.oneof(instant, nearChange), fc.constantFrom(...zones), (ms, zone) => {
        expect(formatEventTime(ms, zone)).toBe(formatInZone(ms, zone, 'HH:mm:ss'));
        expect(formatEventTime(ms + 59_999, zone)).toBe(formatInZone(ms + 59_999, zone, 'HH:mm:ss'));
      }),
      { numRuns: 2000 },
    );
  });

  it('formats wall-clock time in the zone, with the offset that applies on that date', () => {
    expect(formatInZone(la(2024, 3, 10, 1, 59), LA, 'HH:mm xxx')).toBe('01:59 -08:00');
    expect(formatInZone(la(2024, 3, 10, 3, 0), LA, 'HH:mm xxx')).toBe('03:00 -07:00');
    expect(formatInZone(Date.UTC(2024, 5, 13, 6, 52), 'UTC', 'yyyy-MM-dd HH:mm')).toBe('2024-06-13 06:52');
    expect(formatInZone(Date.UTC(2024, 5, 13, 6, 52), 'Asia/Kolkata', 'HH:mm')).toBe('12:22');
  });

  it('computes day keys, day starts and labels in the zone', () => {
    const at = Date.UTC(2024, 5, 13, 6, 52);
    expect(dayKeyInZone(at, LA)).toBe('2024-06-12');
    expect(dayKeyInZone(at, 'UTC')).toBe('2024-06-13');
    expect(startOfDayInZone(at, LA)).toBe(la(2024, 6, 12, 0));
    expect(formatDayLabel(startOfDayInZone(at, 'UTC'), 'UTC')).toBe('Thursday, 13 June 2024');
  });

  it('resolves the zone choice, falling back to UTC for a broken incident zone', () => {
    expect(resolveZone('incident', LA, 'Europe/Paris')).toBe(LA);
    expect(resolveZone('utc', LA, 'Europe/Paris')).toBe('UTC');
    expect(resolveZone('viewer', LA, 'Europe/Paris')).toBe('Europe/Paris');
    expect(resolveZone('incident', 'not a zone', 'Europe/Paris')).toBe('UTC');
    expect(isValidTimeZone('')).toBe(false);
  });
});
