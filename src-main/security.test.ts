import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({ openExternal: vi.fn(async () => undefined) }));
vi.mock('electron', () => ({ shell }));

const { hardenWebContents, installSecurityPolicies, isPermissionAllowed } = await import('./security');

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
  };
  hardenWebContents(contents as unknown as WebContents);
  return {
    navigate(url: string) {
      const event = { preventDefault: vi.fn() };
      listeners.get('will-navigate')?.(event, url);
      return event.preventDefault;
    },
    open: (url: string) => openHandler?.({ url }),
    attachWebview() {
      const event = { preventDefault: vi.fn() };
      listeners.get('will-attach-webview')?.(event);
      return event.preventDefault;
    },
  };
}

beforeEach(() => vi.clearAllMocks());

describe('hardenWebContents', () => {
  it('blocks every navigation and opens safe links in the browser', () => {
    const contents = fakeContents();
    expect(contents.navigate('https://example.com/runbook')).toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/runbook');
  });

  it('blocks navigation to unsafe URLs without opening them anywhere', () => {
    const contents = fakeContents();
    expect(contents.navigate('file:///etc/passwd')).toHaveBeenCalled();
    expect(contents.navigate('app://debrief/other.html')).toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies new windows, forwarding only safe links', () => {
    const contents = fakeContents();
    expect(contents.open('mailto:cx@example.com')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('mailto:cx@example.com');
  });

  it('refuses webviews', () => {
    expect(fakeContents().attachWebview()).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  const trusted: ReadonlySet<string> = new Set(['app://debrief']);
  const app = 'app://debrief/index.html';

  it('allows notifications, clipboard writes and persistent storage only', () => {
    expect(isPermissionAllowed('notifications', app, trusted)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', app, trusted)).toBe(true);
    expect(isPermissionAllowed('persistent-storage', app, trusted)).toBe(true);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'display-capture', 'fileSystem', 'unknown']) {
      expect(isPermissionAllowed(p, app, trusted)).toBe(false);
    }
  });

  it('refuses even allowed permissions to any origin but the app', () => {
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'null', '', undefined]) {
      expect(isPermissionAllowed('notifications', url, trusted)).toBe(false);
    }
  });

  it('installs both the request and the check handler, both checking the requesting origin', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void, details: { requestingUrl?: string }) => void) | undefined;
    let check: ((c: unknown, p: string, origin: string) => boolean) | undefined;
    const ses = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    };
    installSecurityPolicies(ses as unknown as Session, trusted);
    const answers: boolean[] = [];
    request?.(null, 'media', (ok) => answers.push(ok), { requestingUrl: app });
    request?.(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: app });
    request?.(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    expect(answers).toEqual([false, true, false]);
    expect(check?.(null, 'geolocation', 'app://debrief')).toBe(false);
    expect(check?.(null, 'notifications', 'app://debrief')).toBe(true);
    expect(check?.(null, 'notifications', 'https://evil.example')).toBe(false);
  });
});
