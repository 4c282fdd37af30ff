import { describe, expect, it } from 'vitest';
import { buildActionItem } from '@core/action-items/item-builder';
import { SLA_STATE_LABEL } from '@core/action-items/sla-state';
import { DEFAULT_PRIORITY_LABELS } from '@core/action-items/sla-policy';
import type { ActionItem } from '@core/model/action-item';
import { EMPTY_QUERY, endOfLocalWeek, filterRows, groupRows, sortByDue, toRows } from './item-filters';

const ZONE = 'Europe/Berlin';
const DAY = 24 * 60 * 60 * 1000;
// Wednesday 2024-07-03 10:00 UTC.
const NOW = Date.UTC(2024, 6, 3, 10);
const incidents = new Map([
  ['sev1', { id: 'sev1', title: 'Database down', severity: 'SEV1' as const, reviewAt: null, resolvedAt: null }],
  ['sev3', { id: 'sev3', title: 'Slow search', severity: 'SEV3' as const, reviewAt: null, resolvedAt: null }],
]);
const item = (id: string, fields: Partial<ActionItem>) => buildActionItem({ id, createdAt: NOW - 30 * DAY, ...fields });

const items = [
  item('overdue', { incidentId: 'sev1', dueAt: NOW - DAY, priority: 'P1', ownerName: 'Priya' }),
  item('friday', { incidentId: 'sev3', dueAt: Date.UTC(2024, 6, 5, 12), priority: 'P2', ownerName: 'tom' }),
  item('next-week', { incidentId: 'sev3', dueAt: NOW + 20 * DAY, priority: 'P3', ownerName: 'Priya' }),
  item('done', { incidentId: 'sev1', dueAt: NOW - 2 * DAY, status: 'done', completedAt: NOW - 3 * DAY, priority: 'P2' }),
  item('no-due', { incidentId: 'sev1', dueAt: null, priority: 'P4' }),
];
const rows = toRows(items, incidents, { countFrom: 'review' }, NOW);
const ids = (list: { item: { id: string } }[]) => list.map((r) => r.item.id);

describe('item rows', () => {
  it('derives each SLA state from now', () => {
    expect(rows.map((r) => r.state)).toEqual(['overdue', 'due-soon', 'on-track', 'met', 'no-due-date']);
  });

  it('filters overdue, due this week (local Monday–Sunday), by owner, priority and incident severity', () => {
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, overdue: true }, NOW, ZONE))).toEqual(['overdue']);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, dueThisWeek: true }, NOW, ZONE))).toEqual(['overdue', 'friday']);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, owner: 'priya' }, NOW, ZONE))).toEqual(['overdue', 'next-week']);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, priorities: ['P2'] }, NOW, ZONE))).toEqual(['friday', 'done']);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, severities: ['SEV3'] }, NOW, ZONE))).toEqual(['friday', 'next-week']);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, openOnly: true, text: 'database' }, NOW, ZONE))).toEqual(['overdue', 'no-due']);
  });

  it('ends the week on Sunday night in the viewer’s zone', () => {
    expect(new Date(endOfLocalWeek(NOW, ZONE)).toISOString()).toBe('2024-07-07T21:59:59.999Z');
  });

  it('sorts by due date with undated items last', () => {
    expect(ids(sortByDue(rows))).toEqual(['done', 'overdue', 'friday', 'next-week', 'no-due']);
  });

  it('groups worst state first, by priority and by owner with the unassigned last', () => {
    const labels = { state: { ...SLA_STATE_LABEL }, priority: { ...DEFAULT_PRIORITY_LABELS } };
    expect(groupRows(rows, 'state', labels).map((g) => g.label)).toEqual(['Overdue', 'Due soon', 'On track', 'No due date', 'Met SLA']);
    expect(groupRows(rows, 'priority', labels).map((g) => g.label)[0]).toBe('P1 · Urgent');
    expect(groupRows(rows, 'owner', labels).map((g) => [g.label, g.rows.length])).toEqual([
      ['Priya', 2],
      ['tom', 1],
      ['Unassigned', 2],
    ]);
    expect(groupRows(rows, 'severity', labels).map((g) => g.label)).toEqual(['SEV1', 'SEV3']);
  });
});
