import { runSteps } from '@core/steps';

/** A derivation written as a generator that `yield`s where it may be paused (see useStaged). */
export type Staged<T> = () => Generator<void, T, void>;

/** Runs a derivation to its end at once (tests, small inputs). */
export function runStaged<T>(make: Staged<T>): T {
  return runSteps(make());
}

/**
 * The last result of each named stage of a derivation with the inputs it was made from: a
 * stage whose inputs are the same objects as last time is not computed again (useMemo's rule,
 * for derivations that run outside the render).
 */
export class StageCache {
  private readonly stages = new Map<string, { inputs: readonly unknown[]; value: unknown }>();

  stage<T>(name: string, inputs: readonly unknown[], compute: () => T): T {
    const last = this.stages.get(name);
    if (last && last.inputs.length === inputs.length && last.inputs.every((input, i) => Object.is(input, inputs[i]))) return last.value as T;
    const value = compute();
    this.stages.set(name, { inputs, value });
    return value;
  }

  /** The same for a stage that itself yields (one pass over 100k events); kept only when it finished. */
  *stageSteps<T>(name: string, inputs: readonly unknown[], make: Staged<T>): Generator<void, T, void> {
    const last = this.stages.get(name);
    if (last && last.inputs.length === inputs.length && last.inputs.every((input, i) => Object.is(input, inputs[i]))) return last.value as T;
    const value = yield* make();
    this.stages.set(name, { inputs, value });
    return value;
  }
}
