import { differenceInMilliseconds } from 'date-fns';
import type { Incident } from '@core/model/incident';
import type { Milestone, MilestoneKind, Phase } from '@core/model/milestone';

/**
 * MTTx metrics for one incident. Every "time to X" is measured from incident START
 * (`incident.startedAt`, when impact began), so they can be read side by side on one axis:
 *
 * - timeToDetect      = Detect − start        (Detect milestone, else `incident.detectedAt`)
 * - timeToAssemble    = Assemble − start
 * - detectToAssemble  = Assemble − Detect     (the conventional MTTA: how long a page waited
 *                                              for a responder; reported as well because on-call
 *                                              tooling measures acknowledgement from the alert)
 * - timeToMitigate    = Mitigate − start
 * - timeToUnderControl= Under Control − start
 * - timeToAllClear    = All Clear − start     (All Clear milestone, else `incident.resolvedAt`)
 * - customerImpact    = end of the Customer Impact phase − start
 *
 * Phases (consecutive, each from the end of the previous one):
 * - Customer Impact:       start → earliest of Mitigate / Under Control
 * - Operations Impact:     end of Customer Impact → All Clear
 * - Learning & Prevention: All Clear → review meeting (`incident.reviewAt`)
 *
 * Instants are UTC epoch milliseconds, so durations are exact elapsed time whatever the zone:
 * a night that crosses a DST change or midnight is neither an hour too long nor a day off.
 * If several milestones share a kind the earliest counts. A missing end point gives null
 * (never NaN); an end point before its start gives a negative duration, which
 * `checkMilestoneOrder` reports as a warning rather than hiding it here.
 */

export type MetricIncident = Pick<Incident, 'startedAt' | 'detectedAt' | 'resolvedAt' | 'reviewAt'>;
export type MetricMilestone = Pick<Milestone, 'kind' | 'at'>;
export type StandardMilestoneKind = Exclude<MilestoneKind, 'Custom'>;

export interface PhaseSpan {
  phase: Phase;
  from: number | null;
  to: number | null;
  /** Milliseconds; null when either end is unknown. */
  duration: number | null;
}

export interface IncidentMetrics {
  start: number | null;
  timeToDetect: number | null;
  timeToAssemble: number | null;
  detectToAssemble: number | null;
  timeToMitigate: number | null;
  timeToUnderControl: number | null;
  timeToAllClear: number | null;
  customerImpact: number | null;
  phases: PhaseSpan[];
}

/** Earliest instant of each standard milestone kind; custom milestones are not metrics. */
export function milestoneTimes(milestones: readonly MetricMilestone[]): Partial<Record<StandardMilestoneKind, number>> {
  const times: Partial<Record<StandardMilestoneKind, number>> = {};
  for (const milestone of milestones) {
    if (milestone.kind === 'Custom' || !Number.isFinite(milestone.at)) continue;
    const current = times[milestone.kind];
    if (current === undefined || milestone.at < current) times[milestone.kind] = milestone.at;
  }
  return times;
}

export function durationBetween(from: number | null | undefined, to: number | null | undefined): number | null {
  if (from === null || from === undefined || to === null || to === undefined) return null;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  return differenceInMilliseconds(to, from);
}

function earliest(...instants: (number | undefined)[]): number | null {
  const known = instants.filter((instant): instant is number => instant !== undefined);
  return known.length === 0 ? null : Math.min(...known);
}

export function computeMetrics(incident: MetricIncident, milestones: readonly MetricMilestone[]): IncidentMetrics {
  const times = milestoneTimes(milestones);
  const start = incident.startedAt;
  const detect = times.Detect ?? incident.detectedAt ?? null;
  const allClear = times['All Clear'] ?? incident.resolvedAt ?? null;
  const customerImpactEnd = earliest(times.Mitigate, times['Under Control']);
  const operationsStart = customerImpactEnd;

  return {
    start,
    timeToDetect: durationBetween(start, detect),
    timeToAssemble: durationBetween(start, times.Assemble),
    detectToAssemble: durationBetween(detect, times.Assemble),
    timeToMitigate: durationBetween(start, times.Mitigate),
    timeToUnderControl: durationBetween(start, times['Under Control']),
    timeToAllClear: durationBetween(start, allClear),
    customerImpact: durationBetween(start, customerImpactEnd),
    phases: [
      { phase: 'Customer Impact', from: start, to: customerImpactEnd, duration: durationBetween(start, customerImpactEnd) },
      { phase: 'Operations Impact', from: operationsStart, to: allClear, duration: durationBetween(operationsStart, allClear) },
      {
        phase: 'Learning & Prevention',
        from: allClear,
        to: incident.reviewAt,
        duration: durationBetween(allClear, incident.reviewAt),
      },
    ],
  };
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
