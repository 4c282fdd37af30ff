import { differenceInMilliseconds } from 'date-fns';

/**
 * Instants are UTC epoch milliseconds, so durations are exact elapsed time whatever the zone: a
 * night that crosses a DST change or midnight is neither an hour too long nor a day off. A
 * missing end gives null (never NaN); an end before its start gives a negative duration, which
 * `checkMilestoneOrder` reports as a warning rather than hiding it here.
 */
export function durationBetween(from: number | null | undefined, to: number | null | undefined): number | null {
  if (from === null || from === undefined || to === null || to === undefined) return null;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  return differenceInMilliseconds(to, from);
}

const UNITS = [
  { label: 'd', ms: 86_400_000 },
  { label: 'h', ms: 3_600_000 },
  { label: 'min', ms: 60_000 },
  { label: 's', ms: 1_000 },
] as const;

/**
 * Elapsed time in its two largest units ("1 h 23 min", "45 s", "2 d 3 h"). A day is 24 hours of
 * elapsed time, not a calendar day, because the input has no zone. The second unit is only
 * shown when it is the next smaller one and not zero, so "2 d 0 h 5 min" reads "2 d". Rounds to
 * the nearest second; negative durations (out-of-order milestones) keep their sign.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms) / 1000) * 1000;
  if (rest === 0) return '0 s';
  const parts: string[] = [];
  let previousIndex = -1;
  for (const [index, unit] of UNITS.entries()) {
    const amount = Math.floor(rest / unit.ms);
    rest -= amount * unit.ms;
    if (parts.length === 0) {
      if (amount > 0) {
        parts.push(`${amount} ${unit.label}`);
        previousIndex = index;
      }
    } else {
      if (index === previousIndex + 1 && amount > 0) parts.push(`${amount} ${unit.label}`);
      break;
    }
  }
  return sign + parts.join(' ');
}
