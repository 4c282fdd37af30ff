import { complianceOver, type Compliance, type Period } from '../action-items/compliance';
import { isClosed } from '../action-items/sla-state';
import { PRIORITIES, type ActionItem, type Priority } from '../model/action-item';

type Item = Pick<ActionItem, 'id' | 'title' | 'incidentId' | 'ownerName' | 'priority' | 'status' | 'dueAt' | 'completedAt' | 'updatedAt' | 'createdAt'>;

export const NO_OWNER = 'No owner';
const ownerOf = (item: Item) => item.ownerName.trim() || NO_OWNER;

export interface OpenCounts {
  byPriority: Record<Priority, number>;
  byOwner: { owner: string; count: number; ids: string[] }[];
}

/** Open action items (not done, not won't-do) counted by priority and by owner. */
export function openItems(items: readonly Item[]): OpenCounts {
  const byPriority: Record<Priority, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
  const owners = new Map<string, { owner: string; count: number; ids: string[] }>();
  for (const item of items) {
    if (isClosed(item.status)) continue;
    byPriority[item.priority] += 1;
    const owner = ownerOf(item);
    const entry = owners.get(owner) ?? { owner, count: 0, ids: [] };
    entry.count += 1;
    entry.ids.push(item.id);
    owners.set(owner, entry);
  }
  return { byPriority, byOwner: [...owners.values()].sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner)) };
}

export interface ComplianceRow extends Compliance {
  key: string;
}

/** SLA compliance of the items closed in the period, per owner and per priority. */
export function complianceBreakdown(items: readonly Item[], period: Period): { byOwner: ComplianceRow[]; byPriority: ComplianceRow[] } {
  const owners = new Map<string, Item[]>();
  for (const item of items) {
    const list = owners.get(ownerOf(item)) ?? [];
    list.push(item);
    owners.set(ownerOf(item), list);
  }
  const byOwner = [...owners.entries()]
    .map(([key, list]) => ({ key, ...complianceOver(list, period) }))
    .filter((r) => r.closed > 0)
    .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0) || a.key.localeCompare(b.key));
  const byPriority = PRIORITIES.map((p) => ({ key: p, ...complianceOver(items.filter((i) => i.priority === p), period) }));
  return { byOwner, byPriority };
}

export interface OverdueItem {
  id: string;
  incidentId: string;
  title: string;
  owner: string;
  priority: Priority;
  /** Whole days past the due date. */
  daysOverdue: number;
}

export const OVERDUE_BUCKETS = ['under 7 days', '7–30 days', '30–90 days', '90 days or more'] as const;

export function overdueBucket(days: number): (typeof OVERDUE_BUCKETS)[number] {
  if (days < 7) return 'under 7 days';
  if (days < 30) return '7–30 days';
  if (days < 90) return '30–90 days';
  return '90 days or more';
}

/** Open items past their due date at `now`, the longest overdue first. */
export function overdueItems(items: readonly Item[], now: number): OverdueItem[] {
  return items
    .filter((i) => !isClosed(i.status) && i.dueAt !== null && now > i.dueAt)
    .map((i) => ({ id: i.id, incidentId: i.incidentId, title: i.title, owner: ownerOf(i), priority: i.priority, daysOverdue: Math.floor((now - (i.dueAt as number)) / 86_400_000) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.title.localeCompare(b.title));
}
