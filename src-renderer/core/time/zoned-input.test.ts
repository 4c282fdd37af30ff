import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from './zones';
import { formatInZone, formatWithZoneName } from './format-in-zone';
import { fromLocalInputValue, toLocalInputValue } from './zoned-input';

describe('zoned datetime-local values', () => {
  it('reads a typed time as wall-clock time in the incident zone', () => {
    // INC-482 started 23:52 PDT on 12 June 2024: 06:52 UTC on the 13th.
    expect(fromLocalInputValue('2024-06-12T23:52', 'America/Los_Angeles')).toBe(Date.UTC(2024, 5, 13, 6, 52));
    expect(fromLocalInputValue('2024-06-12T23:52', 'UTC')).toBe(Date.UTC(2024, 5, 12, 23, 52));
  });

  it('shows a stored time in the incident zone', () => {
    expect(toLocalInputValue(Date.UTC(2024, 5, 13, 6, 52), 'America/Los_Angeles')).toBe('2024-06-12T23:52');
    expect(toLocalInputValue(null, 'UTC')).toBe('');
  });

  it('round-trips every minute across a DST change', () => {
    const zone = 'Europe/London';
    // 2024-10-27 01:00 BST → 01:00 GMT: the hour repeats; walk through it in UTC.
    for (let t = Date.UTC(2024, 9, 26, 23, 0); t < Date.UTC(2024, 9, 27, 3, 0); t += 15 * 60_000) {
      const text = toLocalInputValue(t, zone);
      const back = fromLocalInputValue(text, zone);
      expect(toLocalInputValue(back, zone)).toBe(text);
    }
  });

  it('moves a time in the spring-forward gap forward instead of failing', () => {
    const ms = fromLocalInputValue('2024-03-10T02:30', 'America/Los_Angeles');
    expect(toLocalInputValue(ms, 'America/Los_Angeles')).toBe('2024-03-10T03:30');
  });

  it('treats empty as unset and garbage as invalid', () => {
    expect(fromLocalInputValue('', 'UTC')).toBeNull();
    expect(fromLocalInputValue('yesterday', 'UTC')).toBeNaN();
  });

  it('validates IANA zone names', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('formats with the short zone name people recognise', () => {
    const t = Date.UTC(2024, 5, 13, 6, 52);
    expect(formatWithZoneName(t, 'America/Los_Angeles')).toBe('2024-06-12 23:52 PDT');
    expect(formatWithZoneName(t, 'Europe/Berlin')).toBe('2024-06-13 08:52 CEST');
    expect(formatWithZoneName(Date.UTC(2024, 0, 13, 6, 52), 'Europe/London', 'HH:mm')).toBe('06:52 GMT');
    expect(formatWithZoneName(t, 'Asia/Kolkata', 'HH:mm')).toBe('12:22 GMT+5:30');
    expect(formatInZone(t, 'UTC', 'HH:mm')).toBe('06:52');
  });
});
