/**
 * File > Export… inside an incident asks the Postmortem tab to open its export dialog. The tab
 * may not be mounted yet (another tab was showing), so the request waits in sessionStorage and
 * is taken once by whichever postmortem screen appears; the event reaches one already showing.
 */
const KEY = 'debrief:open-export';
export const EXPORT_REQUEST_EVENT = 'debrief:open-export';

export function requestPostmortemExport(): void {
  sessionStorage.setItem(KEY, '1');
  window.dispatchEvent(new Event(EXPORT_REQUEST_EVENT));
}

/** Reads and clears the request, so it opens the dialog once. */
export function takeExportRequest(): boolean {
  const requested = sessionStorage.getItem(KEY) !== null;
  sessionStorage.removeItem(KEY);
  return requested;
}
