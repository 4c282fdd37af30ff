import type { ActionItem, ActionStatus } from '../model/action-item';

export const SLA_STATES = ['on-track', 'due-soon', 'overdue', 'met', 'missed', 'no-due-date'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** An item is due soon inside the last 20% of its SLA window... */
export const DUE_SOON_PERCENT = 20;
/** ...or inside its last two days (48 h), whichever window is larger. */
export const DUE_SOON_MIN_MS = 2 * 24 * 60 * 60 * 1000;

const CLOSED: ReadonlySet<ActionStatus> = new Set(['done', 'wont-do']);

export function isClosed(status: ActionStatus): boolean {
  return CLOSED.has(status);
}

export interface SlaStateInput {
  now: number;
  /** Start of the SLA window (see slaStart); defaults to the item's creation. */
  startAt?: number;
}

/**
 * Derived on every read, never stored, so a change of policy, clock or zone shows at once.
 *
 * Boundaries (all inclusive of the due instant, which is the day's last millisecond):
 * - no dueAt: 'no-due-date', whatever the status.
 * - done or wont-do: 'met' when completedAt <= dueAt, else 'missed'. Won't-do counts like done:
 *   deciding in time not to do something is a timely closure, and deciding late is a miss, so
 *   neither outcome hides from compliance. A closed item with no completedAt is judged by
 *   updatedAt, the last moment it can have been closed.
 * - open, in-progress, blocked: 'overdue' when now > dueAt; 'due-soon' when the time left
 *   (dueAt - now) is < max(20% of (dueAt - startAt), 48 h); otherwise 'on-track'.
 */
export function slaState(
  item: Pick<ActionItem, 'status' | 'dueAt' | 'completedAt' | 'updatedAt' | 'createdAt'>,
  input: SlaStateInput,
): SlaState {
  const { dueAt } = item;
  if (dueAt === null) return 'no-due-date';
  if (isClosed(item.status)) {
    const closedAt = item.completedAt ?? item.updatedAt;
    return closedAt <= dueAt ? 'met' : 'missed';
  }
  const { now } = input;
  if (now > dueAt) return 'overdue';
  const remaining = dueAt - now;
  const window = Math.max(0, dueAt - (input.startAt ?? item.createdAt));
  // Integer percent keeps the boundary exact: 0.2 has no exact binary form.
  const soonWithin = Math.max((window * DUE_SOON_PERCENT) / 100, DUE_SOON_MIN_MS);
  return remaining < soonWithin ? 'due-soon' : 'on-track';
}

/** Labels for the states, used by lists, badges and exports alike. */
export const SLA_STATE_LABEL: Readonly<Record<SlaState, string>> = {
  'on-track': 'On track',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  met: 'Met SLA',
  missed: 'Missed SLA',
  'no-due-date': 'No due date',
};
