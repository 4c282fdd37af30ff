import { useLayoutEffect, useRef, useState } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any handler signature
type Handlers<T> = { [K in keyof T]: (...args: any[]) => unknown };

/**
 * The same object on every render, whose functions call the latest `handlers` passed. A list row
 * or panel kept by `memo` then renders only when its data changes, not because its parent made
 * new closures (the Timeline re-renders on every filter, search key and scrolled-in page; each
 * new `actions` object had re-rendered every drawn row). Call the functions from event handlers
 * and effects, not while rendering; the set of keys is the first render's.
 */
export function useStableHandlers<T extends Handlers<T>>(handlers: T): T {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const [stable] = useState(() => {
    const out: Record<string, (...args: unknown[]) => unknown> = {};
    for (const key of Object.keys(handlers) as (keyof T & string)[]) out[key] = (...args) => latest.current[key](...args);
    return out as T;
  });
  return stable;
}
