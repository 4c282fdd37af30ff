import { describe, expect, it } from 'vitest';
import { StageCache } from './stage-cache';
import { runInSlices, runStaged } from './use-staged';

function* stages(log: string[]) {
  log.push('filter');
  yield;
  log.push('threads');
  yield;
  log.push('rows');
  return 'rows ready';
}

describe('staged derivations', () => {
  it('run to their end at once for small inputs', () => {
    const log: string[] = [];
    expect(runStaged(() => stages(log))).toBe('rows ready');
    expect(log).toEqual(['filter', 'threads', 'rows']);
  });

  it('run in slices between tasks and give up when newer inputs cancel them', async () => {
    const slow = function* () {
      for (let i = 0; i < 5; i++) {
        const until = performance.now() + 12; // longer than a slice: each stage gets a task of its own
        while (performance.now() < until);
        yield;
      }
      return 'done';
    };
    expect(await runInSlices(slow, () => false)).toBe('done');
    let cancelled = false;
    const run = runInSlices(slow, () => cancelled);
    cancelled = true;
    expect(await run).toBeUndefined();
  });

  it.each(['normal', 'background'] as const)('at %s priority, start only after a task of their own (not in the caller’s task), so a cancel before then runs nothing', async (priority) => {
    const log: string[] = [];
    let cancelled = false;
    const run = runInSlices(() => stages(log), () => cancelled, priority);
    expect(log).toEqual([]);
    cancelled = true;
    expect(await run).toBeUndefined();
    expect(log).toEqual([]);
    const finished = runInSlices(() => stages(log), () => false, priority);
    expect(log).toEqual([]);
    expect(await finished).toBe('rows ready');
    expect(log).toEqual(['filter', 'threads', 'rows']);
  });

  it('a stage whose inputs are the same objects is not computed again', () => {
    const cache = new StageCache();
    const events = [1, 2, 3];
    let runs = 0;
    const fold = (list: number[]) => cache.stage('fold', [list], () => (runs++, list.length));
    expect(fold(events)).toBe(3);
    expect(fold(events)).toBe(3);
    expect(runs).toBe(1);
    expect(fold([...events, 4])).toBe(4);
    expect(runs).toBe(2);
  });
});
