import { useCallback, useEffect, useState } from 'react';
import { elapsedMs, IDLE_TIMER, toggleTimer, type TimerState } from './meeting-timer';

/**
 * One timer per agenda item, keyed by the item's key. Starting one pauses any other, since the
 * room discusses one item at a time. `now` ticks while a timer runs so the display moves.
 */
export function useMeetingTimers(): {
  timerOf: (key: string) => TimerState;
  elapsedOf: (key: string) => number;
  toggle: (key: string) => void;
  /** Every item's timer, for the shared meeting to publish. */
  all: ReadonlyMap<string, TimerState>;
} {
  const [timers, setTimers] = useState<ReadonlyMap<string, TimerState>>(new Map());
  const [now, setNow] = useState(() => Date.now());
  const running = [...timers.values()].some((t) => t.status === 'running');

  useEffect(() => {
    if (!running) return;
    const interval = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(interval);
  }, [running]);

  const toggle = useCallback((key: string) => {
    const at = Date.now();
    setNow(at);
    setTimers((previous) => {
      const next = new Map<string, TimerState>();
      for (const [k, state] of previous) next.set(k, k === key || state.status !== 'running' ? state : toggleTimer(state, at));
      next.set(key, toggleTimer(previous.get(key) ?? IDLE_TIMER, at));
      return next;
    });
  }, []);

  const timerOf = useCallback((key: string) => timers.get(key) ?? IDLE_TIMER, [timers]);
  const elapsedOf = useCallback((key: string) => elapsedMs(timers.get(key) ?? IDLE_TIMER, now), [timers, now]);
  return { timerOf, elapsedOf, toggle, all: timers };
}

/** The current time, ticking while `running` (a timer someone else runs, in the shared meeting). */
export function useTickingNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const interval = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(interval);
  }, [running]);
  return now;
}
