import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { ByteBudget, checkTextLength, DEFAULT_LIMITS, resolveLimits } from './limits';

describe('limits', () => {
  it('fills defaults and ignores nonsense overrides', () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    const limits = resolveLimits({ maxEntries: 10, maxJsonDepth: -1, maxTextLength: Number.NaN });
    expect(limits.maxEntries).toBe(10);
    expect(limits.maxJsonDepth).toBe(DEFAULT_LIMITS.maxJsonDepth);
    expect(limits.maxTextLength).toBe(DEFAULT_LIMITS.maxTextLength);
  });

  it('rejects an over-long message naming the cap', () => {
    const limits = resolveLimits({ maxTextLength: 5 });
    expect(() => checkTextLength(limits, 'hello', { file: 'f' })).not.toThrow();
    try {
      checkTextLength(limits, 'hello!', { file: 'f', line: 3 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe('LIMIT_EXCEEDED');
      expect((error as ImportError).message).toContain('maxTextLength = 5');
      expect((error as ImportError).location.line).toBe(3);
    }
  });

  it('counts bytes per entry once and caps the total', () => {
    const budget = new ByteBudget(resolveLimits({ maxEntryBytes: 100, maxTotalBytes: 150 }));
    budget.account(0, 80, { file: 'z' });
    budget.account(0, 80, { file: 'z' });
    expect(budget.totalBytes).toBe(80);
    expect(() => budget.account(1, 101, { file: 'z' })).toThrow(/maxEntryBytes/);
    expect(() => budget.account(2, 71, { file: 'z' })).toThrow(/maxTotalBytes/);
  });
});
