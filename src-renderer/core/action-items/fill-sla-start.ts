import type { ActionItem } from '../model/action-item';
import type { Incident } from '../model/incident';
import { policyDue } from './due-date';
import type { SlaPolicy } from './sla-policy';

type FillItem = Pick<ActionItem, 'createdAt' | 'priority' | 'dueAt' | 'dueSetByHand' | 'slaStartAt'>;

/**
 * The SLA start an item stored before `slaStartAt` existed (version 4) counted from, recovered
 * once where it enters the library (upgrade, restore): a date set by hand counts from nothing
 * (null); a due date the policy gives from the incident's dates came from that start. A due date
 * the policy no longer gives (the policy or the incident's dates changed since) leaves the start
 * unknown: it stays unset and the item counts from the incident's current dates, as before.
 * Items that already carry a start are returned as they are.
 */
export function fillSlaStart<T extends FillItem>(item: T, incident: Pick<Incident, 'reviewAt' | 'resolvedAt'> | null, policy: SlaPolicy, timeZone: string): T {
  if (item.slaStartAt !== undefined) return item;
  if (item.dueSetByHand) return { ...item, slaStartAt: null };
  if (!incident || item.dueAt === null) return item;
  const due = policyDue(item, incident, policy, timeZone);
  return due.dueAt === item.dueAt ? { ...item, slaStartAt: due.slaStartAt } : item;
}
