import { safeHref } from '../src-renderer/core/links/safe-link';

/** The privileged scheme the production renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'debrief';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The only URLs the OS may open for us, by the renderer's one rule for external links (checked
 * again here because the renderer is not trusted): http(s) without credentials, and mailto
 * rebuilt from its addresses, subject and body so `?attach=` never reaches the mail client.
 */
export function externalUrlOrNull(raw: string): URL | null {
  const href = safeHref(raw);
  return href === null ? null : parse(href);
}

/**
 * Origins whose frames count as the app itself: the app:// origin, plus the electron-vite
 * dev server while developing (only when the app is not packaged).
 */
export function trustedOrigins(devServerUrl: string | undefined, isPackaged: boolean): ReadonlySet<string> {
  const origins = new Set([APP_ORIGIN]);
  const dev = !isPackaged && devServerUrl ? parse(devServerUrl) : null;
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) origins.add(dev.origin);
  return origins;
}

/** Origin of a frame URL, including for app:// where `URL.origin` may report "null". */
export function originOf(raw: string): string | null {
  const url = parse(raw);
  if (!url) return null;
  if (url.protocol === `${APP_SCHEME}:`) return url.host ? `${APP_SCHEME}://${url.host}` : null;
  return url.origin === 'null' ? null : url.origin;
}

export interface NavigationDecision {
  /** Always false: the window never navigates away from the single-page app. */
  allowInApp: false;
  /** Set when the link is safe to hand to the user's browser or mail client. */
  openExternally: URL | null;
}

/** Used by both `will-navigate` and `setWindowOpenHandler`: deny, maybe open outside. */
export function decideNavigation(raw: string): NavigationDecision {
  return { allowInApp: false, openExternally: externalUrlOrNull(raw) };
}
