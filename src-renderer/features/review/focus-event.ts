/** The Timeline reads this key on load and scrolls to (and selects) that event. */
export const FOCUS_EVENT_KEY = 'debrief:focus-event';

export function jumpToEvent(incidentId: string, eventId: string): void {
  sessionStorage.setItem(FOCUS_EVENT_KEY, eventId);
  window.location.hash = `#/incidents/${encodeURIComponent(incidentId)}/timeline`;
}
