import type { ActionItem, ActionKind, Priority } from '../model/action-item';
import { localDateKey } from './due-date';

/** One action item with what an export needs beyond the item itself. */
export interface HandoffItem {
  item: ActionItem;
  incidentTitle: string;
  /** Owner's email when their person record has one; trackers assign by email. */
  ownerEmail: string | null;
}

export interface HandoffOptions {
  /** The user's zone; due dates are written as the local date in it. */
  timeZone: string;
  /** Labels added to every item, e.g. "postmortem". */
  extraLabels?: readonly string[];
}

const ID_LABEL_PREFIX = 'debrief-';

/** The label that carries the item id through a tracker and back. */
export function debriefIdLabel(itemId: string): string {
  return `${ID_LABEL_PREFIX}${itemId}`;
}

/** The item id inside a `debrief-<id>` label, or null. */
export function idFromDebriefLabel(label: string): string | null {
  const trimmed = label.trim();
  return trimmed.startsWith(ID_LABEL_PREFIX) && trimmed.length > ID_LABEL_PREFIX.length ? trimmed.slice(ID_LABEL_PREFIX.length) : null;
}

/** Jira's default priority scheme. */
export const JIRA_PRIORITY: Readonly<Record<Priority, string>> = { P1: 'Highest', P2: 'High', P3: 'Medium', P4: 'Low' };

/** Linear's fixed priority names (its CSV also accepts "No priority"). */
export const LINEAR_PRIORITY: Readonly<Record<Priority, string>> = { P1: 'Urgent', P2: 'High', P3: 'Medium', P4: 'Low' };

const KIND_LABEL: Readonly<Record<ActionKind, string>> = {
  mitigate: 'mitigate',
  prevent: 'prevent',
  detect: 'detect',
  process: 'process',
};

/** Labels without spaces (Jira splits on them): extra labels, the kind, then the id label. */
export function handoffLabels(h: HandoffItem, options: HandoffOptions): string[] {
  const labels = [...(options.extraLabels ?? []), KIND_LABEL[h.item.kind], debriefIdLabel(h.item.id)].map((l) =>
    l.trim().replace(/\s+/g, '-'),
  );
  return [...new Set(labels.filter((l) => l.length > 0))];
}

/** Due date as the user's local `YYYY-MM-DD`, or '' when there is none. */
export function handoffDueDate(h: HandoffItem, options: HandoffOptions): string {
  return h.item.dueAt === null ? '' : localDateKey(h.item.dueAt, options.timeZone);
}

/** Description plus where it came from, so the tracker issue makes sense on its own. */
export function handoffDescription(h: HandoffItem): string {
  const origin = `From the incident review of "${h.incidentTitle}".`;
  return h.item.description.trim() ? `${h.item.description.trim()}\n\n${origin}` : origin;
}

/** Assignee as trackers take it: the email when known, else the name. */
export function handoffAssignee(h: HandoffItem): string {
  return h.ownerEmail ?? h.item.ownerName;
}

/** Item's updatedAt at export time; status import compares against it to find conflicts. */
export function handoffBaseline(h: HandoffItem): string {
  return new Date(h.item.updatedAt).toISOString();
}

export const DEBRIEF_ID_COLUMN = 'Debrief ID';
export const DEBRIEF_UPDATED_COLUMN = 'Debrief Updated';
