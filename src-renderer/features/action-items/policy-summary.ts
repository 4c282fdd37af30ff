import type { Incident } from '@core/model/incident';
import { slaStart } from '@core/action-items/due-date';
import type { SlaPolicy } from '@core/action-items/sla-policy';

/**
 * What the header's "… from X" says. It follows slaStart (the one home of the fallback rule), so
 * when the chosen date is missing the header names the date due dates are really counted from.
 */
export function countFromText(
  policy: Pick<SlaPolicy, 'countFrom'>,
  incident?: Pick<Incident, 'reviewAt' | 'resolvedAt'>,
): string {
  const chosen = policy.countFrom === 'review' ? 'review' : 'resolution';
  const other = policy.countFrom === 'review' ? 'resolution' : 'review';
  if (!incident) return `from ${chosen} (or ${other} when an incident has no ${chosen} date)`;
  // createdAt 0 only marks "neither incident date is set"; the basis is what matters here.
  const { basis } = slaStart(incident, policy, { createdAt: 0 });
  if (basis === chosen) return `from ${chosen}`;
  if (basis === 'item-created') return `from each item's creation (no ${chosen} or ${other} date yet)`;
  return `from ${basis} (no ${chosen} date yet)`;
}
