import { describe, expect, it } from 'vitest';
import { dayKeyInZone, formatInZone, formatWithZoneName, startOfDayInZone } from './format-in-zone';
import { isValidTimeZone, TimeZoneError } from './zones';

const t = Date.UTC(2024, 5, 13, 6, 52);

describe('one time module', () => {
  it('formats wall-clock time, with or without the zone name', () => {
    expect(formatInZone(t, 'America/Los_Angeles', 'yyyy-MM-dd HH:mm')).toBe('2024-06-12 23:52');
    expect(formatWithZoneName(t, 'America/Los_Angeles')).toBe('2024-06-12 23:52 PDT');
  });

  it('cuts days at local midnight in the zone', () => {
    expect(dayKeyInZone(t, 'America/Los_Angeles')).toBe('2024-06-12');
    expect(startOfDayInZone(t, 'Europe/Berlin')).toBe(Date.UTC(2024, 5, 12, 22, 0));
  });

  it('refuses an unknown zone with a coded error instead of an Invalid Date', () => {
    expect(() => formatInZone(t, 'Mars/Olympus_Mons', 'HH:mm')).toThrow(TimeZoneError);
    expect(() => formatInZone(t, 'Mars/Olympus_Mons', 'HH:mm')).toThrow('Unknown time zone "Mars/Olympus_Mons".');
    expect(isValidTimeZone(' ')).toBe(false);
    expect(isValidTimeZone('UTC')).toBe(true);
  });
});
