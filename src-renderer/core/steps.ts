/**
 * A computation over many events written as a generator that `yield`s where a caller deriving it
 * in the background (the Timeline's staged views) may pause; this runs one to its end at once.
 */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
