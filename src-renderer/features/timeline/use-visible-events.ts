import { useEffect, useRef } from 'react';
import { useIncidentEvents, type LiveEventsState } from '@data/events';
import { db } from '@data/connection';
import { measureSince, nowMs } from './perf';

export type VisibleEvents = LiveEventsState;

/** The incident's visible events for the Timeline tab, kept current by the event module, with the search index built while they load. */
export function useVisibleEvents(incidentId: string): VisibleEvents {
  const state = useIncidentEvents(db, incidentId, SEARCH_INDEX);
  const mounted = useRef(nowMs());
  const reported = useRef(false);
  useEffect(() => {
    if (state.complete && state.events && !reported.current) {
      reported.current = true;
      measureSince('timeline:all-events', mounted.current, { events: state.events.length });
    }
  }, [state]);
  return state;
}

const SEARCH_INDEX = { searchIndex: true };
