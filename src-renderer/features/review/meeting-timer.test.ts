import { describe, expect, it } from 'vitest';
import { elapsedMs, formatClock, IDLE_TIMER, pauseTimer, startTimer, timerTone, toggleTimer } from './meeting-timer';

describe('meeting timer', () => {
  it('counts only while running and keeps what it counted across pauses', () => {
    let timer = startTimer(IDLE_TIMER, 1_000);
    expect(elapsedMs(timer, 4_000)).toBe(3_000);
    timer = pauseTimer(timer, 4_000);
    expect(elapsedMs(timer, 60_000)).toBe(3_000);
    timer = toggleTimer(timer, 100_000);
    expect(timer.status).toBe('running');
    expect(elapsedMs(timer, 102_500)).toBe(5_500);
  });

  it('ignores a start while running and a pause while not running', () => {
    const running = startTimer(IDLE_TIMER, 0);
    expect(startTimer(running, 5_000)).toBe(running);
    expect(pauseTimer(IDLE_TIMER, 5_000)).toBe(IDLE_TIMER);
  });

  it('never runs backwards when the clock is set back', () => {
    const running = startTimer(IDLE_TIMER, 10_000);
    expect(elapsedMs(running, 9_000)).toBe(0);
  });

  it('turns amber near the time-box and red past it', () => {
    const box = 5 * 60_000;
    expect(timerTone(0, box)).toBe('normal');
    expect(timerTone(3 * 60_000, box)).toBe('normal');
    expect(timerTone(4 * 60_000, box)).toBe('amber');
    expect(timerTone(box, box)).toBe('amber');
    expect(timerTone(box + 1, box)).toBe('red');
    expect(timerTone(box * 10, 0)).toBe('normal');
  });

  it('formats minutes and hours', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_400)).toBe('1:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0:00');
  });
});
