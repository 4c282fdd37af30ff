// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { untilQuiet } from './quiet-time';

describe('untilQuiet', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves at once when nothing happened, and waits out scrolling, typing and clicks until they stop', async () => {
    await untilQuiet(300);
    const scroller = document.createElement('div');
    document.body.append(scroller);
    let done = false;
    // Scrolling of an element (the timeline's list): scroll events do not bubble, yet count.
    scroller.dispatchEvent(new Event('scroll'));
    const waiting = untilQuiet(300).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(false);
    // More scrolling, then a key: the wait starts again from the last one.
    scroller.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(200);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    await vi.advanceTimersByTimeAsync(250);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(true);
    await waiting;
    scroller.remove();
  });
});
