import { describe, expect, it } from 'vitest';
import { buildActionItem } from '@core/action-items/item-builder';
import type { SlaState } from '@core/action-items/sla-state';
import type { ItemRow } from './item-filters';
import { attentionRows, liveSnoozes, NOTIFY_EVERY_MS, planNotifications, snoozeUntil } from './notification-plan';

const NOW = Date.UTC(2024, 6, 1, 9);
const HOUR = 60 * 60 * 1000;
const row = (id: string, state: SlaState, dueAt = NOW + HOUR): ItemRow => ({
  item: buildActionItem({ id, title: `Item ${id}`, dueAt, ownerName: 'Priya' }),
  incident: { id: 'inc-1', title: 'Checkout 5xx', severity: 'SEV2' },
  state,
});
const describeDue = () => 'Mon 1 Jul';

describe('planNotifications', () => {
  it('notifies due-soon and overdue items once and records when', () => {
    const rows = [row('a', 'due-soon'), row('b', 'overdue'), row('c', 'on-track'), row('d', 'met')];
    const plan = planNotifications(rows, {}, {}, NOW, describeDue);
    expect(plan.notices.map((n) => n.title)).toEqual(['Overdue: Item b', 'Due soon: Item a']);
    expect(plan.notices[0]?.body).toContain('owner Priya');
    expect(plan.log).toEqual({ a: { 'due-soon': NOW }, b: { overdue: NOW } });
  });

  it('does not repeat a state within a day, but does the next day and when the state changes', () => {
    const first = planNotifications([row('a', 'due-soon')], {}, {}, NOW, describeDue);
    const hourLater = planNotifications([row('a', 'due-soon')], first.log, {}, NOW + HOUR, describeDue);
    expect(hourLater.notices).toEqual([]);
    const nowOverdue = planNotifications([row('a', 'overdue')], first.log, {}, NOW + 2 * HOUR, describeDue);
    expect(nowOverdue.notices.map((n) => n.title)).toEqual(['Overdue: Item a']);
    const nextDay = planNotifications([row('a', 'due-soon')], first.log, {}, NOW + NOTIFY_EVERY_MS, describeDue);
    expect(nextDay.notices).toHaveLength(1);
  });

  it('stays quiet for a snoozed item until the snooze ends', () => {
    const snoozes = { a: snoozeUntil(NOW, 'day') };
    expect(planNotifications([row('a', 'overdue')], {}, snoozes, NOW, describeDue).notices).toEqual([]);
    expect(planNotifications([row('a', 'overdue')], {}, snoozes, NOW + NOTIFY_EVERY_MS, describeDue).notices).toHaveLength(1);
    expect(snoozeUntil(NOW, 'week') - NOW).toBe(7 * NOTIFY_EVERY_MS);
  });

  it('sends one summary instead of a flood, still logging every item', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'].map((id, i) => row(id, i < 2 ? 'overdue' : 'due-soon'));
    const plan = planNotifications(rows, {}, {}, NOW, describeDue);
    expect(plan.notices).toEqual([{ title: '5 action items need attention', body: expect.stringContaining('2 overdue, 3 due soon') }]);
    expect(Object.keys(plan.log)).toHaveLength(5);
  });

  it('forgets log entries of items that no longer exist', () => {
    const plan = planNotifications([row('a', 'on-track')], { a: { overdue: NOW - HOUR }, gone: { overdue: NOW - HOUR } }, {}, NOW, describeDue);
    expect(plan.log).toEqual({ a: { overdue: NOW - HOUR } });
  });
});

describe('attention list and snoozes', () => {
  it('lists overdue first, then due soon by due date, leaving snoozed items out', () => {
    const rows = [row('soon-late', 'due-soon', NOW + 3 * HOUR), row('soon-early', 'due-soon', NOW + HOUR), row('late', 'overdue', NOW - HOUR), row('z', 'overdue')];
    const ids = attentionRows(rows, { z: NOW + HOUR }, NOW).map((r) => r.item.id);
    expect(ids).toEqual(['late', 'soon-early', 'soon-late']);
  });

  it('drops ended snoozes', () => {
    expect(liveSnoozes({ a: NOW - 1, b: NOW + 1 }, NOW)).toEqual({ b: NOW + 1 });
  });
});
