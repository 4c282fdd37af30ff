import { useEffect } from 'react';
import type { DebriefDatabase } from '@db/schema';
import { cleanUpAbandonedImports } from './discard';

export const CLEANUP_START_MARK = 'debrief:import-cleanup:start';
export const CLEANUP_END_MARK = 'debrief:import-cleanup:end';

/**
 * The clean-up waits this long after start-up: what an interrupted import left is invisible, so
 * the library's first reads and paint go first, undisturbed.
 */
const CLEANUP_DELAY_MS = 1000;

/**
 * Mounted once in the app: after the first screen has painted, discards the imports a crash or
 * a closed window left behind, a few blocks per transaction. The marks let tests and the bench
 * see that the library was on screen first.
 */
export function useAbandonedImportCleanup(database: DebriefDatabase): void {
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      if (cancelled) return;
      performance.mark(CLEANUP_START_MARK);
      cleanUpAbandonedImports(database).then(
        ({ cleaned, running }) => performance.mark(CLEANUP_END_MARK, { detail: { imports: cleaned, running } }),
        (error: unknown) => {
          // Nothing visible depends on it; the next start tries again.
          console.warn('Cleaning up interrupted imports failed; it will be retried at the next start.', error);
        },
      );
    }, CLEANUP_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [database]);
}
