import { shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { decideNavigation, originOf } from './url-policy';

/**
 * The web permissions Debrief uses: notifications (action items due), sanitized clipboard
 * writes (the recovery screen's "copy error" button) and persistent storage (so Chromium never
 * evicts the incident database under disk pressure). Camera, location, clipboard reads, device
 * access and everything else are refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write', 'persistent-storage']);

/**
 * A permission is granted only for one of the allowed kinds and only when the frame asking is
 * Debrief itself: a page that somehow got into a frame (or a future embedded view) gets nothing.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, trusted: ReadonlySet<string>): boolean {
  const origin = requestingUrl ? originOf(requestingUrl) : null;
  return ALLOWED_PERMISSIONS.has(permission) && origin !== null && trusted.has(origin);
}

export function installSecurityPolicies(ses: Session, trusted: ReadonlySet<string>): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl, trusted)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, trusted));
}

function openOutside(raw: string): void {
  const { openExternally } = decideNavigation(raw);
  if (openExternally) {
    shell.openExternal(openExternally.href).catch((error: unknown) => console.warn('Could not open link', error));
  }
}

/**
 * Applied to every WebContents the app creates: it never navigates away from the app or
 * opens new Electron windows; safe links go to the user's browser instead.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openOutside(url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
