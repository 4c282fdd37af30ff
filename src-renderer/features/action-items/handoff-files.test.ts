import { describe, expect, it } from 'vitest';
import { buildActionItem } from '@core/action-items/item-builder';
import { DEFAULT_PRIORITY_LABELS } from '@core/action-items/sla-policy';
import { planStatusImport } from '@core/action-items/status-import';
import { fileStem, handoffFile, toHandoffItems } from './handoff-files';

const ZONE = 'Europe/Berlin';
const items = [
  buildActionItem({ id: 'a1', title: 'Alert on 5xx rate', dueAt: Date.UTC(2024, 6, 1, 21, 59, 59, 999), ownerId: 'p1', ownerName: 'Priya' }),
  buildActionItem({ id: 'a2', title: 'Write runbook', dueAt: null }),
];
const handoff = toHandoffItems(items, () => 'Checkout 5xx', new Map([['p1', { email: 'priya@example.com' }]]));
const options = { timeZone: ZONE, now: Date.UTC(2024, 5, 25), scope: 'Checkout 5xx / “June”', priorityLabels: DEFAULT_PRIORITY_LABELS };

describe('hand-off files', () => {
  it('names files from the scope and the format', () => {
    expect(fileStem('Checkout 5xx / “June”')).toBe('checkout-5xx-june');
    expect(fileStem('***')).toBe('action-items');
    expect(handoffFile('jira', handoff, options).suggestedName).toBe('checkout-5xx-june-action-items-jira.csv');
    expect(handoffFile('ical', handoff, options).mimeType).toBe('text/calendar');
  });

  it('assigns by the owner’s email and writes the local due date', () => {
    const csv = handoffFile('jira', handoff, options).data;
    expect(csv).toContain('priya@example.com');
    expect(csv).toContain('2024-07-01');
  });

  it('an exported Jira CSV with a changed status comes back as that one change', () => {
    const csv = handoffFile('jira', handoff, options).data.replace('To Do', 'Done');
    const people = new Map([['p1', { displayName: 'Priya', email: 'priya@example.com' }]]);
    const plan = planStatusImport(csv, { items, timeZone: ZONE, people });
    expect(plan.items).toEqual([expect.objectContaining({ itemId: 'a1', changes: [{ field: 'status', from: 'open', to: 'done' }], conflicts: [] })]);
  });
});
