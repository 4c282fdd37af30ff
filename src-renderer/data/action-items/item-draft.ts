import { CodedError } from '@core/errors/coded-error';
import type { ActionItem, ActionKind, ActionStatus, Priority } from '@core/model/action-item';
import { parseTrackerLink } from '@core/action-items/tracker-link';

/** What a caller gives to create an item; everything but the title has a default. */
export interface ActionItemInput {
  incidentId: string;
  title: string;
  description?: string;
  ownerId?: string | null;
  ownerName?: string;
  priority?: Priority;
  status?: ActionStatus;
  wontDoReason?: string;
  kind?: ActionKind;
  /** A due date chosen by hand; omitted or null means "follow the SLA policy". */
  dueAt?: number | null;
  trackerUrl?: string;
  eventIds?: readonly string[];
  annotationIds?: readonly string[];
}

export type DraftField = 'title' | 'wontDoReason' | 'trackerUrl' | 'dueAt';

export interface DraftProblem {
  field: DraftField;
  message: string;
}

type Checked = Pick<ActionItem, 'title' | 'status' | 'wontDoReason' | 'trackerUrl'> & { dueAt?: number | null };

/** Problems that stop an item being saved, each naming its field. */
export function checkItemDraft(draft: Checked): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.title.trim() === '') problems.push({ field: 'title', message: 'Give the action item a title.' });
  if (draft.title.length > 300) problems.push({ field: 'title', message: 'Keep the title under 300 characters.' });
  if (draft.status === 'wont-do' && draft.wontDoReason.trim() === '') {
    problems.push({ field: 'wontDoReason', message: "Say why this won't be done; the review needs the reason." });
  }
  const link = parseTrackerLink(draft.trackerUrl);
  if (!link.ok) problems.push({ field: 'trackerUrl', message: link.message });
  if (draft.dueAt !== undefined && draft.dueAt !== null && !Number.isFinite(draft.dueAt)) {
    problems.push({ field: 'dueAt', message: 'The due date is not a valid date.' });
  }
  return problems;
}

export type ActionItemErrorCode = 'INVALID' | 'NOT_FOUND' | 'NO_INCIDENT';

export class ActionItemError extends CodedError<ActionItemErrorCode> {
  constructor(
    code: ActionItemErrorCode,
    message: string,
    readonly problems: DraftProblem[] = [],
  ) {
    super(code, message, { location: problems[0] ? { field: problems[0].field } : undefined });
  }
}
