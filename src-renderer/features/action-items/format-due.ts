import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** A due date as a person reads it on their calendar, e.g. "Mon 1 Jul 2024". */
export function formatDay(at: number, timeZone: string): string {
  return format(new TZDate(at, timeZone), 'EEE d MMM yyyy');
}

export function formatDayOrNone(at: number | null, timeZone: string): string {
  return at === null ? 'no due date' : formatDay(at, timeZone);
}
