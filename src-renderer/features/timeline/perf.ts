/**
 * Timings the bench reads back with performance.getEntriesByType('measure'). Kept outside
 * components so render stays pure; measuring costs microseconds.
 */
export function nowMs(): number {
  return performance.now();
}

export function timed<T>(name: string, work: () => T, detail?: (result: T) => Record<string, number>): T {
  const start = performance.now();
  const result = work();
  performance.measure(name, { start, end: performance.now(), detail: detail?.(result) });
  return result;
}

export function measureSince(name: string, start: number, detail?: Record<string, number>): void {
  performance.measure(name, { start, end: performance.now(), detail });
}

export function wallClock(): number {
  return Date.now();
}
