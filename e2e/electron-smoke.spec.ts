import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));

/**
 * Where the Electron binary is, read the way node_modules/electron/index.js does but without
 * its side effect: requiring that module starts a download when the binary is missing.
 */
function installedElectron(): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const dist = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(electronDir, 'dist');
  const executable = path.join(dist, readFileSync(pathFile, 'utf8'));
  return existsSync(executable) ? executable : null;
}

const executablePath = installedElectron();

test.describe('desktop shell', () => {
  test.skip(!executablePath, 'Electron binary not downloaded — no internet on this machine');

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    if (!existsSync(path.join(root, 'out/main/index.js'))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
      expect(build.status, 'npm run build').toBe(0);
    }
    // A private profile so the test neither reads nor overwrites the developer's data.
    userData = mkdtempSync(path.join(tmpdir(), 'debrief-e2e-'));
    const env: Record<string, string> = { ...(process.env as Record<string, string>), XDG_CONFIG_HOME: userData, APPDATA: userData };
    delete env['ELECTRON_RENDERER_URL'];
    const runningAsRoot = process.platform === 'linux' && process.getuid?.() === 0;
    app = await electron.launch({
      executablePath: executablePath ?? undefined,
      // The project folder, whose package.json "main" is out/main/index.js (the build output).
      args: [root, ...(runningAsRoot ? ['--no-sandbox'] : [])],
      cwd: root,
      env,
    });
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('opens one Debrief window served from app://', async () => {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await expect(window).toHaveTitle(/Debrief/);
    expect(window.url()).toMatch(/^app:\/\/debrief\//);
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatch(/Debrief/);
  });

  test('runs the renderer isolated and sandboxed', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown> | null;
      };
      const last = contents.getLastWebPreferences?.() ?? null;
      return last && {
        contextIsolation: last['contextIsolation'],
        sandbox: last['sandbox'],
        nodeIntegration: last['nodeIntegration'],
        webSecurity: last['webSecurity'],
        webviewTag: last['webviewTag'],
      };
    });
    if (prefs) {
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    }
    const window = await app.firstWindow();
    // Whatever the main process reports, the page itself must see no Node and only the bridge.
    const page = await window.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      const bridge = g['debriefDesktop'] as Record<string, unknown> | undefined;
      return {
        require: typeof g['require'],
        process: typeof g['process'],
        module: typeof g['module'],
        bridge: bridge ? Object.keys(bridge).sort() : null,
        ipcRenderer: bridge ? 'ipcRenderer' in bridge : false,
      };
    });
    expect(page).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      bridge: [
        'abortSave',
        'appVersion',
        'beginSave',
        'finishSave',
        'onMenuCommand',
        'openExternal',
        'openFiles',
        'printToPdf',
        'readFile',
        'readSyncToken',
        'rememberSyncOrigin',
        'showNotification',
        'writeSave',
        'writeSyncToken',
      ],
      ipcRenderer: false,
    });
    const version = await window.evaluate(() => (globalThis as unknown as { debriefDesktop: { appVersion(): Promise<string> } }).debriefDesktop.appVersion());
    expect(version).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });

  test('keeps navigation inside the app', async () => {
    const page = await app.firstWindow();
    const before = page.url();
    await page.evaluate(() => {
      globalThis.location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });
});
