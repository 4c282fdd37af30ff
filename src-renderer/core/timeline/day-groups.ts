import { TZDate } from '@date-fns/tz';
import { format, startOfDay } from 'date-fns';
import { formatInZone } from '../time/format-in-zone';
import { isValidTimeZone, viewerTimeZone } from '../time/zones';
import { TimelineError } from './timeline-error';

/**
 * Local days and times in a chosen zone. The timeline shows one zone at a time (the incident's,
 * UTC or the viewer's); days are cut at local midnight in that zone, so a 23-hour spring-forward
 * day or a 25-hour fall-back day still holds exactly the events of that calendar day.
 */

export type ZoneChoice = 'incident' | 'utc' | 'viewer';

export interface DayGroup<T> {
  /** `yyyy-MM-dd` in the zone; stable key for React lists. */
  dayKey: string;
  /** Local midnight starting the day, UTC epoch ms. */
  dayStart: number;
  label: string;
  events: T[];
}

/** TZDate silently yields an Invalid Date for an unknown zone; say so instead. */
function assertZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new TimelineError('INVALID_TIME_ZONE', `Unknown time zone "${zone}".`);
}

export function resolveZone(choice: ZoneChoice, incidentZone: string, viewerZone: string = viewerTimeZone()): string {
  if (choice === 'utc') return 'UTC';
  if (choice === 'viewer') return viewerZone;
  return isValidTimeZone(incidentZone) ? incidentZone : 'UTC';
}

/** "Wednesday, 12 June 2024" — the day header above a group. */
export function formatDayLabel(dayStart: number, zone: string): string {
  return formatInZone(dayStart, zone, 'EEEE, d MMMM yyyy');
}

// "HH:mm" of each minute already shown, by zone and minute: zone conversion is the costliest part
// of rendering a row, and a scrolled timeline shows many events of the same minutes. null marks
// a minute whose zone offset is not whole minutes (old local mean times), formatted in full.
const minuteLabels = new Map<string, string | null>();
const MINUTE_LABELS_KEPT = 20_000;

/** Time of an event row: "23:52:07"; the zone abbreviation is shown once per header instead. */
export function formatEventTime(ms: number, zone: string): string {
  if (!Number.isFinite(ms)) return formatInZone(ms, zone, 'HH:mm:ss');
  const minute = Math.floor(ms / 60_000) * 60_000;
  const key = `${zone}\u0000${minute}`;
  let label = minuteLabels.get(key);
  if (label === undefined) {
    if (minuteLabels.size >= MINUTE_LABELS_KEPT) minuteLabels.clear();
    const start = formatInZone(minute, zone, 'HH:mm:ss');
    label = start.endsWith(':00') ? start.slice(0, 5) : null;
    minuteLabels.set(key, label);
  }
  if (label === null) return formatInZone(ms, zone, 'HH:mm:ss');
  const seconds = Math.floor((ms - minute) / 1000);
  return `${label}:${seconds < 10 ? '0' : ''}${seconds}`;
}

/**
 * Splits events already sorted by `at` into local days. Each day's key is computed once per
 * day boundary, not per event, so long timelines group in one cheap pass.
 */
export function groupByDay<T extends { at: number }>(events: readonly T[], zone: string): DayGroup<T>[] {
  assertZone(zone);
  const groups: DayGroup<T>[] = [];
  let current: DayGroup<T> | null = null;
  let nextDayStart = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    if (current === null || event.at >= nextDayStart || event.at < current.dayStart) {
      const day = startOfDay(new TZDate(event.at, zone));
      const dayStart = day.getTime();
      if (current === null || dayStart !== current.dayStart) {
        current = { dayKey: format(day, 'yyyy-MM-dd'), dayStart, label: format(day, 'EEEE, d MMMM yyyy'), events: [] };
        groups.push(current);
      }
      nextDayStart = startOfDay(new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, zone)).getTime();
    }
    current.events.push(event);
  }
  return groups;
}
