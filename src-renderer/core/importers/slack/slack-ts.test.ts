import { describe, expect, it } from 'vitest';
import { compareSlackTs, slackTsToMs } from './slack-ts';

describe('slack ts', () => {
  it('turns ts into exact milliseconds without float error', () => {
    // As a float, 1718261582.1204 * 1000 is 1718261582120.3999.
    expect(slackTsToMs('1718261582.120400')).toBe(1718261582120);
    expect(slackTsToMs('1718261730.000999')).toBe(1718261730000);
    expect(slackTsToMs('1718261730.999999')).toBe(1718261730999);
    expect(slackTsToMs('1718261730')).toBe(1718261730000);
  });

  it('rejects values that are not Slack timestamps', () => {
    expect(slackTsToMs('1.2e9')).toBeNull();
    expect(slackTsToMs('')).toBeNull();
    expect(slackTsToMs('abc.123')).toBeNull();
  });

  it('orders by the full micro-second digits', () => {
    const values = ['1718261582.000010', '1718261582.000009', '1718261581.999999', '1718261582.00001'];
    expect([...values].sort(compareSlackTs)).toEqual(['1718261581.999999', '1718261582.000009', '1718261582.000010', '1718261582.00001']);
    expect(compareSlackTs('1718261582.000010', '1718261582.00001')).toBe(0);
  });
});
