import { afterEach, describe, expect, it, vi } from 'vitest';
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

  describe('at background priority, where the page reports idle time', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('work only in idle moments, each stretch no longer than the time left before the next frame', async () => {
      const offered: number[] = [];
      const stepsPerStretch: number[] = [];
      let steps = 0;
      // A page in the middle of scrolling: 3 ms to spare before each frame.
      vi.stubGlobal('requestIdleCallback', (callback: (deadline: { timeRemaining(): number }) => void) => {
        stepsPerStretch.push(steps);
        steps = 0;
        setTimeout(() => {
          offered.push(3);
          callback({ timeRemaining: () => 3 });
        }, 0);
        return offered.length;
      });
      const oneMsSteps = function* () {
        for (let i = 0; i < 20; i++) {
          const until = performance.now() + 1;
          while (performance.now() < until);
          steps++;
          yield;
        }
        return 'suggestions ready';
      };
      expect(await runInSlices(oneMsSteps, () => false, 'background')).toBe('suggestions ready');
      stepsPerStretch.push(steps);
      // 20 steps of 1 ms in stretches of 3 ms: several idle moments, none given more than ~3 steps.
      expect(offered.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...stepsPerStretch)).toBeLessThanOrEqual(4);
      expect(stepsPerStretch.reduce((a, b) => a + b, 0)).toBe(20);
    });
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
