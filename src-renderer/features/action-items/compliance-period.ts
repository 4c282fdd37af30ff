import type { Period, TrendBucket } from '@core/action-items/compliance';
import { endOfLocalDate } from '@core/action-items/due-date';
import { TZDate } from '@date-fns/tz';
import { endOfDay, startOfDay } from 'date-fns';

export type PeriodChoice = '30' | '90' | '365' | 'custom';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The period a choice means, ending with today; a custom one runs from the start of its first local
 * day to the end of its last. Null when a custom range is incomplete or backwards.
 */
export function periodFor(choice: PeriodChoice, now: number, timeZone: string, custom: { from: string; to: string }): Period | null {
  if (choice !== 'custom') {
    const days = Number(choice);
    // Through the end of today, so an item closed a moment ago counts before the clock ticks.
    return { from: startOfDay(new TZDate(now - (days - 1) * DAY, timeZone)).getTime(), to: endOfDay(new TZDate(now, timeZone)).getTime() };
  }
  if (!custom.from || !custom.to) return null;
  try {
    const from = startOfDay(new TZDate(endOfLocalDate(custom.from, timeZone), timeZone)).getTime();
    const to = endOfLocalDate(custom.to, timeZone);
    return from <= to ? { from, to } : null;
  } catch {
    return null;
  }
}

/** Weeks for up to about a quarter, months beyond, so the chart keeps a readable number of bars. */
export function bucketFor(period: Period): TrendBucket {
  return period.to - period.from <= 120 * DAY ? 'week' : 'month';
}
