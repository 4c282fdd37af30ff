import { describe, expect, it } from 'vitest';
import { bucketFor, periodFor } from './compliance-period';

const ZONE = 'America/New_York';
const NOW = Date.UTC(2024, 6, 15, 15);

describe('compliance periods', () => {
  it('last 30 days runs from local midnight 29 days ago through the end of today', () => {
    const p = periodFor('30', NOW, ZONE, { from: '', to: '' });
    expect(new Date(p?.from ?? 0).toISOString()).toBe('2024-06-16T04:00:00.000Z');
    expect(new Date(p?.to ?? 0).toISOString()).toBe('2024-07-16T03:59:59.999Z');
  });

  it('a custom range covers whole local days and refuses a backwards or partial range', () => {
    const p = periodFor('custom', NOW, ZONE, { from: '2024-01-01', to: '2024-03-31' });
    expect(new Date(p?.from ?? 0).toISOString()).toBe('2024-01-01T05:00:00.000Z');
    expect(new Date(p?.to ?? 0).toISOString()).toBe('2024-04-01T03:59:59.999Z');
    expect(periodFor('custom', NOW, ZONE, { from: '2024-03-31', to: '2024-01-01' })).toBeNull();
    expect(periodFor('custom', NOW, ZONE, { from: '2024-03-31', to: '' })).toBeNull();
  });

  it('charts weeks up to a quarter and months for a year', () => {
    const DAY = 24 * 60 * 60 * 1000;
    expect(bucketFor({ from: NOW - 89 * DAY, to: NOW })).toBe('week');
    expect(bucketFor({ from: NOW - 364 * DAY, to: NOW })).toBe('month');
  });
});
