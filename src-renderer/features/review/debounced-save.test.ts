import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, DebouncedSave } from './debounced-save';

describe('DebouncedSave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the last value once typing pauses, within a second', async () => {
    const writes: string[] = [];
    const saver = new DebouncedSave<string>(async (v) => void writes.push(v), () => undefined);
    saver.schedule('a');
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual(['ab']);
    expect(AUTOSAVE_DELAY_MS).toBeLessThanOrEqual(1000);
  });

  it('flushes at once (blur, hidden tab) and does not write again later', async () => {
    const writes: string[] = [];
    const saver = new DebouncedSave<string>(async (v) => void writes.push(v), () => undefined);
    saver.schedule('draft');
    await saver.flush();
    expect(writes).toEqual(['draft']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(writes).toEqual(['draft']);
    expect(saver.hasPending).toBe(false);
  });

  it('merges patches that were not written yet', async () => {
    const writes: Record<string, string>[] = [];
    const saver = new DebouncedSave<Record<string, string>>(async (v) => void writes.push(v), () => undefined, 100, (a, b) => ({ ...a, ...b }));
    saver.schedule({ body: '1' });
    saver.schedule({ author: 'Tom' });
    saver.schedule({ body: '2' });
    await saver.flush();
    expect(writes).toEqual([{ body: '2', author: 'Tom' }]);
  });

  it('keeps a value whose write failed, reports it, and writes it on the next flush', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const writes: string[] = [];
    const saver = new DebouncedSave<string>(
      async (v) => {
        if (fail) throw new Error('disk full');
        writes.push(v);
      },
      (e) => errors.push(e),
    );
    saver.schedule('important');
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(saver.hasPending).toBe(true);
    fail = false;
    await saver.flush();
    expect(writes).toEqual(['important']);
  });

  it('never lets an older write land after a newer one', async () => {
    const order: string[] = [];
    let release: (() => void) | null = null;
    const saver = new DebouncedSave<string>(
      (v) =>
        v === 'old'
          ? new Promise<void>((resolve) => {
              release = () => {
                order.push(v);
                resolve();
              };
            })
          : Promise.resolve(void order.push(v)),
      () => undefined,
    );
    saver.schedule('old');
    const first = saver.flush();
    saver.schedule('new');
    const second = saver.flush();
    // The first write starts on a later microtask; release it only once it is waiting.
    while (!release) await Promise.resolve();
    (release as () => void)();
    await Promise.all([first, second]);
    expect(order).toEqual(['old', 'new']);
  });
});
