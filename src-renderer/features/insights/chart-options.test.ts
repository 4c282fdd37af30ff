import { describe, expect, it } from 'vitest';
import { integerTicks } from './chart-options';

describe('value-axis ticks', () => {
  it('never puts a half (or any fraction) between whole counts', () => {
    expect(integerTicks(0, 1)).toEqual([0, 1]);
    expect(integerTicks(0, 2)).toEqual([0, 1, 2]);
    expect(integerTicks(0, 1.1)).toEqual([0, 1]);
    for (let max = 1; max <= 5000; max = Math.ceil(max * 1.37)) {
      const ticks = integerTicks(0, max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks[0]).toBe(0);
    }
  });

  it('uses round steps and stays inside the range', () => {
    expect(integerTicks(0, 7)).toEqual([0, 2, 4, 6]);
    expect(integerTicks(0, 44)).toEqual([0, 10, 20, 30, 40]);
    expect(integerTicks(0, 130, 4)).toEqual([0, 50, 100]);
    expect(integerTicks(3, 9)).toEqual([4, 6, 8]);
  });
});
