/**
 * Opening a mention shows its comment thread: the Postmortem tab may not be mounted yet, so the
 * request waits in sessionStorage (like export-request.ts) and the event reaches a tab already showing.
 */
const KEY = 'debrief:open-thread';
export const THREAD_REQUEST_EVENT = 'debrief:open-thread';

export function requestThreadFocus(threadId: string): void {
  sessionStorage.setItem(KEY, threadId);
  window.dispatchEvent(new Event(THREAD_REQUEST_EVENT));
}

/** Reads and clears the request. */
export function takeThreadRequest(): string | null {
  const threadId = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  return threadId;
}

/** Opens the incident's postmortem with the comment thread `threadId` shown. */
export function openCommentThread(incidentId: string, threadId: string): void {
  requestThreadFocus(threadId);
  window.location.hash = `#/incidents/${encodeURIComponent(incidentId)}/postmortem`;
}
