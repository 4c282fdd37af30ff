import type { ImportPhaseProgress } from './worker-protocol';

/**
 * Least time between two progress messages of one phase. Each message makes the window draw a
 * frame (React, layout, paint, then the compositor and the display compositor): about 9 ms of CPU
 * across those threads on a 2-core box (bench/import-bench.mjs, traced), on the same cores the
 * import needs. Two or three a second keep the line moving; a new phase is still sent at once.
 */
export const PROGRESS_EVERY_MS = 400;

interface Clock {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export interface ProgressThrottle {
  /** Sends now when the phase changed, `force` is set or enough time passed; else at most `everyMs` after the last send. */
  report(value: ImportPhaseProgress, force?: boolean): void;
  /** Drops a progress still waiting to be sent (the import ended). */
  stop(): void;
}

/**
 * At most one progress message per `everyMs` within a phase, and never one held back for longer:
 * a value that arrives too soon is sent when the interval is up (the latest one by then), so the
 * line does not stand still until the importer happens to report again.
 */
export function throttleProgress(send: (value: ImportPhaseProgress) => void, everyMs = PROGRESS_EVERY_MS, clock: Clock = realClock): ProgressThrottle {
  let last = -Infinity;
  let lastPhase = '';
  let waiting: ImportPhaseProgress | null = null;
  let timer: unknown = null;
  const cancelTimer = () => {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
    waiting = null;
  };
  const sendNow = (value: ImportPhaseProgress) => {
    cancelTimer();
    last = clock.now();
    lastPhase = value.phase;
    send(value);
  };
  return {
    report(value, force = false) {
      const since = clock.now() - last;
      if (force || value.phase !== lastPhase || since >= everyMs) {
        sendNow(value);
        return;
      }
      waiting = value;
      timer ??= clock.setTimer(() => {
        timer = null;
        if (waiting) sendNow(waiting);
      }, everyMs - since);
    },
    stop: cancelTimer,
  };
}
