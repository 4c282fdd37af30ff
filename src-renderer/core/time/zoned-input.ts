import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * `<input type="datetime-local">` speaks wall-clock time without a zone. These convert between
 * that text and UTC milliseconds in the incident's zone, so a time typed for an incident in
 * Los Angeles means Los Angeles time whatever zone the reviewer's computer is in.
 */
export function toLocalInputValue(utcMs: number | null, timeZone: string): string {
  if (utcMs === null) return '';
  return format(new TZDate(utcMs, timeZone), "yyyy-MM-dd'T'HH:mm");
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Returns null for an empty value and NaN for text that is not a wall-clock time. In a DST
 * gap (a time that does not exist locally) the time moves forward, as clocks do.
 */
export function fromLocalInputValue(value: string, timeZone: string): number | null {
  if (value.trim() === '') return null;
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new TZDate(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s, timeZone);
  return date.getTime();
}
