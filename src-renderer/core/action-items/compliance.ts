import { TZDate } from '@date-fns/tz';
import { addMonths, addWeeks, startOfMonth, startOfWeek } from 'date-fns';
import type { ActionItem } from '../model/action-item';
import { assertTimeZone } from './due-date';
import { SlaError } from './sla-error';
import { slaState } from './sla-state';

type ComplianceItem = Pick<ActionItem, 'status' | 'dueAt' | 'completedAt' | 'updatedAt' | 'createdAt'>;

export interface Compliance {
  /** Items closed in the period that had a due date. */
  closed: number;
  met: number;
  missed: number;
  /** met / closed, or null when nothing with a due date was closed. */
  rate: number | null;
}

export interface Period {
  /** Inclusive UTC ms. */
  from: number;
  /** Inclusive UTC ms. */
  to: number;
}

function closedAt(item: ComplianceItem): number | null {
  if (item.status !== 'done' && item.status !== 'wont-do') return null;
  return item.completedAt ?? item.updatedAt;
}

/**
 * Share of items closed within SLA, by the date they were closed (from <= closed <= to).
 * Items without a due date have no SLA to meet and are left out; won't-do counts as closed
 * (see slaState).
 */
export function complianceOver(items: readonly ComplianceItem[], period: Period): Compliance {
  let met = 0;
  let missed = 0;
  for (const item of items) {
    const at = closedAt(item);
    if (at === null || item.dueAt === null || at < period.from || at > period.to) continue;
    if (slaState(item, { now: at }) === 'met') met += 1;
    else missed += 1;
  }
  const closed = met + missed;
  return { closed, met, missed, rate: closed === 0 ? null : met / closed };
}

export type TrendBucket = 'week' | 'month';

export interface TrendPoint extends Compliance {
  /** First ms of the local week or month. */
  start: number;
  /** Last ms of the local week or month. */
  end: number;
}

export interface TrendOptions extends Period {
  bucket: TrendBucket;
  timeZone: string;
  /** 0 = Sunday .. 6 = Saturday; weeks start on Monday unless told (ISO 8601). */
  weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * Compliance per local week or month covering [from, to]. Buckets follow the user's zone so a
 * week is the one on their calendar, not a UTC one; the first and last buckets only count
 * items inside the period.
 */
export function complianceTrend(items: readonly ComplianceItem[], options: TrendOptions): TrendPoint[] {
  assertTimeZone(options.timeZone);
  if (!(options.from <= options.to)) throw new SlaError('BAD_DATE', 'Trend period ends before it starts');
  const weekStartsOn = options.weekStartsOn ?? 1;
  const first = new TZDate(options.from, options.timeZone);
  let start: Date = options.bucket === 'week' ? startOfWeek(first, { weekStartsOn }) : startOfMonth(first);
  const points: TrendPoint[] = [];
  while (start.getTime() <= options.to) {
    // Re-snapping after the step keeps buckets on local midnights even across DST changes.
    const next =
      options.bucket === 'week' ? startOfWeek(addWeeks(start, 1), { weekStartsOn }) : startOfMonth(addMonths(start, 1));
    const end = next.getTime() - 1;
    const window = { from: Math.max(start.getTime(), options.from), to: Math.min(end, options.to) };
    points.push({ start: start.getTime(), end, ...complianceOver(items, window) });
    start = next;
  }
  return points;
}
