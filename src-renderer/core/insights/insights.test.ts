import { describe, expect, it } from 'vitest';
import { catalogRow, type CatalogRow } from '../catalog/catalog-row';
import { emptyCatalog } from '../model/catalog';
import type { ActionItem } from '../model/action-item';
import type { Incident } from '../model/incident';
import { complianceBreakdown, openItems, overdueItems } from './action-stats';
import { monthsBetween } from './months';
import { quantile } from './quantile';
import { deployCounts, deployRelatedShare, filterRows, incidentsPerMonth, metricPerMonth, repeatIncidents } from './trends';

const DAY = 86_400_000;
const MIN = 60_000;

function row(id: string, start: string, extra: Partial<Incident> & { trigger?: string } = {}): CatalogRow {
  const startedAt = Date.parse(start);
  const { trigger = '', ...rest } = extra;
  return catalogRow(
    {
      id,
      title: id,
      severity: 'SEV2',
      status: 'closed',
      startedAt,
      detectedAt: startedAt + 10 * MIN,
      resolvedAt: null,
      reviewAt: null,
      timeZone: 'UTC',
      services: ['checkout'],
      commander: '',
      roles: [],
      summary: '',
      catalog: { ...emptyCatalog(), trigger },
      createdAt: startedAt,
      updatedAt: startedAt,
      deletedAt: null,
      ...rest,
    },
    [],
  );
}

describe('quantile', () => {
  it('interpolates between ranks like PERCENTILE.INC', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
  });
});

describe('trends', () => {
  const rows = [row('a', '2025-01-05T00:00:00Z'), row('b', '2025-01-20T00:00:00Z', { severity: 'SEV1', detectedAt: Date.parse('2025-01-20T00:30:00Z') }), row('c', '2025-03-01T00:00:00Z')];
  const months = monthsBetween(Date.parse('2025-01-01T00:00:00Z'), Date.parse('2025-03-31T00:00:00Z'));

  it('counts incidents per UTC month and severity, keeping the ids behind each bar', () => {
    expect(months).toEqual(['2025-01', '2025-02', '2025-03']);
    const per = incidentsPerMonth(rows, months);
    expect(per[0]?.counts).toEqual({ SEV1: 1, SEV2: 1, SEV3: 0, SEV4: 0 });
    expect(per[0]?.ids.SEV1).toEqual(['b']);
    expect(per[1]?.counts.SEV2).toBe(0);
  });

  it('gives the median and p90 of a metric per month, with the incidents behind the point', () => {
    const points = metricPerMonth(rows, months, 'timeToDetect');
    expect(points[0]).toEqual({ month: '2025-01', median: 20, p90: 28, ids: ['a', 'b'] });
    expect(points[1]).toEqual({ month: '2025-02', median: null, p90: null, ids: [] });
  });

  it('filters by period, severity, service and trigger', () => {
    const f = { from: Date.parse('2025-01-10T00:00:00Z'), to: Date.parse('2025-12-31T00:00:00Z'), severities: [], service: '', trigger: '' };
    expect(filterRows(rows, f).map((r) => r.id)).toEqual(['b', 'c']);
    expect(filterRows(rows, { ...f, severities: ['SEV1'] }).map((r) => r.id)).toEqual(['b']);
    expect(filterRows(rows, { ...f, service: 'CHECKOUT' }).map((r) => r.id)).toEqual(['b', 'c']);
    expect(filterRows(rows, { ...f, service: 'search' })).toEqual([]);
  });

  it('finds repeats: same service and trigger within 90 days of the previous one', () => {
    const list = [
      row('d1', '2025-01-01T00:00:00Z', { trigger: 'deploy' }),
      row('d2', '2025-03-15T00:00:00Z', { trigger: 'Deploy' }),
      row('d3', '2025-09-01T00:00:00Z', { trigger: 'deploy' }), // 170 days later: a new run of one
      row('c1', '2025-01-02T00:00:00Z', { trigger: 'config' }),
      row('s1', '2025-01-03T00:00:00Z', { trigger: 'deploy', services: ['search'] }),
    ];
    expect(repeatIncidents(list)).toEqual([{ service: 'checkout', trigger: 'deploy', ids: ['d1', 'd2'] }]);
  });

  it('counts deploy-related incidents by trigger or a deploy within 30 minutes before detection', () => {
    const list = [row('x', '2025-01-01T00:00:00Z', { trigger: 'bad deploy' }), row('y', '2025-01-02T00:00:00Z'), row('z', '2025-01-03T00:00:00Z')];
    expect(deployRelatedShare(list, new Set(['y']))).toEqual({ ids: ['x', 'y'], total: 3, share: 2 / 3 });
    const detected = Date.parse('2025-01-02T00:10:00Z');
    expect(deployCounts(detected - 30 * MIN, detected)).toBe(true);
    expect(deployCounts(detected - 31 * MIN, detected)).toBe(false);
    expect(deployCounts(detected + MIN, detected)).toBe(false);
  });
});

describe('action item stats', () => {
  const now = Date.parse('2025-06-01T00:00:00Z');
  const item = (id: string, patch: Partial<ActionItem>): ActionItem => ({
    id,
    incidentId: 'i',
    title: id,
    description: '',
    ownerId: null,
    ownerName: 'Priya',
    priority: 'P2',
    status: 'open',
    wontDoReason: '',
    kind: 'prevent',
    createdAt: now - 60 * DAY,
    dueAt: now - 10 * DAY,
    dueSetByHand: false,
    completedAt: null,
    trackerUrl: '',
    eventIds: [],
    annotationIds: [],
    updatedAt: now - 60 * DAY,
    ...patch,
  });
  const items = [
    item('late', {}),
    item('fresh', { dueAt: now + DAY, priority: 'P1', ownerName: '' }),
    item('met', { status: 'done', completedAt: now - 20 * DAY }),
    item('missed', { status: 'done', completedAt: now - 5 * DAY, ownerName: 'Tom' }),
  ];

  it('counts open items by priority and owner', () => {
    const open = openItems(items);
    expect(open.byPriority).toEqual({ P1: 1, P2: 1, P3: 0, P4: 0 });
    expect(open.byOwner.map((o) => [o.owner, o.count])).toEqual([
      ['No owner', 1],
      ['Priya', 1],
    ]);
  });

  it('breaks SLA compliance down by owner and priority', () => {
    const c = complianceBreakdown(items, { from: now - 90 * DAY, to: now });
    expect(c.byOwner.map((r) => [r.key, r.rate])).toEqual([
      ['Tom', 0],
      ['Priya', 1],
    ]);
    expect(c.byPriority.find((r) => r.key === 'P2')).toMatchObject({ closed: 2, met: 1, missed: 1, rate: 0.5 });
  });

  it('lists overdue open items with their age in days, oldest first', () => {
    expect(overdueItems(items, now)).toEqual([{ id: 'late', incidentId: 'i', title: 'late', owner: 'Priya', priority: 'P2', daysOverdue: 10 }]);
  });
});
