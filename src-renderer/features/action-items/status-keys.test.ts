import { describe, expect, it } from 'vitest';
import { nextPriority, nextStatus, statusForDigit } from './status-keys';

describe('inline status and priority keys', () => {
  it('s cycles open → in progress → blocked → done → open and never lands on won’t do', () => {
    expect(nextStatus('open')).toBe('in-progress');
    expect(nextStatus('in-progress')).toBe('blocked');
    expect(nextStatus('blocked')).toBe('done');
    expect(nextStatus('done')).toBe('open');
    expect(nextStatus('wont-do')).toBe('open');
  });

  it('digits 1–5 pick a status in list order and other keys pick none', () => {
    expect(['1', '2', '3', '4', '5'].map(statusForDigit)).toEqual(['open', 'in-progress', 'blocked', 'done', 'wont-do']);
    expect(statusForDigit('0')).toBeNull();
    expect(statusForDigit('6')).toBeNull();
    expect(statusForDigit('s')).toBeNull();
  });

  it('p cycles priorities and wraps from P4 to P1', () => {
    expect(nextPriority('P1')).toBe('P2');
    expect(nextPriority('P4')).toBe('P1');
  });
});
