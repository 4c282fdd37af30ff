import type { ActionItem } from '../model/action-item';
import { describe, expect, it } from 'vitest';
import { computeDueAt } from './due-date';
import { buildActionItem } from './item-builder';
import { dueMoves, planPolicyChange, planPriorityChange } from './recompute';
import { slaPreset } from './sla-policy';

const tz = 'Europe/London';
const reviewAt = Date.parse('2024-06-20T14:00:00Z');
const incident = { id: 'inc-1', reviewAt, resolvedAt: Date.parse('2024-06-13T07:00:00Z') };
const incidents = new Map([[incident.id, incident]]);
const debrief = slaPreset('debrief');
const atlassian = slaPreset('atlassian');

const onDebrief = (id: string, fields: Partial<ActionItem> = {}) =>
  buildActionItem({ id, priority: 'P1', dueAt: computeDueAt(reviewAt, 'P1', debrief, tz), slaStartAt: reviewAt, ...fields });

describe('planPolicyChange', () => {
  it('moves open items that follow the policy and leaves the rest, saying why', () => {
    const items = [
      onDebrief('open'),
      onDebrief('blocked', { status: 'blocked' }),
      onDebrief('by-hand', { dueSetByHand: true }),
      onDebrief('done', { status: 'done', completedAt: reviewAt }),
      onDebrief('wont', { status: 'wont-do', completedAt: reviewAt }),
      onDebrief('orphan', { incidentId: 'gone' }),
    ];
    const plan = planPolicyChange(items, incidents, atlassian, tz);
    const newDueAt = computeDueAt(reviewAt, 'P1', atlassian, tz);
    expect(plan.changes).toEqual([
      { itemId: 'open', incidentId: 'inc-1', oldDueAt: items[0]?.dueAt, newDueAt, newSlaStartAt: reviewAt },
      { itemId: 'blocked', incidentId: 'inc-1', oldDueAt: items[1]?.dueAt, newDueAt, newSlaStartAt: reviewAt },
    ]);
    expect(plan.skipped).toEqual([
      { itemId: 'by-hand', reason: 'set-by-hand' },
      { itemId: 'done', reason: 'closed' },
      { itemId: 'wont', reason: 'closed' },
      { itemId: 'orphan', reason: 'incident-missing' },
    ]);
  });

  it('lists nothing when the new policy gives the same dates', () => {
    const plan = planPolicyChange([onDebrief('a'), onDebrief('b')], incidents, slaPreset('debrief'), tz);
    expect(plan.changes).toEqual([]);
  });

  it('gives items without a due date one', () => {
    const plan = planPolicyChange([onDebrief('a', { dueAt: null })], incidents, debrief, tz);
    expect(plan.changes).toEqual([{ itemId: 'a', incidentId: 'inc-1', oldDueAt: null, newDueAt: computeDueAt(reviewAt, 'P1', debrief, tz), newSlaStartAt: reviewAt }]);
  });

  it('follows a switch of counting from the review to the resolution', () => {
    const fromResolution = { ...debrief, countFrom: 'resolution' as const };
    const [change] = planPolicyChange([onDebrief('a')], incidents, fromResolution, tz).changes;
    expect(change?.newDueAt).toBe(computeDueAt(incident.resolvedAt, 'P1', debrief, tz));
    expect(change?.newSlaStartAt).toBe(incident.resolvedAt);
  });

  it('follows the incident’s new review date, and keeps a start that moved within the same day without counting a move', () => {
    const later = { ...incident, reviewAt: Date.parse('2024-06-27T09:00:00Z') };
    const [moved] = planPolicyChange([onDebrief('a')], new Map([[incident.id, later]]), debrief, tz).changes;
    expect(moved).toMatchObject({ newDueAt: computeDueAt(later.reviewAt, 'P1', debrief, tz), newSlaStartAt: later.reviewAt });
    const sameDay = { ...incident, reviewAt: reviewAt + 60 * 60 * 1000 };
    const plan = planPolicyChange([onDebrief('a')], new Map([[incident.id, sameDay]]), debrief, tz);
    expect(plan.changes).toEqual([{ itemId: 'a', incidentId: 'inc-1', oldDueAt: onDebrief('a').dueAt, newDueAt: onDebrief('a').dueAt, newSlaStartAt: sameDay.reviewAt }]);
    expect(dueMoves(plan)).toEqual([]);
  });
});

describe('planPriorityChange', () => {
  it('moves the due date to the new priority', () => {
    const change = planPriorityChange(onDebrief('a'), 'P3', incident, debrief, tz);
    expect(change).toEqual({ itemId: 'a', incidentId: 'inc-1', oldDueAt: computeDueAt(reviewAt, 'P1', debrief, tz), newDueAt: computeDueAt(reviewAt, 'P3', debrief, tz), newSlaStartAt: reviewAt });
  });

  it('leaves a hand-set or closed item alone', () => {
    expect(planPriorityChange(onDebrief('a', { dueSetByHand: true }), 'P3', incident, debrief, tz)).toBeNull();
    expect(planPriorityChange(onDebrief('a', { status: 'done' }), 'P3', incident, debrief, tz)).toBeNull();
    expect(planPriorityChange(onDebrief('a'), 'P3', undefined, debrief, tz)).toBeNull();
  });
});
