import type { ActionItem, Priority } from '../model/action-item';
import type { Incident } from '../model/incident';
import { policyDueAt } from './due-date';
import type { SlaPolicy } from './sla-policy';
import { isClosed } from './sla-state';

type PlanItem = Pick<ActionItem, 'id' | 'incidentId' | 'priority' | 'status' | 'dueAt' | 'dueSetByHand' | 'createdAt'>;
type PlanIncident = Pick<Incident, 'id' | 'reviewAt' | 'resolvedAt'>;

export interface DueDateChange {
  itemId: string;
  incidentId: string;
  oldDueAt: number | null;
  newDueAt: number;
}

export type RecomputeSkipReason = 'closed' | 'set-by-hand' | 'incident-missing';

export interface RecomputePlan {
  /** Only items whose due date actually moves. */
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
    const newDueAt = policyDueAt(item, incident, policy, timeZone);
    if (newDueAt !== item.dueAt) plan.changes.push({ itemId: item.id, incidentId: item.incidentId, oldDueAt: item.dueAt, newDueAt });
  }
  return plan;
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
  return plan.changes[0] ?? null;
}

function skipReason(item: PlanItem, incidents: ReadonlyMap<string, PlanIncident>): RecomputeSkipReason | null {
  if (isClosed(item.status)) return 'closed';
  if (item.dueSetByHand) return 'set-by-hand';
  if (!incidents.has(item.incidentId)) return 'incident-missing';
  return null;
}
