import { describe, expect, it } from 'vitest';
import { throttleProgress } from './progress-throttle';
import type { ImportPhaseProgress } from './worker-protocol';

/** A clock the test moves by hand; timers run when it passes their time. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimer(run: () => void, ms: number) {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimer(id: unknown) {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers = timers.filter((t) => t !== timer);
        timer.run();
      }
    },
    get pending() {
      return timers.length;
    },
  };
}

const reading = (events: number): ImportPhaseProgress => ({ phase: 'reading', filesDone: 0, filesTotal: 1, bytesDone: events, bytesTotal: 100, events });
const writing = (events: number): ImportPhaseProgress => ({ ...reading(events), phase: 'writing' });

describe('import progress throttle', () => {
  it('sends at most one message per interval within a phase, and a new phase at once', () => {
    const clock = manualClock();
    const sent: ImportPhaseProgress[] = [];
    const throttle = throttleProgress((value) => sent.push(value), 250, clock);
    throttle.report(reading(1));
    clock.advance(100);
    throttle.report(reading(2));
    clock.advance(100);
    throttle.report(reading(3));
    expect(sent.map((p) => p.events)).toEqual([1]);
    throttle.report(writing(4));
    expect(sent.map((p) => `${p.phase} ${p.events}`)).toEqual(['reading 1', 'writing 4']);
  });

  it('sends a held-back value when its interval is up, not only when the importer reports again', () => {
    const clock = manualClock();
    const sent: number[] = [];
    const throttle = throttleProgress((value) => sent.push(value.events), 250, clock);
    throttle.report(reading(1));
    clock.advance(50);
    throttle.report(reading(2));
    clock.advance(50);
    throttle.report(reading(3));
    // Nothing more comes from the importer for a long while (a big file being read).
    clock.advance(149);
    expect(sent).toEqual([1]);
    clock.advance(1);
    expect(sent).toEqual([1, 3]);
    clock.advance(5000);
    expect(sent).toEqual([1, 3]);
  });

  it('forced values go out at once and replace the one held back; stop drops what is held', () => {
    const clock = manualClock();
    const sent: number[] = [];
    const throttle = throttleProgress((value) => sent.push(value.events), 250, clock);
    throttle.report(writing(1));
    clock.advance(10);
    throttle.report(writing(2));
    throttle.report(writing(3), true);
    clock.advance(1000);
    expect(sent).toEqual([1, 3]);
    throttle.report(writing(4));
    clock.advance(10);
    throttle.report(writing(5));
    throttle.stop();
    expect(clock.pending).toBe(0);
    clock.advance(1000);
    expect(sent).toEqual([1, 3, 4]);
  });
});
