import { TZDate } from '@date-fns/tz';
import { format, startOfDay } from 'date-fns';
import { assertTimeZone, zoneAbbreviation } from './zones';

/** Formats an instant with a date-fns pattern as wall-clock time in `zone` (throws TimeZoneError for an unknown zone). */
export function formatInZone(ms: number, zone: string, pattern: string): string {
  assertTimeZone(zone);
  return format(new TZDate(ms, zone), pattern);
}

/** Wall-clock time in `zone` followed by the zone's short name: "2024-06-12 16:52 PDT". */
export function formatWithZoneName(ms: number, zone: string, pattern = 'yyyy-MM-dd HH:mm'): string {
  return `${formatInZone(ms, zone, pattern)} ${zoneAbbreviation(ms, zone)}`;
}

/** The local calendar day `yyyy-MM-dd` holding `ms` in `zone`. */
export function dayKeyInZone(ms: number, zone: string): string {
  return formatInZone(ms, zone, 'yyyy-MM-dd');
}

/** Local midnight starting the day that holds `ms` in `zone`, as UTC ms. */
export function startOfDayInZone(ms: number, zone: string): number {
  assertTimeZone(zone);
  return startOfDay(new TZDate(ms, zone)).getTime();
}
