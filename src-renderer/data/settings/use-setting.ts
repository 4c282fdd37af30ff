import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { readSetting, writeSetting } from './settings-store';

/**
 * A setting as React state: `loaded` turns true once the stored value was read (so screens
 * don't flash the default); changes are written at once, or `delayMs` after the last one.
 */
export function useSetting<T>(key: string, schema: z.ZodType<T>, fallback: T, delayMs = 0): { value: T; loaded: boolean; set: (next: T) => void } {
  const [state, setState] = useState<{ key: string; value: T; loaded: boolean }>({ key, value: fallback, loaded: false });
  const fallbackRef = useRef(fallback);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; write: () => void } | null>(null);

  useEffect(() => {
    let live = true;
    void readSetting(key, schema, fallbackRef.current).then((value) => {
      if (live) setState({ key, value, loaded: true });
    });
    return () => {
      live = false;
    };
  }, [key, schema]);

  const set = useCallback(
    (next: T) => {
      setState({ key, value: next, loaded: true });
      if (pending.current) clearTimeout(pending.current.timer);
      const write = () => {
        pending.current = null;
        void writeSetting(key, next);
      };
      // A reload right after a change must not lose it, so without a delay the write starts now.
      if (delayMs === 0) write();
      else pending.current = { timer: setTimeout(write, delayMs), write };
    },
    [key, delayMs],
  );

  // A pending write still lands when the tab is left quickly.
  useEffect(
    () => () => {
      if (!pending.current) return;
      clearTimeout(pending.current.timer);
      pending.current.write();
    },
    [],
  );
  const current = state.key === key ? state : { value: fallback, loaded: false };
  return { value: current.value, loaded: current.loaded, set };
}
