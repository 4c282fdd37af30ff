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
  LINEAR_PRIORITY,
  type HandoffItem,
  type HandoffOptions,
} from './handoff-item';

/** Linear's default workflow has no Blocked state; blocked items go In Progress with a label. */
export const LINEAR_STATUS: Readonly<Record<ActionStatus, string>> = {
  open: 'Todo',
  'in-progress': 'In Progress',
  blocked: 'In Progress',
  done: 'Done',
  'wont-do': 'Canceled',
};

export const BLOCKED_LABEL = 'blocked';

/** Linear CSV import file: labels in one ", "-separated cell. */
export function linearCsv(items: readonly HandoffItem[], options: HandoffOptions): string {
  const header = ['Title', 'Description', 'Status', 'Priority', 'Assignee', 'Labels', 'Due Date', DEBRIEF_ID_COLUMN, DEBRIEF_UPDATED_COLUMN];
  const rows = items.map((h) => {
    const labels = handoffLabels(h, options);
    if (h.item.status === 'blocked') labels.unshift(BLOCKED_LABEL);
    return [
      h.item.title,
      handoffDescription(h),
      LINEAR_STATUS[h.item.status],
      LINEAR_PRIORITY[h.item.priority],
      handoffAssignee(h),
      labels.join(', '),
      handoffDueDate(h, options),
      h.item.id,
      handoffBaseline(h),
    ];
  });
  return toSafeCsv(header, rows);
}
