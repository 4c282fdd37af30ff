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
      expect((error as ImportError).message).toBe('holds a message longer than the limit of 5 characters');
      expect((error as ImportError).location.line).toBe(3);
    }
  });

  it('names caps in human units, never raw byte counts', () => {
    expect(() => checkTextLength(resolveLimits(), 'x'.repeat(DEFAULT_LIMITS.maxTextLength + 1), { file: 'f' })).toThrow('holds a message longer than the limit of 1,048,576 characters');
    const budget = new ByteBudget(resolveLimits({ maxTotalBytes: 4 * 1024 * 1024 * 1024 }));
    expect(() => budget.account(0, 65 * 1024 * 1024, { file: 'z' })).toThrow('exceeds the limit of 64 MB for one file');
  });

  it('counts bytes per entry once and caps the total', () => {
    const budget = new ByteBudget(resolveLimits({ maxEntryBytes: 100, maxTotalBytes: 150 }));
    budget.account(0, 80, { file: 'z' });
    budget.account(0, 80, { file: 'z' });
    expect(budget.totalBytes).toBe(80);
    expect(() => budget.account(1, 101, { file: 'z' })).toThrow('exceeds the limit of 100 B for one file');
    expect(() => budget.account(2, 71, { file: 'z' })).toThrow('exceeds the limit of 150 B for all files together');
  });
});
