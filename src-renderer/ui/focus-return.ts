/**
 * Focus after a dialog or overlay goes away: to the wanted element, else to the opener if it is
 * still on the page, else to the skip target (the page's main content), never to <body>. The
 * wanted element may be a record that shows up a few frames later (a live query), so this
 * waits for it up to ~2 s before falling back.
 */
export function restoreFocus(wanted: HTMLElement | string | null, opener: HTMLElement | null, framesLeft = 120): void {
  const target = typeof wanted === 'string' ? document.querySelector<HTMLElement>(wanted) : wanted;
  if (target?.isConnected) {
    target.focus({ preventScroll: false });
    return;
  }
  if (typeof wanted === 'string' && framesLeft > 0) {
    requestAnimationFrame(() => restoreFocus(wanted, opener, framesLeft - 1));
    return;
  }
  if (opener?.isConnected && opener !== document.body) {
    opener.focus();
    return;
  }
  // The opener is gone (a menu that closed, a row that moved): once the closing render is done,
  // and unless something else took focus meanwhile, start again at the page's content.
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  });
}

/** The incident's or screen's content, the skip link's target and the focus fallback. */
export const MAIN_CONTENT_ID = 'main-content';
