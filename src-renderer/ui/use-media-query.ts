import { useCallback, useSyncExternalStore } from 'react';

/**
 * A window that is short or narrow: 1024×700, or a 1280×860 window at 200% zoom (640×430 CSS
 * pixels). Pages collapse secondary chrome (charts, filter rows) so their content starts on the
 * first screen. The CSS media queries of the same layouts use these numbers too.
 */
export const COMPACT_LAYOUT_QUERY = '(max-height: 760px), (max-width: 760px)';

/** Whether a media query matches, following changes (window resized, zoom changed). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia?.(query);
      media?.addEventListener('change', onChange);
      return () => media?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(query).matches ?? false, () => false);
}
