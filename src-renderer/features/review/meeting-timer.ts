/**
 * The per-item timer of the review meeting, as plain data so it survives re-renders and can be
 * tested without a clock: elapsed time is what was banked by earlier runs plus the current run.
 */
export type TimerState =
  | { status: 'idle'; bankedMs: 0 }
  | { status: 'running'; bankedMs: number; since: number }
  | { status: 'paused'; bankedMs: number };

export const IDLE_TIMER: TimerState = { status: 'idle', bankedMs: 0 };

export function startTimer(state: TimerState, now: number): TimerState {
  if (state.status === 'running') return state;
  return { status: 'running', bankedMs: state.bankedMs, since: now };
}

export function pauseTimer(state: TimerState, now: number): TimerState {
  if (state.status !== 'running') return state;
  return { status: 'paused', bankedMs: elapsedMs(state, now) };
}

export function toggleTimer(state: TimerState, now: number): TimerState {
  return state.status === 'running' ? pauseTimer(state, now) : startTimer(state, now);
}

export function elapsedMs(state: TimerState, now: number): number {
  // A clock set back mid-item must not make time run backwards.
  return state.status === 'running' ? state.bankedMs + Math.max(0, now - state.since) : state.bankedMs;
}

export type TimerTone = 'normal' | 'amber' | 'red';

/** Amber in the last fifth of the time-box, red once over it. */
export const AMBER_FRACTION = 0.8;

export function timerTone(elapsed: number, timeboxMs: number): TimerTone {
  if (timeboxMs <= 0) return 'normal';
  if (elapsed > timeboxMs) return 'red';
  if (elapsed >= timeboxMs * AMBER_FRACTION) return 'amber';
  return 'normal';
}

/** "4:05", "1:02:03": readable from the back of a meeting room. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
