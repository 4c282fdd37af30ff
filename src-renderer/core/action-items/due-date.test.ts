import { TZDate } from '@date-fns/tz';
import { differenceInBusinessDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  businessDaysBetween,
  computeDueAt,
  endOfLocalDate,
  localDateKey,
  localNoon,
  policyDueAt,
  slaStart,
} from './due-date';
import { SlaError } from './sla-error';
import { slaPreset, type SlaPolicy, type SlaUnit } from './sla-policy';

const DST_ZONES = [
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'UTC',
] as const;

function policyWith(amount: number, unit: SlaUnit, holidays: string[] = []): SlaPolicy {
  const policy = slaPreset('custom');
  policy.durations.P1 = { amount, unit };
  policy.holidays = holidays;
  return policy;
}

function iso(at: number): string {
  return new Date(at).toISOString();
}

/** Calendar arithmetic on a YYYY-MM-DD key, independent of the code under test. */
function addToKey(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekdayOfKey(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

describe('computeDueAt, calendar days', () => {
  it('ends at 23:59:59.999 local on the last day', () => {
    const start = Date.parse('2024-06-13T06:52:00Z'); // 2024-06-12 23:52 in Los Angeles
    expect(iso(computeDueAt(start, 'P1', policyWith(7, 'calendar-days'), 'America/Los_Angeles'))).toBe('2024-06-20T06:59:59.999Z');
    expect(iso(computeDueAt(start, 'P1', policyWith(7, 'calendar-days'), 'UTC'))).toBe('2024-06-20T23:59:59.999Z');
  });

  it('rolls Jan 31 + 30 days into March, respecting leap years', () => {
    const policy = policyWith(30, 'calendar-days');
    expect(localDateKey(computeDueAt(Date.parse('2024-01-31T15:00:00Z'), 'P1', policy, 'America/New_York'), 'America/New_York')).toBe(
      '2024-03-01',
    );
    expect(localDateKey(computeDueAt(Date.parse('2023-01-31T15:00:00Z'), 'P1', policy, 'America/New_York'), 'America/New_York')).toBe(
      '2023-03-02',
    );
  });

  it('counts from and across a leap day', () => {
    const leapDay = Date.parse('2024-02-29T12:00:00Z');
    expect(localDateKey(computeDueAt(leapDay, 'P1', policyWith(7, 'calendar-days'), 'Europe/London'), 'Europe/London')).toBe('2024-03-07');
    expect(localDateKey(computeDueAt(leapDay, 'P1', policyWith(365, 'calendar-days'), 'Europe/London'), 'Europe/London')).toBe(
      '2025-02-28',
    );
    expect(localDateKey(computeDueAt(Date.parse('2024-02-22T12:00:00Z'), 'P1', policyWith(7, 'calendar-days'), 'UTC'), 'UTC')).toBe(
      '2024-02-29',
    );
  });

  it('uses the offset in force on the due day across DST changes', () => {
    // Los Angeles springs forward on 2024-03-10: due day is in PDT (UTC-7).
    expect(iso(computeDueAt(Date.parse('2024-03-05T17:00:00Z'), 'P1', policyWith(7, 'calendar-days'), 'America/Los_Angeles'))).toBe(
      '2024-03-13T06:59:59.999Z',
    );
    // London falls back on 2024-10-27: due day is in GMT.
    expect(iso(computeDueAt(Date.parse('2024-10-25T09:00:00Z'), 'P1', policyWith(7, 'calendar-days'), 'Europe/London'))).toBe(
      '2024-11-01T23:59:59.999Z',
    );
    // Lord Howe moves by half an hour on 2024-04-07: +11:00 becomes +10:30.
    expect(iso(computeDueAt(Date.parse('2024-04-01T01:00:00Z'), 'P1', policyWith(7, 'calendar-days'), 'Australia/Lord_Howe'))).toBe(
      '2024-04-08T13:29:59.999Z',
    );
  });

  it('lands on the DST-change day itself', () => {
    // 2024-03-10 is 23 hours long in Los Angeles; its last ms is 06:59:59.999Z on the 11th.
    expect(iso(computeDueAt(Date.parse('2024-03-03T20:00:00Z'), 'P1', policyWith(7, 'calendar-days'), 'America/Los_Angeles'))).toBe(
      '2024-03-11T06:59:59.999Z',
    );
  });

  it('uses each priority of the preset', () => {
    const start = Date.parse('2024-06-01T12:00:00Z');
    const policy = slaPreset('debrief');
    const days = (['P1', 'P2', 'P3', 'P4'] as const).map((p) => localDateKey(computeDueAt(start, p, policy, 'UTC'), 'UTC'));
    expect(days).toEqual(['2024-06-08', '2024-07-01', '2024-08-30', '2024-11-28']);
  });
});

describe('computeDueAt, business days', () => {
  const friday = Date.parse('2024-06-14T15:00:00Z');

  it('skips the weekend', () => {
    expect(localDateKey(computeDueAt(friday, 'P1', policyWith(1, 'business-days'), 'UTC'), 'UTC')).toBe('2024-06-17');
  });

  it('counts from the next business day when the start is on a weekend', () => {
    const saturday = Date.parse('2024-06-15T10:00:00Z');
    expect(localDateKey(computeDueAt(saturday, 'P1', policyWith(1, 'business-days'), 'UTC'), 'UTC')).toBe('2024-06-17');
  });

  it('skips holidays', () => {
    expect(localDateKey(computeDueAt(friday, 'P1', policyWith(1, 'business-days', ['2024-06-17']), 'UTC'), 'UTC')).toBe('2024-06-18');
    const wednesday = Date.parse('2024-12-18T10:00:00Z');
    const policy = policyWith(5, 'business-days', ['2024-12-25', '2024-12-26']);
    expect(localDateKey(computeDueAt(wednesday, 'P1', policy, 'Europe/London'), 'Europe/London')).toBe('2024-12-27');
  });

  it('decides weekends by the local day, not the UTC one', () => {
    // Friday 23:00 in Los Angeles is already Saturday in UTC.
    const fridayNight = Date.parse('2024-06-15T06:00:00Z');
    expect(localDateKey(computeDueAt(fridayNight, 'P1', policyWith(1, 'business-days'), 'America/Los_Angeles'), 'America/Los_Angeles')).toBe(
      '2024-06-17',
    );
  });
});

describe('computeDueAt input checks', () => {
  it('rejects an unknown zone and an invalid start with typed errors', () => {
    const policy = policyWith(7, 'calendar-days');
    expect(() => computeDueAt(0, 'P1', policy, 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'BAD_TIME_ZONE' }));
    expect(() => computeDueAt(Number.NaN, 'P1', policy, 'UTC')).toThrow(SlaError);
  });

  it('endOfLocalDate rejects dates that do not exist', () => {
    expect(() => endOfLocalDate('2023-02-29', 'UTC')).toThrow(expect.objectContaining({ code: 'BAD_DATE' }));
    expect(iso(endOfLocalDate('2024-02-29', 'Asia/Kolkata'))).toBe('2024-02-29T18:29:59.999Z');
  });
});

const zone = fc.constantFrom(...DST_ZONES);
const start = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

// Property runs walk hundreds of local days each; the shared CI machine needs the headroom.
describe('computeDueAt properties', { timeout: 30_000 }, () => {
  it('calendar days: due is after the start and its local date is start + N', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 400 }), zone, (at, amount, tz) => {
        const due = computeDueAt(at, 'P1', policyWith(amount, 'calendar-days'), tz);
        expect(due).toBeGreaterThan(at);
        expect(localDateKey(due, tz)).toBe(addToKey(localDateKey(at, tz), amount));
        // The last millisecond of that day: one ms later is the next local day.
        expect(localDateKey(due + 1, tz)).toBe(addToKey(localDateKey(at, tz), amount + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('business days: never before the start, never on a weekend or holiday, and exactly N business days later', () => {
    const holidays = fc.uniqueArray(
      fc.integer({ min: 0, max: 600 }).map((d) => addToKey('2024-01-01', d)),
      { maxLength: 40 },
    );
    const near = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 0, 1) });
    fc.assert(
      fc.property(near, fc.integer({ min: 1, max: 120 }), zone, holidays, (at, amount, tz, days) => {
        const due = computeDueAt(at, 'P1', policyWith(amount, 'business-days', days), tz);
        const key = localDateKey(due, tz);
        expect(due).toBeGreaterThan(at);
        expect([0, 6]).not.toContain(weekdayOfKey(key));
        expect(days).not.toContain(key);
        expect(businessDaysBetween(at, due, tz, days)).toBe(amount);
        expect(localDateKey(due + 1, tz)).toBe(addToKey(key, 1));
      }),
      { numRuns: 80 },
    );
  });

  it('business days without holidays agree with date-fns differenceInBusinessDays', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 200 }), zone, (at, amount, tz) => {
        fc.pre(![0, 6].includes(weekdayOfKey(localDateKey(at, tz))));
        const due = computeDueAt(at, 'P1', policyWith(amount, 'business-days'), tz);
        expect(differenceInBusinessDays(localNoon(due, tz), localNoon(at, tz))).toBe(amount);
      }),
      { numRuns: 80 },
    );
  });
});

