/** The privileged scheme the production renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'debrief';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The only URLs the OS may open for us. Credentials in a web URL are refused because
 * `https://trusted.example@evil.example` is a classic way to disguise the real host.
 */
export function externalUrlOrNull(raw: string): URL | null {
  const url = parse(raw);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && (url.username !== '' || url.password !== '' || url.hostname === '')) return null;
  return url;
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
