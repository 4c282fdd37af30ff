import { describe, expect, it } from 'vitest';
import { complianceOver, complianceTrend } from './compliance';
import { buildActionItem } from './item-builder';

const DAY = 24 * 60 * 60 * 1000;
const due = Date.parse('2024-06-30T23:59:59.999Z');

const closed = (id: string, completedAt: number, status: 'done' | 'wont-do' = 'done') =>
  buildActionItem({ id, status, dueAt: due, completedAt });

describe('complianceOver', () => {
  it('counts items closed in the period, met when closed by the due instant', () => {
    const items = [
      closed('met-early', due - 5 * DAY),
      closed('met-on-the-ms', due),
      closed('missed-by-1ms', due + 1),
      closed('wont-do-in-time', due - DAY, 'wont-do'),
      buildActionItem({ id: 'open', status: 'open', dueAt: due }),
      buildActionItem({ id: 'no-sla', status: 'done', dueAt: null, completedAt: due }),
    ];
    expect(complianceOver(items, { from: due - 10 * DAY, to: due + DAY })).toEqual({ closed: 4, met: 3, missed: 1, rate: 0.75 });
  });

  it('includes both ends of the period and nothing outside', () => {
    const items = [closed('a', 1000), closed('b', 2000), closed('c', 2001), closed('d', 999)];
    expect(complianceOver(items, { from: 1000, to: 2000 })).toMatchObject({ closed: 2 });
  });

  it('has no rate when nothing with an SLA closed', () => {
    expect(complianceOver([], { from: 0, to: due })).toEqual({ closed: 0, met: 0, missed: 0, rate: null });
  });
});

describe('complianceTrend', () => {
  it('buckets by local month, so a late-evening close counts in the user month', () => {
    // 2024-07-01 02:00Z is still June 30 in Los Angeles.
    const items = [closed('june-local', Date.parse('2024-07-01T02:00:00Z')), closed('july', Date.parse('2024-07-15T12:00:00Z'))];
    const points = complianceTrend(items, {
      from: Date.parse('2024-06-01T07:00:00Z'),
      to: Date.parse('2024-08-01T06:59:59.999Z'),
      bucket: 'month',
      timeZone: 'America/Los_Angeles',
    });
    expect(points.map((p) => [new Date(p.start).toISOString(), p.closed, p.met, p.missed])).toEqual([
      ['2024-06-01T07:00:00.000Z', 1, 0, 1],
      ['2024-07-01T07:00:00.000Z', 1, 0, 1],
    ]);
  });

  it('buckets by ISO week in the zone and keeps local midnights across a DST change', () => {
    const points = complianceTrend([closed('a', Date.parse('2024-10-29T10:00:00Z'))], {
      from: Date.parse('2024-10-21T00:00:00Z'),
      to: Date.parse('2024-11-03T12:00:00Z'),
      bucket: 'week',
      timeZone: 'Europe/London',
    });
    // Monday 21 Oct starts at 00:00 BST (23:00Z the day before); Monday 28 Oct at 00:00 GMT.
    expect(points.map((p) => new Date(p.start).toISOString())).toEqual(['2024-10-20T23:00:00.000Z', '2024-10-28T00:00:00.000Z']);
    expect(points[0]?.end).toBe(Date.parse('2024-10-28T00:00:00Z') - 1);
    expect(points.map((p) => p.closed)).toEqual([0, 1]);
  });

  it('only counts items inside the period in the partial first and last buckets', () => {
    const items = [closed('before', Date.parse('2024-06-02T12:00:00Z')), closed('inside', Date.parse('2024-06-20T12:00:00Z'))];
    const [june] = complianceTrend(items, { from: Date.parse('2024-06-10T00:00:00Z'), to: Date.parse('2024-06-25T00:00:00Z'), bucket: 'month', timeZone: 'UTC' });
    expect(june).toMatchObject({ closed: 1, met: 1, rate: 1 });
  });

  it('rejects a reversed period and an unknown zone', () => {
    expect(() => complianceTrend([], { from: 2, to: 1, bucket: 'week', timeZone: 'UTC' })).toThrow(expect.objectContaining({ code: 'BAD_DATE' }));
    expect(() => complianceTrend([], { from: 1, to: 2, bucket: 'week', timeZone: 'Nowhere/City' })).toThrow(
      expect.objectContaining({ code: 'BAD_TIME_ZONE' }),
    );
  });
});
