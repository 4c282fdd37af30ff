import type { ActionItem, Priority } from '../model/action-item';
import type { Incident } from '../model/incident';
import { policyDue } from './due-date';
import type { SlaPolicy } from './sla-policy';
import { isClosed } from './sla-state';

type PlanItem = Pick<ActionItem, 'id' | 'incidentId' | 'priority' | 'status' | 'dueAt' | 'dueSetByHand' | 'createdAt' | 'slaStartAt'>;
type PlanIncident = Pick<Incident, 'id' | 'reviewAt' | 'resolvedAt'>;

export interface DueDateChange {
  itemId: string;
  incidentId: string;
  oldDueAt: number | null;
  newDueAt: number;
  /** The SLA start the new date counts from, stored with it. */
  newSlaStartAt: number;
}

export type RecomputeSkipReason = 'closed' | 'set-by-hand' | 'incident-missing';

export interface RecomputePlan {
  /** Items whose due date moves, or whose kept SLA start does (the date staying the same day). */
  changes: DueDateChange[];
  skipped: { itemId: string; reason: RecomputeSkipReason }[];
}

/**
 * Due dates a policy (or zone) change would move, for the UI to preview before applying.
 * Closed items keep the date they were judged against, and a date set by hand is the user's
 * decision, so both are left alone and listed as skipped.
 */
export function planPolicyChange(
  items: readonly PlanItem[],
  incidents: ReadonlyMap<string, PlanIncident>,
  policy: SlaPolicy,
  timeZone: string,
): RecomputePlan {
  const plan: RecomputePlan = { changes: [], skipped: [] };
  for (const item of items) {
    const reason = skipReason(item, incidents);
    if (reason) {
      plan.skipped.push({ itemId: item.id, reason });
      continue;
    }
    const incident = incidents.get(item.incidentId) as PlanIncident;
    const next = policyDue(item, incident, policy, timeZone);
    if (next.dueAt !== item.dueAt || next.slaStartAt !== item.slaStartAt) {
      plan.changes.push({ itemId: item.id, incidentId: item.incidentId, oldDueAt: item.dueAt, newDueAt: next.dueAt, newSlaStartAt: next.slaStartAt });
    }
  }
  return plan;
}

/** The changes that move a due date: what a preview lists and counts ("N due dates will move"). */
export function dueMoves(plan: RecomputePlan): DueDateChange[] {
  return plan.changes.filter((c) => c.newDueAt !== c.oldDueAt);
}

/** The due-date move a priority change causes, or null when the date stays. */
export function planPriorityChange(
  item: PlanItem,
  newPriority: Priority,
  incident: PlanIncident | undefined,
  policy: SlaPolicy,
  timeZone: string,
): DueDateChange | null {
  const incidents = new Map<string, PlanIncident>(incident ? [[item.incidentId, incident]] : []);
  const plan = planPolicyChange([{ ...item, priority: newPriority }], incidents, policy, timeZone);
  return dueMoves(plan)[0] ?? null;
}

function skipReason(item: PlanItem, incidents: ReadonlyMap<string, PlanIncident>): RecomputeSkipReason | null {
  if (isClosed(item.status)) return 'closed';
  if (item.dueSetByHand) return 'set-by-hand';
  if (!incidents.has(item.incidentId)) return 'incident-missing';
  return null;
}
