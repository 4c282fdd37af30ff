/** The viewer's own zone (what their calendar shows); UTC when the runtime cannot tell. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
