import { tryParseTimestamp } from './timestamps';

/**
 * Chat logs that write only a time of day and transcripts that count from the start of a call
 * need a day. It comes from the incident: `startAt` (UTC ms) is its start, and a time of day is
 * placed on the day (before, of, or after the start's date, in the chosen zone) that puts it
 * nearest the start.
 */
export interface DayAnchorOptions {
  /** When the incident (or the call) started, UTC ms. */
  startAt?: number;
  timeZone?: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `at` in `timeZone` (UTC when unset). */
export function dateInZone(at: number, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `YYYY-MM-DD` shifted by `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The date that places `time` (HH:MM[:SS]) nearest `startAt`, or null without a start. */
export function anchorDate(time: string, options: DayAnchorOptions): string | null {
  if (options.startAt === undefined) return null;
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const base = dateInZone(options.startAt, options.timeZone);
  let best: { date: string; distance: number } | null = null;
  for (const shift of [-1, 0, 1]) {
    const date = addDays(base, shift);
    const parsed = tryParseTimestamp(`${date}T${time}`, zone);
    if (!parsed) continue;
    const distance = Math.abs(parsed.at - options.startAt);
    if (!best || distance < best.distance) best = { date, distance };
  }
  return best?.date ?? null;
}
