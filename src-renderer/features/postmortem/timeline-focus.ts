/**
 * A postmortem's event references jump back to the timeline. The postmortem writes the wanted
 * event id under this key (the same key and plain-id format the review feature writes) and
 * changes the route; the timeline takes (reads and clears) it when it shows and selects the
 * event if it is one of its own. sessionStorage keeps it per window, across the route change.
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
