import { CodedError } from '../errors/coded-error';

/**
 * The one home of time-zone names: whether a name is a zone this runtime knows, the viewer's
 * zone, and a zone's short name at an instant. Formatting is in format-in-zone.ts.
 */

/** An IANA zone name (or UTC offset) the runtime does not know. */
export class TimeZoneError extends CodedError<'INVALID_TIME_ZONE'> {}

const validity = new Map<string, boolean>();

/** True when `zone` is an IANA zone name (or UTC offset) the runtime knows; cached, as views ask per render. */
export function isValidTimeZone(zone: string): boolean {
  let valid = validity.get(zone);
  if (valid === undefined) {
    valid = zone.trim() !== '';
    if (valid) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
      } catch {
        valid = false;
      }
    }
    validity.set(zone, valid);
  }
  return valid;
}

/** Throws TimeZoneError unless `zone` is known (TZDate would silently give an Invalid Date). */
export function assertTimeZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new TimeZoneError('INVALID_TIME_ZONE', `Unknown time zone "${zone}".`, { location: { field: 'timeZone' } });
}

/** The viewer's own zone (what their calendar shows); UTC when the runtime cannot tell. */
export function viewerTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
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
