import { useEffect } from 'react';

const APP_NAME = 'Debrief';

/** The window title, most specific first: "Checkout 5xx — Postmortem — Debrief". */
export function documentTitle(parts: readonly (string | null | undefined)[]): string {
  return [...parts.filter((part): part is string => !!part && part.trim() !== ''), APP_NAME].join(' — ');
}

/** Names the page in the window title (and the screen reader's page announcement); null leaves it to another screen. */
export function useDocumentTitle(parts: readonly (string | null | undefined)[] | null): void {
  const title = parts ? documentTitle(parts) : null;
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}
