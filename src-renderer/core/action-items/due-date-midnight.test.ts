import { describe, expect, it } from 'vitest';
import { computeDueAt, localDateKey } from './due-date';
import { slaPreset } from './sla-policy';

describe('due dates where clocks change at midnight', () => {
  it('ends on the last millisecond of the local day even when 23:00–23:59 happens twice', () => {
    // America/Santiago fell back from 2024-04-07 00:00 (-03) to 2024-04-06 23:00 (-04).
    const policy = slaPreset('custom');
    policy.durations.P1 = { amount: 1, unit: 'calendar-days' };
    const start = Date.parse('2024-04-05T15:00:00Z');
    const due = computeDueAt(start, 'P1', policy, 'America/Santiago');
    expect(localDateKey(due, 'America/Santiago')).toBe('2024-04-06');
    expect(localDateKey(due + 1, 'America/Santiago')).toBe('2024-04-07');
    expect(new Date(due).toISOString()).toBe('2024-04-07T03:59:59.999Z');
  });

  it('handles a day whose midnight does not exist', () => {
    // America/Santiago sprang forward at 2024-09-08 00:00 → 01:00.
    const policy = slaPreset('custom');
    policy.durations.P1 = { amount: 1, unit: 'calendar-days' };
    const due = computeDueAt(Date.parse('2024-09-06T15:00:00Z'), 'P1', policy, 'America/Santiago');
    expect(localDateKey(due, 'America/Santiago')).toBe('2024-09-07');
    expect(localDateKey(due + 1, 'America/Santiago')).toBe('2024-09-08');
  });
});
