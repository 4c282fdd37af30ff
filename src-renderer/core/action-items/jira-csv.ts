import type { ActionStatus } from '../model/action-item';
import { toSafeCsv } from './csv-safety';
import {
  DEBRIEF_ID_COLUMN,
  DEBRIEF_UPDATED_COLUMN,
  handoffAssignee,
  handoffBaseline,
  handoffDescription,
  handoffDueDate,
  handoffLabels,
  JIRA_PRIORITY,
  type HandoffItem,
  type HandoffOptions,
} from './handoff-item';

/** Names of Jira's default workflow; Blocked and Won't Do exist in most team-managed projects. */
export const JIRA_STATUS: Readonly<Record<ActionStatus, string>> = {
  open: 'To Do',
  'in-progress': 'In Progress',
  blocked: 'Blocked',
  done: 'Done',
  'wont-do': "Won't Do",
};

/**
 * Jira CSV import file. Labels repeat as columns (Jira's rule for several values); the id label
 * `debrief-<id>` plus the Debrief ID and Debrief Updated columns let an edited copy come back
 * through status import. Jira lets the user skip unmapped columns.
 */
export function jiraCsv(items: readonly HandoffItem[], options: HandoffOptions): string {
  const labels = items.map((h) => handoffLabels(h, options));
  const labelColumns = Math.max(1, ...labels.map((l) => l.length));
  const header = [
    'Summary',
    'Description',
    'Issue Type',
    'Priority',
    'Status',
    'Due Date',
    'Assignee',
    ...Array.from({ length: labelColumns }, () => 'Labels'),
    DEBRIEF_ID_COLUMN,
    DEBRIEF_UPDATED_COLUMN,
  ];
  const rows = items.map((h, i) => [
    h.item.title,
    handoffDescription(h),
    'Task',
    JIRA_PRIORITY[h.item.priority],
    JIRA_STATUS[h.item.status],
    handoffDueDate(h, options),
    handoffAssignee(h),
    ...Array.from({ length: labelColumns }, (_, k) => labels[i]?.[k] ?? ''),
    h.item.id,
    handoffBaseline(h),
  ]);
  return toSafeCsv(header, rows);
}
