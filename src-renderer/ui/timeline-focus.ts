/**
 * Jumping back to a timeline event from elsewhere (a postmortem reference, an annotation): the
 * wanted event id is written under this key and the route changes; the Timeline takes (reads
 * and clears) it when it shows and selects that event. sessionStorage keeps it per window,
 * across the route change.
 */
export const FOCUS_EVENT_KEY = 'debrief:focus-event';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Storage can be disabled by the browser; the jump then only opens the timeline.
    return null;
  }
}

/** Asks the timeline to select `eventId` the next time it shows. */
export function requestTimelineFocus(eventId: string): void {
  storage()?.setItem(FOCUS_EVENT_KEY, eventId);
}

/** The event the timeline should select, once: the request is cleared as it is read. */
export function takeTimelineFocus(): string | null {
  const store = storage();
  const eventId = store?.getItem(FOCUS_EVENT_KEY) ?? null;
  if (eventId !== null) store?.removeItem(FOCUS_EVENT_KEY);
  return eventId;
}

/** Opens the incident's timeline with `eventId` selected. */
export function jumpToTimelineEvent(incidentId: string, eventId: string): void {
  requestTimelineFocus(eventId);
  window.location.hash = `#/incidents/${encodeURIComponent(incidentId)}/timeline`;
}