describe('slaStart', () => {
  const item = { createdAt: 100 };
  const review = { countFrom: 'review' as const };
  const resolution = { countFrom: 'resolution' as const };

  it('counts from the chosen date when set', () => {
    expect(slaStart({ reviewAt: 300, resolvedAt: 200 }, review, item)).toEqual({ at: 300, basis: 'review' });
    expect(slaStart({ reviewAt: 300, resolvedAt: 200 }, resolution, item)).toEqual({ at: 200, basis: 'resolution' });
  });

  it('falls back to the other incident date, then to the item creation', () => {
    expect(slaStart({ reviewAt: null, resolvedAt: 200 }, review, item)).toEqual({ at: 200, basis: 'resolution' });
    expect(slaStart({ reviewAt: 300, resolvedAt: null }, resolution, item)).toEqual({ at: 300, basis: 'review' });
    expect(slaStart({ reviewAt: null, resolvedAt: null }, review, item)).toEqual({ at: 100, basis: 'item-created' });
  });

  it('policyDueAt combines the start and the priority', () => {
    const incident = { reviewAt: Date.parse('2024-06-20T16:00:00Z'), resolvedAt: Date.parse('2024-06-13T07:30:00Z') };
    const due = policyDueAt({ createdAt: 0, priority: 'P1' }, incident, slaPreset('debrief'), 'America/Los_Angeles');
    expect(localDateKey(due, 'America/Los_Angeles')).toBe('2024-06-27');
  });
});

describe('local day helpers', () => {
  it('localNoon is noon of the local day even where midnight is skipped', () => {
    // Santiago skipped 2024-09-08 00:00-01:00.
    const noon = localNoon(Date.parse('2024-09-08T15:00:00Z'), 'America/Santiago');
    expect(noon).toBeInstanceOf(TZDate);
    expect(localDateKey(noon.getTime(), 'America/Santiago')).toBe('2024-09-08');
    expect(noon.getHours()).toBe(12);
  });
});
