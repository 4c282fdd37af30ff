import { z } from 'zod';
import type { Priority } from '../model/action-item';
import { SlaError } from './sla-error';

export const SLA_UNITS = ['calendar-days', 'business-days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export interface SlaDuration {
  amount: number;
  unit: SlaUnit;
}

export const SLA_COUNT_FROM = ['review', 'resolution'] as const;
export type SlaCountFrom = (typeof SLA_COUNT_FROM)[number];

export const SLA_PRESET_IDS = ['debrief', 'atlassian', 'pagerduty', 'custom'] as const;
export type SlaPresetId = (typeof SLA_PRESET_IDS)[number];

export interface SlaPolicy {
  /** Which preset this started from; 'custom' once the user edits any value. */
  preset: SlaPresetId;
  durations: Record<Priority, SlaDuration>;
  countFrom: SlaCountFrom;
  /** Local dates `YYYY-MM-DD` skipped when counting business days. */
  holidays: string[];
  /** Display names, e.g. P1 "Urgent"; the stored priority stays P1..P4. */
  priorityLabels: Record<Priority, string>;
}

/** Linear's names, which most trackers understand. */
export const DEFAULT_PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  P1: 'Urgent',
  P2: 'High',
  P3: 'Medium',
  P4: 'Low',
};

function calendarDays(p1: number, p2: number, p3: number, p4: number): Record<Priority, SlaDuration> {
  const d = (amount: number): SlaDuration => ({ amount, unit: 'calendar-days' });
  return { P1: d(p1), P2: d(p2), P3: d(p3), P4: d(p4) };
}

function preset(id: SlaPresetId, durations: Record<Priority, SlaDuration>): SlaPolicy {
  return { preset: id, durations, countFrom: 'review', holidays: [], priorityLabels: { ...DEFAULT_PRIORITY_LABELS } };
}

/**
 * Published practice the presets follow:
 * - debrief: P1 7 days, P2 30, P3 90, P4 180 calendar days.
 * - atlassian: the Atlassian Incident Handbook gives "priority actions" an SLO of 4 weeks and
 *   other actions 8 weeks, so P1/P2 get 28 calendar days and P3/P4 get 56.
 * - pagerduty: PagerDuty's response guide expects high-priority follow-ups of a Sev-1 within
 *   15 days and of a Sev-2 within 30. It names no target below that, so P3/P4 keep Debrief's
 *   90/180 days rather than inventing a PagerDuty figure.
 * - custom: starts as the Debrief default for the user to edit.
 */
export const SLA_PRESETS: Readonly<Record<SlaPresetId, SlaPolicy>> = {
  debrief: preset('debrief', calendarDays(7, 30, 90, 180)),
  atlassian: preset('atlassian', calendarDays(28, 28, 56, 56)),
  pagerduty: preset('pagerduty', calendarDays(15, 30, 90, 180)),
  custom: preset('custom', calendarDays(7, 30, 90, 180)),
};

/** A fresh copy, so editing it never changes the preset table. */
export function slaPreset(id: SlaPresetId): SlaPolicy {
  return structuredClone(SLA_PRESETS[id]);
}

export const DEFAULT_SLA_POLICY: Readonly<SlaPolicy> = SLA_PRESETS.debrief;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date; rejects 2023-02-29 and 2024-13-01. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

const durationSchema = z.object({
  amount: z.number().int().min(1).max(3650),
  unit: z.enum(SLA_UNITS),
});

function perPriority<T extends z.ZodType>(schema: T) {
  return z.object({ P1: schema, P2: schema, P3: schema, P4: schema });
}

export const slaPolicySchema = z.object({
  preset: z.enum(SLA_PRESET_IDS),
  durations: perPriority(durationSchema),
  countFrom: z.enum(SLA_COUNT_FROM),
  holidays: z
    .array(z.string().refine(isIsoDate, { message: 'Holiday must be a real date written YYYY-MM-DD' }))
    .max(2000)
    .default([]),
  priorityLabels: perPriority(z.string().trim().min(1).max(40)).default({ ...DEFAULT_PRIORITY_LABELS }),
});

/** Validates a stored or imported policy; holidays come back sorted and without duplicates. */
export function parseSlaPolicy(value: unknown): SlaPolicy {
  const result = slaPolicySchema.safeParse(value);
  if (!result.success) {
    throw new SlaError('BAD_POLICY', `SLA policy is not valid: ${z.prettifyError(result.error)}`, { cause: result.error });
  }
  const policy = result.data;
  return { ...policy, holidays: [...new Set(policy.holidays)].sort() };
}

export function priorityLabel(policy: Pick<SlaPolicy, 'priorityLabels'>, priority: Priority): string {
  return policy.priorityLabels[priority];
}

/** Human summary such as "30 business days". */
export function describeDuration(duration: SlaDuration): string {
  const unit = duration.unit === 'business-days' ? 'business day' : 'day';
  return `${duration.amount} ${unit}${duration.amount === 1 ? '' : 's'}`;
}

