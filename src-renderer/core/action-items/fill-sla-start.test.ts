import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../model/action-item';
import { computeDueAt } from './due-date';
import { fillSlaStart } from './fill-sla-start';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from './sla-policy';

const policy = structuredClone(DEFAULT_SLA_POLICY) as SlaPolicy;
const REVIEW = Date.parse('2024-06-18T00:00:00Z');
const RESOLVED = Date.parse('2024-06-13T02:00:00Z');
const incident = { reviewAt: REVIEW, resolvedAt: RESOLVED };

/** A version-4 item: no slaStartAt field at all. */
function v4Item(fields: Partial<ActionItem>): Pick<ActionItem, 'createdAt' | 'priority' | 'dueAt' | 'dueSetByHand' | 'slaStartAt'> {
  return { createdAt: Date.parse('2024-06-19T09:00:00Z'), priority: 'P2', dueAt: null, dueSetByHand: false, ...fields };
}

describe('filling the SLA start of an item stored without one', () => {
  it('takes the start the policy counted its due date from', () => {
    const dueAt = computeDueAt(REVIEW, 'P2', policy, 'UTC');
    expect(fillSlaStart(v4Item({ dueAt }), incident, policy, 'UTC').slaStartAt).toBe(REVIEW);
    const fromResolution = { ...policy, countFrom: 'resolution' as const };
    const dueFromResolution = computeDueAt(RESOLVED, 'P2', fromResolution, 'UTC');
    expect(fillSlaStart(v4Item({ dueAt: dueFromResolution }), incident, fromResolution, 'UTC').slaStartAt).toBe(RESOLVED);
  });

  it('counts a date set by hand from nothing', () => {
    expect(fillSlaStart(v4Item({ dueAt: Date.parse('2024-08-01T00:00:00Z'), dueSetByHand: true }), incident, policy, 'UTC').slaStartAt).toBeNull();
  });

  it('leaves the start unknown when the due date is not what the policy gives today', () => {
    const moved = computeDueAt(REVIEW, 'P2', policy, 'UTC') + 86_400_000;
    expect(fillSlaStart(v4Item({ dueAt: moved }), incident, policy, 'UTC')).not.toHaveProperty('slaStartAt');
    expect(fillSlaStart(v4Item({ dueAt: moved }), null, policy, 'UTC')).not.toHaveProperty('slaStartAt');
  });

  it('keeps a start that is already stored', () => {
    const item = v4Item({ dueAt: 5, slaStartAt: 1 });
    expect(fillSlaStart(item, incident, policy, 'UTC')).toBe(item);
  });
});
