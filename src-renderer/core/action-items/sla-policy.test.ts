import { describe, expect, it } from 'vitest';
import { SlaError } from './sla-error';
import { DEFAULT_SLA_POLICY, describeDuration, isIsoDate, parseSlaPolicy, SLA_PRESETS, slaPreset } from './sla-policy';

const days = (id: keyof typeof SLA_PRESETS) =>
  Object.values(SLA_PRESETS[id].durations).map((d) => `${d.amount} ${d.unit}`);

describe('SLA presets', () => {
  it('follow the published targets', () => {
    expect(days('debrief')).toEqual(['7 calendar-days', '30 calendar-days', '90 calendar-days', '180 calendar-days']);
    expect(days('atlassian')).toEqual(['28 calendar-days', '28 calendar-days', '56 calendar-days', '56 calendar-days']);
    expect(days('pagerduty')).toEqual(['15 calendar-days', '30 calendar-days', '90 calendar-days', '180 calendar-days']);
    expect(DEFAULT_SLA_POLICY.preset).toBe('debrief');
    expect(DEFAULT_SLA_POLICY.countFrom).toBe('review');
    expect(DEFAULT_SLA_POLICY.priorityLabels.P1).toBe('Urgent');
  });

  it('every preset passes the schema it will be stored under', () => {
    for (const preset of Object.values(SLA_PRESETS)) expect(parseSlaPolicy(preset)).toEqual(preset);
  });

  it('slaPreset hands out a copy that can be edited without touching the preset', () => {
    const copy = slaPreset('atlassian');
    copy.durations.P1.amount = 3;
    copy.priorityLabels.P1 = 'Critical';
    expect(SLA_PRESETS.atlassian.durations.P1.amount).toBe(28);
    expect(SLA_PRESETS.atlassian.priorityLabels.P1).toBe('Urgent');
  });
});

describe('parseSlaPolicy', () => {
  const valid = () => structuredClone(SLA_PRESETS.debrief) as unknown as Record<string, unknown>;

  it('sorts and de-duplicates holidays and fills labels when missing', () => {
    const input: Record<string, unknown> = { ...valid(), holidays: ['2024-12-26', '2024-12-25', '2024-12-26'] };
    delete input.priorityLabels;
    const policy = parseSlaPolicy(input);
    expect(policy.holidays).toEqual(['2024-12-25', '2024-12-26']);
    expect(policy.priorityLabels).toEqual({ P1: 'Urgent', P2: 'High', P3: 'Medium', P4: 'Low' });
  });

  it.each([
    ['a holiday that is not a date', { holidays: ['2023-02-29'] }],
    ['a holiday in another format', { holidays: ['25/12/2024'] }],
    ['a zero duration', { durations: { ...SLA_PRESETS.debrief.durations, P1: { amount: 0, unit: 'calendar-days' } } }],
    ['a fractional duration', { durations: { ...SLA_PRESETS.debrief.durations, P2: { amount: 1.5, unit: 'calendar-days' } } }],
    ['an unknown unit', { durations: { ...SLA_PRESETS.debrief.durations, P3: { amount: 5, unit: 'weeks' } } }],
    ['a missing priority', { durations: { P1: SLA_PRESETS.debrief.durations.P1 } }],
    ['an unknown countFrom', { countFrom: 'detection' }],
    ['an empty label', { priorityLabels: { P1: ' ', P2: 'High', P3: 'Medium', P4: 'Low' } }],
  ])('rejects %s with BAD_POLICY', (_what, patch) => {
    expect(() => parseSlaPolicy({ ...valid(), ...patch })).toThrow(SlaError);
    expect(() => parseSlaPolicy({ ...valid(), ...patch })).toThrow(expect.objectContaining({ code: 'BAD_POLICY' }));
  });

  it('rejects something that is not a policy at all', () => {
    expect(() => parseSlaPolicy('P1=7')).toThrow(expect.objectContaining({ code: 'BAD_POLICY' }));
  });
});

describe('policy helpers', () => {
  it('isIsoDate accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });

  it('describeDuration names the unit', () => {
    expect(describeDuration({ amount: 1, unit: 'business-days' })).toBe('1 business day');
    expect(describeDuration({ amount: 30, unit: 'calendar-days' })).toBe('30 days');
  });
});
