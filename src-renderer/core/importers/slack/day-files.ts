/**
 * Day files are named `YYYY-MM-DD.json`, but the zone of that date is not documented (slackdump
 * writes America/Los_Angeles, Slack's own export is believed to use UTC). The names are only
 * used to skip files cheaply, so each is treated as covering its date ±1 day: no zone on earth
 * is further than that from UTC.
 */
export const DAY_FILE_MARGIN_DAYS = 1;

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_FILE_NAME = /^(\d{4})-(\d{2})-(\d{2})\.json$/;

/** The date in a day-file name, or null when the name is not one. */
export function dayFileDate(fileName: string): string | null {
  const match = DAY_FILE_NAME.exec(fileName);
  if (!match) return null;
  const [, year, month, day] = match;
  const start = Date.UTC(Number(year), Number(month) - 1, Number(day));
  // Rejects 2024-02-31 and friends, which Date.UTC would silently roll over.
  if (new Date(start).toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return null;
  return `${year}-${month}-${day}`;
}

/** UTC ms span [from, to) that a day file may hold, margin included. */
export function dayFileSpan(date: string): { from: number; to: number } {
  const start = Date.parse(`${date}T00:00:00Z`);
  return { from: start - DAY_FILE_MARGIN_DAYS * DAY_MS, to: start + DAY_MS + DAY_FILE_MARGIN_DAYS * DAY_MS };
}

export interface TimeWindow {
  /** UTC ms, inclusive; absent means unbounded. */
  from?: number;
  /** UTC ms, inclusive; absent means unbounded. */
  to?: number;
}

export function dayFileMayOverlap(date: string, window: TimeWindow | undefined): boolean {
  if (!window) return true;
  const span = dayFileSpan(date);
  if (window.from !== undefined && span.to <= window.from) return false;
  if (window.to !== undefined && span.from > window.to) return false;
  return true;
}

export function inWindow(at: number, window: TimeWindow | undefined): boolean {
  if (!window) return true;
  return (window.from === undefined || at >= window.from) && (window.to === undefined || at <= window.to);
}
