import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { isValidTimeZone } from '../time/zones';
import { impliedDateOrder, isNaiveTimestamp, numericDateParts, parseTimestamp, tryParseTimestamp } from './timestamps';

const where = { file: 'timeline.csv', line: 4, field: 'time' };
const utc = (iso: string) => Date.parse(iso);

describe('parseTimestamp', () => {
  it('reads ISO 8601 with Z and with offsets, keeping the original text', () => {
    expect(parseTimestamp('2025-03-09T06:45:00Z', where)).toEqual({ at: utc('2025-03-09T06:45:00Z'), original: '2025-03-09T06:45:00Z' });
    expect(parseTimestamp('2025-03-09T01:47:12-05:00', where).at).toBe(utc('2025-03-09T06:47:12Z'));
    expect(parseTimestamp('2025-03-09T12:17:12+0530', where).at).toBe(utc('2025-03-09T06:47:12Z'));
    expect(parseTimestamp('2025-03-09T06:44:31.512345Z', where).at).toBe(utc('2025-03-09T06:44:31.512Z'));
    expect(parseTimestamp('2025-03-09 06:45:00 UTC', where).at).toBe(utc('2025-03-09T06:45:00Z'));
  });

  it('reads naive times in the given IANA zone, across a DST change', () => {
    const ny = { timeZone: 'America/New_York' };
    expect(parseTimestamp('2025-03-09 01:58', where, ny).at).toBe(utc('2025-03-09T06:58:00Z'));
    expect(parseTimestamp('2025-03-09 03:15', where, ny).at).toBe(utc('2025-03-09T07:15:00Z'));
    expect(parseTimestamp('2025-03-09T06:45:00', where).at).toBe(utc('2025-03-09T06:45:00Z'));
    // An explicit offset wins over the zone option.
    expect(parseTimestamp('2025-03-09T06:45:00Z', where, ny).at).toBe(utc('2025-03-09T06:45:00Z'));
  });

  it('reads epoch seconds and milliseconds, as numbers or strings', () => {
    expect(parseTimestamp(1741502700, where).at).toBe(1741502700000);
    expect(parseTimestamp('1741502700.123456', where).at).toBe(1741502700123);
    expect(parseTimestamp(1741502700123, where).at).toBe(1741502700123);
    expect(parseTimestamp(1741502700123, where).original).toBe('1741502700123');
    expect(parseTimestamp(1741502700, where, { epoch: 'milliseconds' }).at).toBe(1741502700);
  });

  it('keeps Go zero time as year 1, not 1901', () => {
    expect(new Date(parseTimestamp('0001-01-01T00:00:00Z', where).at).getUTCFullYear()).toBe(1);
  });

  it('rejects unreadable values with BAD_DATE naming file, line and field', () => {
    for (const value of ['yesterday', '2025-02-30T00:00:00Z', '2025-03-09T25:00:00Z', '', null, undefined, {}, Number.NaN, '2025-03-09T06:45:00+25:00']) {
      let error: unknown;
      try {
        parseTimestamp(value, where);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe('BAD_DATE');
      expect((error as ImportError).location).toEqual(where);
    }
  });

  it('rejects an unknown zone instead of silently using UTC', () => {
    expect(() => parseTimestamp('2025-03-09 01:58', where, { timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('helpers', () => {
  it('tells naive times from zoned ones', () => {
    expect(isNaiveTimestamp('2025-03-09 01:58')).toBe(true);
    expect(isNaiveTimestamp('2025-03-09T01:58:00Z')).toBe(false);
    expect(isNaiveTimestamp('2025-03-09T01:58:00-05:00')).toBe(false);
    expect(isNaiveTimestamp('1741502700')).toBe(false);
  });

  it('tryParseTimestamp returns null instead of throwing', () => {
    expect(tryParseTimestamp('soon')).toBeNull();
    expect(tryParseTimestamp('2025-03-09')?.at).toBe(utc('2025-03-09T00:00:00Z'));
  });
});

describe('ancient years', () => {
  it('keeps two-digit years in naive times as written', () => {
    expect(new Date(parseTimestamp('0050-06-01 12:00', where, { timeZone: 'Europe/Berlin' }).at).getUTCFullYear()).toBe(50);
  });
});

describe('numeric dates (13/06/2024, 06/13/2024)', () => {
  const utc = (iso: string) => Date.parse(iso);

  it('reads a date whose numbers settle the order without being told', () => {
    expect(tryParseTimestamp('13/06/2024 16:00')?.at).toBe(utc('2024-06-13T16:00:00Z'));
    expect(tryParseTimestamp('06/13/2024 16:00')?.at).toBe(utc('2024-06-13T16:00:00Z'));
    expect(tryParseTimestamp('05/05/2024')?.at).toBe(utc('2024-05-05T00:00:00Z'));
  });

  it('reads an ambiguous date only with a chosen order', () => {
    expect(tryParseTimestamp('12/05/2020 16:00')).toBeNull();
    expect(tryParseTimestamp('12/05/2020 16:00', { dateOrder: 'day-first' })?.at).toBe(utc('2020-05-12T16:00:00Z'));
    expect(tryParseTimestamp('12/05/2020 16:00', { dateOrder: 'month-first' })?.at).toBe(utc('2020-12-05T16:00:00Z'));
  });

  it('rejects a date that the chosen order makes impossible', () => {
    expect(tryParseTimestamp('13/06/2024', { dateOrder: 'month-first' })).toBeNull();
    expect(tryParseTimestamp('31/04/2024', { dateOrder: 'day-first' })).toBeNull();
    expect(() => parseTimestamp('06/13/2024', where, { dateOrder: 'day-first' })).toThrow(ImportError);
  });

  it('reads dots, dashes, seconds, fractions, AM/PM, zones and offsets', () => {
    expect(tryParseTimestamp('13.06.2024 16:05:07', { dateOrder: 'day-first' })?.at).toBe(utc('2024-06-13T16:05:07Z'));
    expect(tryParseTimestamp('13-06-2024T16:05:07.250Z')?.at).toBe(utc('2024-06-13T16:05:07.250Z'));
    expect(tryParseTimestamp('6/13/2024, 4:05 PM')?.at).toBe(utc('2024-06-13T16:05:00Z'));
    expect(tryParseTimestamp('6/13/2024 12:30 a.m.')?.at).toBe(utc('2024-06-13T00:30:00Z'));
    expect(tryParseTimestamp('6/13/2024 13:30 PM')).toBeNull();
    expect(tryParseTimestamp('13/06/2024 16:00 +02:00')?.at).toBe(utc('2024-06-13T14:00:00Z'));
    expect(tryParseTimestamp('13/06/2024 16:00', { timeZone: 'Europe/Paris' })?.at).toBe(utc('2024-06-13T14:00:00Z'));
  });

  it('tells zoned numeric dates from naive ones', () => {
    expect(isNaiveTimestamp('13/06/2024 16:00')).toBe(true);
    expect(isNaiveTimestamp('13/06/2024 16:00Z')).toBe(false);
    expect(isNaiveTimestamp('13/06/2024 16:00 UTC')).toBe(false);
  });

  it('names the order a date implies', () => {
    expect(numericDateParts('13/06/2024')).toEqual({ first: 13, second: 6 });
    expect(numericDateParts('2024-06-13')).toBeNull();
    expect(impliedDateOrder({ first: 13, second: 6 })).toBe('day-first');
    expect(impliedDateOrder({ first: 6, second: 13 })).toBe('month-first');
    expect(impliedDateOrder({ first: 5, second: 6 })).toBeNull();
    expect(impliedDateOrder({ first: 13, second: 13 })).toBeNull();
  });
});
