import { useEffect, useMemo, useState, type DependencyList } from 'react';
import { idleTime, nextTask } from '@core/next-task';
import { untilQuiet } from '@ui/quiet-time';
import { runStaged, type Staged } from './stage-cache';

export { runStaged, type Staged };

/**
 * A derivation written as a generator that `yield`s between its stages (filter, then threads,
 * then rows…). Small inputs run to the end while rendering, like useMemo. Large ones (an
 * import's 100k-event commit) run after the render, one slice of stages per task, so the window
 * answers between them instead of freezing for the sum of every stage: the last finished result
 * stays on screen meanwhile, and newer inputs cancel an unfinished run.
 */

/** Longest stretch of stages run back to back before the page gets a turn. */
const SLICE_MS = 8;

/** How long background work waits after the reader last scrolled, typed or clicked. */
const QUIET_MS = 300;

/** How urgent a derivation run after the render is: `background` ones wait for everything else. */
export type StagedPriority = 'normal' | 'background';

/**
 * Runs `make` in slices of tasks until it returns, unless `cancelled()` turns true first (then
 * resolves to undefined). The first slice, too, runs in a task of its own: called from an effect,
 * it would otherwise add to React's commit, and an import's commit starts several such runs at
 * once (list, overview, search index, filter choices), which together made one long task.
 */
export async function runInSlices<T>(make: Staged<T>, cancelled: () => boolean, priority: StagedPriority = 'normal'): Promise<T | undefined> {
  // Background work runs in the page's idle time once the reader pauses (not between scrolled
  // frames), each stretch as long as the time left before the next frame; other work gets a
  // task at a time of SLICE_MS.
  const pause = priority === 'background' ? () => untilQuiet(QUIET_MS).then(() => idleTime(SLICE_MS)) : () => nextTask().then(() => SLICE_MS);
  let budget = await pause();
  if (cancelled()) return undefined;
  const run = make();
  let sliceStart = performance.now();
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= budget) {
      budget = await pause();
      if (cancelled()) return undefined;
      sliceStart = performance.now();
    }
  }
}

/**
 * The latest result of `make` for `deps`: computed while rendering when `background` is false;
 * otherwise computed in slices after the render (at `priority`), the previous result (or
 * undefined before the first) standing in until it is done.
 */
export function useStaged<T>(make: Staged<T>, deps: DependencyList, background: boolean, priority: StagedPriority = 'normal'): T | undefined {
  // The last finished result, from either path; a holder so the render path can record it.
  const [holder] = useState<{ value: T | undefined }>(() => ({ value: undefined }));
  const [, setFinished] = useState(0);
  // `make` is a new closure every render; `deps` (the caller's list) are what it reads.
  // eslint-disable-next-line react-hooks/use-memo, react-hooks/exhaustive-deps
  useMemo(() => !background && remember(holder, runStaged(make)), [background, ...deps]);
  useEffect(() => {
    if (!background) return;
    let cancelled = false;
    void runInSlices(make, () => cancelled, priority).then((value) => {
      if (cancelled || value === undefined) return;
      holder.value = value;
      setFinished((n) => n + 1);
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [background, priority, ...deps]);
  return holder.value;
}

/** Records a result computed while rendering: a cache of a pure computation, so a repeated render is harmless. */
function remember<T>(holder: { value: T | undefined }, value: T): T {
  holder.value = value;
  return value;
}

/** Inputs above this many events are derived in the background. */
export const BACKGROUND_EVENTS = 5000;
