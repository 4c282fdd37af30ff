import { useEffect, type RefObject } from 'react';

/** Live regions (toasts) stay usable above a modal overlay: they announce and offer Undo for what it does. */
const TAB_STOPS = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

const KEEP_LIVE = '[aria-live], [role="status"], [role="alert"]';

/**
 * Makes a full-window overlay that is not a <dialog> (the meeting view: fullscreen, its own
 * keys) modal: everything else on the page is inert while it shows, so Tab, clicks and screen
 * readers stay inside it, and page shortcuts see it as an open dialog (aria-modal).
 */
export function useModalOverlay(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const overlay = ref.current;
    if (!overlay) return;
    const made: HTMLElement[] = [];
    for (let node: HTMLElement = overlay; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of Array.from(node.parentElement.children)) {
        if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert || sibling.matches(KEEP_LIVE)) continue;
        if (['SCRIPT', 'STYLE'].includes(sibling.tagName)) continue;
        sibling.inert = true;
        made.push(sibling);
      }
    }
    // Tab wraps around inside the overlay instead of leaving for the browser's own controls.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const stops = Array.from(overlay.querySelectorAll<HTMLElement>(TAB_STOPS)).filter((el) => !el.closest('[inert]') && el.getClientRects().length > 0);
      const first = stops[0];
      const last = stops[stops.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === overlay)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    overlay.addEventListener('keydown', onKey);
    return () => {
      overlay.removeEventListener('keydown', onKey);
      made.forEach((el) => (el.inert = false));
    };
  }, [ref]);
}
