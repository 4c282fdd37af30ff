import { describe, expect, it } from 'vitest';
import { enqueueImport } from './import-queue';

describe('enqueueImport', () => {
  it('runs imports of one incident one after the other, even when one fails', async () => {
    const log: string[] = [];
    const step = (name: string, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const a = enqueueImport('inc', step('a', true));
    const b = enqueueImport('inc', step('b'));
    const other = enqueueImport('other', step('c'));
    await expect(a).rejects.toThrow('a');
    await expect(b).resolves.toBe('b');
    await other;
    expect(log.indexOf('start b')).toBeGreaterThan(log.indexOf('end a'));
    expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end a'));
  });
});
