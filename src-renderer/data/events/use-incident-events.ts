import { useCallback, useSyncExternalStore } from 'react';
import type { DebriefDatabase } from '@db/schema';
import { liveIncidentEvents, releaseIncidentEvents, type LiveEventsState, type SubscribeOptions } from './live-events';

/**
 * An incident's visible events, kept current (see LiveIncidentEvents): undefined while loading,
 * then the first page (`complete` false), then all of them.
 */
export function useIncidentEvents(database: DebriefDatabase, incidentId: string, options: SubscribeOptions = {}): LiveEventsState {
  const live = liveIncidentEvents(database, incidentId);
  const { searchIndex } = options;
  const subscribe = useCallback(
    (notify: () => void) => {
      const unsubscribe = live.subscribe(notify, { searchIndex });
      return () => {
        unsubscribe();
        releaseIncidentEvents(live);
      };
    },
    [live, searchIndex],
  );
  return useSyncExternalStore(subscribe, () => live.current);
}
