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

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const GMT_STYLE = /^(GMT|UTC)[+-−]/;

/**
 * The zone's short name at that instant ("PDT", "CEST"); US English knows American names,
 * British English the European ones; elsewhere an offset such as "GMT+5:30" is the honest name.
 */
export function zoneAbbreviation(utcMs: number, timeZone: string): string {
  let fallback = timeZone;
  for (const locale of ['en-US', 'en-GB']) {
    const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(utcMs)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!part) continue;
    if (!GMT_STYLE.test(part)) return part;
    fallback = part;
  }
  return fallback;
}

/** Formats UTC ms as a wall-clock time in a zone, followed by the zone's short name. */
export function formatInZone(utcMs: number, timeZone: string, pattern = 'yyyy-MM-dd HH:mm', withZone = true): string {
  const text = format(new TZDate(utcMs, timeZone), pattern);
  return withZone ? `${text} ${zoneAbbreviation(utcMs, timeZone)}` : text;
}
