import { useCallback, useDeferredValue, useSyncExternalStore } from 'react';
import type { DebriefDatabase } from '@db/schema';
import { liveIncidentEvents, releaseIncidentEvents, type LiveEventsState } from './live-events';

/**
 * An incident's visible events, kept current (see LiveIncidentEvents): undefined while loading,
 * then the first page (`complete` false), then all of them. Deferred: a change to 100k events
 * (an import's commit) re-renders the views in an interruptible background render, so threads,
 * rows and suggestions are recomputed in slices the page can answer between, not one long task.
 */
export function useIncidentEvents(database: DebriefDatabase, incidentId: string): LiveEventsState {
  const live = liveIncidentEvents(database, incidentId);
  const subscribe = useCallback(
    (notify: () => void) => {
      const unsubscribe = live.subscribe(notify);
      return () => {
        unsubscribe();
        releaseIncidentEvents(live);
      };
    },
    [live],
  );
  return useDeferredValue(useSyncExternalStore(subscribe, () => live.current));
}
