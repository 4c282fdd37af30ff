import { ACTION_STATUSES, PRIORITIES, type ActionKind, type ActionStatus, type Priority } from '@core/model/action-item';

export const STATUS_LABEL: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  'wont-do': "Won't do",
};

export const KIND_LABEL: Readonly<Record<ActionKind, string>> = {
  mitigate: 'Mitigate',
  prevent: 'Prevent',
  detect: 'Detect',
  process: 'Process',
};

// Won't do is left out of the cycle: it needs a reason, so it is only reached on purpose (5).
const CYCLE: readonly ActionStatus[] = ['open', 'in-progress', 'blocked', 'done'];

/** The status `s` moves to. */
export function nextStatus(status: ActionStatus): ActionStatus {
  const at = CYCLE.indexOf(status);
  return CYCLE[(at + 1) % CYCLE.length] ?? 'open';
}

/** The status a digit key 1..5 sets, in the order the statuses are listed. */
export function statusForDigit(key: string): ActionStatus | null {
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= ACTION_STATUSES.length ? (ACTION_STATUSES[n - 1] ?? null) : null;
}

/** The priority `p` moves to: P1 → P2 → P3 → P4 → P1. */
export function nextPriority(priority: Priority): Priority {
  return PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length] ?? 'P1';
}
