import { TZDate } from '@date-fns/tz';
import { addDays, format, isWeekend, startOfDay } from 'date-fns';
import type { ActionItem, Priority } from '../model/action-item';
import type { Incident } from '../model/incident';
import { isValidTimeZone } from '../time/zones';
import { SlaError } from './sla-error';
import type { SlaPolicy } from './sla-policy';

/** Throws unless `timeZone` is an IANA zone this runtime knows (the rule is core/time/zones.ts). */
export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new SlaError('BAD_TIME_ZONE', `Unknown time zone "${timeZone}"`);
}

function assertInstant(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new SlaError('BAD_DATE', `${what} is not a valid time`);
}

/**
 * Noon of the local day holding `at`. Day arithmetic starts from noon because midnight does not
 * exist on some DST days (e.g. America/Santiago) and noon always does.
 */
export function localNoon(at: number, timeZone: string): TZDate {
  const local = new TZDate(at, timeZone);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 12, 0, 0, 0, timeZone);
}

/** The local calendar date `YYYY-MM-DD` of an instant in `timeZone`. */
export function localDateKey(at: number, timeZone: string): string {
  assertTimeZone(timeZone);
  assertInstant(at, 'Date');
  return format(new TZDate(at, timeZone), 'yyyy-MM-dd');
}

/** Last millisecond (23:59:59.999 local) of the day `YYYY-MM-DD` in `timeZone`. */
export function endOfLocalDate(dateKey: string, timeZone: string): number {
  assertTimeZone(timeZone);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateKey);
  if (!m) throw new SlaError('BAD_DATE', `"${dateKey}" is not a date written YYYY-MM-DD`);
  const noon = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0, 0, timeZone);
  if (format(noon, 'yyyy-MM-dd') !== dateKey) throw new SlaError('BAD_DATE', `"${dateKey}" is not a calendar date`);
  return lastMillisecondOf(noon);
}

/**
 * The instant just before the next local day starts. Not endOfDay(): where clocks fall back at
 * midnight (America/Santiago in April) 23:00–23:59 happens twice, and endOfDay picks the first.
 */
function lastMillisecondOf(day: TZDate): number {
  return startOfDay(addDays(day, 1)).getTime() - 1;
}

// Hand-built rather than format(): this runs once per day walked and format() is far slower.
function dayKey(day: TZDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(day.getFullYear()).padStart(4, '0')}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Weekends (Saturday, Sunday) and listed holidays are not business days. */
export function isBusinessDay(day: TZDate, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(day) && !holidays.has(dayKey(day));
}

/**
 * The local day `amount` business days after the day holding `start`. The start day itself is
 * never counted, so a review on Friday with 1 business day is due Monday; a start on a weekend
 * counts from the next business day. date-fns' addBusinessDays knows no holidays, hence the walk.
 */
export function addBusinessDaysSkipping(start: TZDate, amount: number, holidays: ReadonlySet<string>): TZDate {
  let day = start;
  let counted = 0;
  while (counted < amount) {
    day = addDays(day, 1);
    if (isBusinessDay(day, holidays)) counted += 1;
  }
  return day;
}

/** Business days after `startAt`'s local day up to and including `endAt`'s local day. */
export function businessDaysBetween(startAt: number, endAt: number, timeZone: string, holidays: readonly string[] = []): number {
  assertTimeZone(timeZone);
  const set = new Set(holidays);
  const endKey = localDateKey(endAt, timeZone);
  let day = localNoon(startAt, timeZone);
  let count = 0;
  while (dayKey(day) < endKey) {
    day = addDays(day, 1);
    if (isBusinessDay(day, set)) count += 1;
  }
  return count;
}

/**
 * When an item of `priority` is due: the end (23:59:59.999 local) of the last day of its SLA,
 * counted in the user's zone so DST changes, month ends and leap days fall where a person
 * reading a calendar expects. Calendar-day SLAs ignore holidays; business-day SLAs skip
 * weekends and the policy's holidays.
 */
export function computeDueAt(start: number, priority: Priority, policy: SlaPolicy, timeZone: string): number {
  assertTimeZone(timeZone);
  assertInstant(start, 'SLA start');
  const { amount, unit } = policy.durations[priority];
  const startDay = localNoon(start, timeZone);
  const lastDay =
    unit === 'calendar-days' ? addDays(startDay, amount) : addBusinessDaysSkipping(startDay, amount, new Set(policy.holidays));
  return lastMillisecondOf(lastDay);
}

export type SlaStartBasis = 'review' | 'resolution' | 'item-created';

export interface SlaStart {
  at: number;
  /** Which date was used, so the UI can say "30 days from the review". */
  basis: SlaStartBasis;
}

/**
 * The instant an item's SLA counts from. Fallbacks when the chosen date is unset:
 * - countFrom 'review': review date, else resolution, else the item's creation.
 * - countFrom 'resolution': resolution, else review date, else the item's creation.
 * Falling back to the other incident date keeps the clock tied to the incident; the item's own
 * creation is the last resort so an item never lacks a due date.
 */
export function slaStart(
  incident: Pick<Incident, 'reviewAt' | 'resolvedAt'>,
  policy: Pick<SlaPolicy, 'countFrom'>,
  item: Pick<ActionItem, 'createdAt'>,
): SlaStart {
  const review = incident.reviewAt;
  const resolution = incident.resolvedAt;
  const order: [SlaStartBasis, number | null][] =
    policy.countFrom === 'review'
      ? [
          ['review', review],
          ['resolution', resolution],
        ]
      : [
          ['resolution', resolution],
          ['review', review],
        ];
  for (const [basis, at] of order) {
    if (at !== null && Number.isFinite(at)) return { at, basis };
  }
  return { at: item.createdAt, basis: 'item-created' };
}

/** The due date the policy gives an item and the start it counts from; the two are stored together. */
export function policyDue(
  item: Pick<ActionItem, 'createdAt' | 'priority'>,
  incident: Pick<Incident, 'reviewAt' | 'resolvedAt'>,
  policy: SlaPolicy,
  timeZone: string,
): { dueAt: number; slaStartAt: number } {
  const start = slaStart(incident, policy, item).at;
  return { dueAt: computeDueAt(start, item.priority, policy, timeZone), slaStartAt: start };
}

/** The due date the policy gives an item, ignoring any date set by hand. */
export function policyDueAt(
  item: Pick<ActionItem, 'createdAt' | 'priority'>,
  incident: Pick<Incident, 'reviewAt' | 'resolvedAt'>,
  policy: SlaPolicy,
  timeZone: string,
): number {
  return policyDue(item, incident, policy, timeZone).dueAt;
}

/** Where an item's SLA window starts: the start kept with its due date, else the incident's current one. */
export function windowStart(
  item: Pick<ActionItem, 'createdAt' | 'slaStartAt'>,
  incident: Pick<Incident, 'reviewAt' | 'resolvedAt'> | null,
  policy: Pick<SlaPolicy, 'countFrom'>,
): number {
  if (typeof item.slaStartAt === 'number') return item.slaStartAt;
  return incident ? slaStart(incident, policy, item).at : item.createdAt;
}
