import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';

/** A stand-in for the parts of Electron the entry point wires together. */
const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    gotLock: true,
    windows: [] as { options: BrowserWindowConstructorOptions; loadURL: ReturnType<typeof vi.fn> }[],
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    order: [] as string[],
  };
  class FakeWindow {
    webContents = { send: vi.fn() };
    on = vi.fn();
    once = vi.fn();
    loadURL = vi.fn(async () => undefined);
    constructor(readonly options: BrowserWindowConstructorOptions) {
      state.windows.push(this);
    }
    static getAllWindows = () => state.windows;
    static getFocusedWindow = () => null;
  }
  const area = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  const electron = {
    app: {
      isPackaged: true,
      whenReady: vi.fn(async () => {
        state.order.push('ready');
      }),
      requestSingleInstanceLock: vi.fn(() => state.gotLock),
      on: vi.fn((name: string, fn: (...args: unknown[]) => void) => state.appListeners.set(name, fn)),
      quit: vi.fn(),
      exit: vi.fn(),
      getPath: vi.fn(() => state.userData),
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => state.order.push('register-scheme')),
      handle: vi.fn((scheme: string, fn: (request: Request) => Promise<Response>) => state.handlers.set(scheme, fn)),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    screen: { getPrimaryDisplay: () => area, getAllDisplays: () => [area] },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    dialog: { showMessageBox: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    shell: { openExternal: vi.fn() },
    Notification: { isSupported: () => false },
    safeStorage: { isAsyncEncryptionAvailable: vi.fn(async () => false) },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  fake.state.userData = mkdtempSync(path.join(tmpdir(), 'debrief-main-'));
  fake.state.gotLock = true;
  fake.state.windows.length = 0;
  fake.state.appListeners.clear();
  fake.state.handlers.clear();
  fake.state.order.length = 0;
  process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
});
afterEach(() => {
  rmSync(fake.state.userData, { recursive: true, force: true });
  delete process.env['ELECTRON_RENDERER_URL'];
});

describe('main process entry', () => {
  it('registers app:// as privileged before the app is ready', async () => {
    await import('./index');
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    expect(fake.state.order.slice(0, 2)).toEqual(['register-scheme', 'ready']);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('opens one secure window on app:// in a packaged build, ignoring a stray dev URL', async () => {
    await import('./index');
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    const [win] = fake.state.windows;
    expect(win?.loadURL).toHaveBeenCalledWith('app://debrief/index.html');
    expect(win?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(win?.options.webPreferences?.preload).toMatch(/preload[/\\]index\.cjs$/);
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(fake.state.appListeners.has('second-instance')).toBe(true);
    expect(fake.state.appListeners.has('web-contents-created')).toBe(true);
  });

  it('serves the renderer through the app:// handler with the CSP', async () => {
    await import('./index');
    await vi.waitFor(() => expect(fake.state.handlers.has('app')).toBe(true));
    const res = await fake.state.handlers.get('app')?.(new Request('app://debrief/..%2f..%2fpackage.json'));
    expect(res?.status).toBe(403);
    const missing = await fake.state.handlers.get('app')?.(new Request('app://debrief/assets/none.js'));
    expect(missing?.status).toBe(404);
    // Scripts only from the app; WebAssembly (sql.js) may compile, JavaScript eval may not.
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.gotLock = false;
    await import('./index');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
  });
});
