import type { ActionStatus } from '../model/action-item';

// Status names of Debrief, Jira's and Linear's default workflows and common synonyms.
const STATUS_NAMES: Readonly<Record<string, ActionStatus>> = {
  open: 'open',
  'to do': 'open',
  todo: 'open',
  backlog: 'open',
  triage: 'open',
  new: 'open',
  reopened: 'open',
  'in-progress': 'in-progress',
  'in progress': 'in-progress',
  'in review': 'in-progress',
  started: 'in-progress',
  doing: 'in-progress',
  blocked: 'blocked',
  'on hold': 'blocked',
  done: 'done',
  closed: 'done',
  resolved: 'done',
  completed: 'done',
  complete: 'done',
  fixed: 'done',
  'wont-do': 'wont-do',
  "won't do": 'wont-do',
  'wont do': 'wont-do',
  "won't fix": 'wont-do',
  'wont fix': 'wont-do',
  canceled: 'wont-do',
  cancelled: 'wont-do',
  duplicate: 'wont-do',
  declined: 'wont-do',
  rejected: 'wont-do',
};

/** The Debrief status a tracker status name means, or null when it is not one we know. */
export function statusFromName(name: string): ActionStatus | null {
  const key = name.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  return Object.hasOwn(STATUS_NAMES, key) ? (STATUS_NAMES[key] ?? null) : null;
}
