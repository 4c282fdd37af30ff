import { describe, expect, it } from 'vitest';
import { buildActionItem } from './item-builder';
import { DUE_SOON_MIN_MS, slaState } from './sla-state';

const DAY = 24 * 60 * 60 * 1000;
const start = Date.UTC(2024, 0, 1);

describe('slaState for closed items', () => {
  const dueAt = start + 30 * DAY;

  it.each(['done', 'wont-do'] as const)('%s is met up to and including the due instant, missed 1 ms after', (status) => {
    const at = (completedAt: number) => slaState(buildActionItem({ id: 'a', status, dueAt, completedAt }), { now: dueAt + 100 * DAY });
    expect(at(dueAt - 1)).toBe('met');
    expect(at(dueAt)).toBe('met');
    expect(at(dueAt + 1)).toBe('missed');
  });

  it('judges a closed item without completedAt by its updatedAt', () => {
    const item = (updatedAt: number) => buildActionItem({ id: 'a', status: 'done', dueAt, completedAt: null, updatedAt });
    expect(slaState(item(dueAt), { now: 0 })).toBe('met');
    expect(slaState(item(dueAt + 1), { now: 0 })).toBe('missed');
  });

  it('reports no-due-date whatever the status', () => {
    expect(slaState(buildActionItem({ id: 'a', status: 'done', dueAt: null, completedAt: 5 }), { now: 0 })).toBe('no-due-date');
    expect(slaState(buildActionItem({ id: 'a', status: 'open', dueAt: null }), { now: 0 })).toBe('no-due-date');
  });
});

describe('slaState for open items', () => {
  it.each(['open', 'in-progress', 'blocked'] as const)('%s is overdue only after the due instant', (status) => {
    const dueAt = start + 30 * DAY;
    const at = (now: number) => slaState(buildActionItem({ id: 'a', status, dueAt }), { now, startAt: start });
    expect(at(dueAt)).toBe('due-soon');
    expect(at(dueAt + 1)).toBe('overdue');
  });

  it('is due soon inside the last 20% of a long SLA window', () => {
    // 30-day window: 20% is 6 days, larger than the 2-day floor.
    const dueAt = start + 30 * DAY;
    const soonFrom = dueAt - 6 * DAY;
    const at = (now: number) => slaState(buildActionItem({ id: 'a', dueAt }), { now, startAt: start });
    expect(at(soonFrom - 1)).toBe('on-track');
    expect(at(soonFrom)).toBe('on-track'); // exactly 20% left is not "less than" 20%
    expect(at(soonFrom + 1)).toBe('due-soon');
  });

  it('is due soon inside the last 2 days of a short SLA window', () => {
    // 7-day window: 20% is 1.4 days, so the 2-day floor decides.
    const dueAt = start + 7 * DAY;
    const at = (now: number) => slaState(buildActionItem({ id: 'a', dueAt }), { now, startAt: start });
    expect(at(dueAt - DUE_SOON_MIN_MS - 1)).toBe('on-track');
    expect(at(dueAt - DUE_SOON_MIN_MS)).toBe('on-track');
    expect(at(dueAt - DUE_SOON_MIN_MS + 1)).toBe('due-soon');
  });

  it('measures the window from createdAt when no SLA start is given', () => {
    const createdAt = start;
    const dueAt = start + 100 * DAY;
    const item = buildActionItem({ id: 'a', createdAt, dueAt });
    expect(slaState(item, { now: dueAt - 20 * DAY })).toBe('on-track');
    expect(slaState(item, { now: dueAt - 20 * DAY + 1 })).toBe('due-soon');
    // With a later SLA start the window shrinks to 50 days, so 10 days left is the boundary.
    expect(slaState(item, { now: dueAt - 15 * DAY, startAt: dueAt - 50 * DAY })).toBe('on-track');
    expect(slaState(item, { now: dueAt - 10 * DAY + 1, startAt: dueAt - 50 * DAY })).toBe('due-soon');
  });

  it('is due soon, not on track, when the due date was set before its window start', () => {
    const dueAt = start;
    const item = buildActionItem({ id: 'a', dueAt });
    expect(slaState(item, { now: dueAt - 3 * DAY, startAt: start + DAY })).toBe('on-track');
    expect(slaState(item, { now: dueAt - DAY, startAt: start + DAY })).toBe('due-soon');
  });
});
