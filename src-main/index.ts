import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, protocol, safeStorage, screen, session } from 'electron';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler } from './app-protocol';
import { SyncOriginStore } from './sync-origin-store';
import { SyncTokenStore } from './sync-token-store';
import { registerIpcHandlers } from './ipc-handlers';
import { buildMenuTemplate } from './menu';
import { IPC_CHANNELS } from './preload/ipc-channels';
import type { MenuCommand } from './preload/desktop-api';
import { hardenWebContents, installSecurityPolicies } from './security';
import { APP_ENTRY_URL, APP_SCHEME, trustedOrigins } from './url-policy';
import { secureWindowOptions } from './window-options';
import { clampToDisplays } from './window-state';
import { loadWindowState, trackWindowState } from './window-state-store';

const here = path.dirname(fileURLToPath(import.meta.url));
// out/main/index.js → out/preload/index.cjs and out/renderer/.
const PRELOAD_PATH = path.join(here, '../preload/index.cjs');
const RENDERER_ROOT = path.join(here, '../renderer');
// Packaged builds take their icon from the installer; in development use the source one.
const ICON_PATH = app.isPackaged ? undefined : path.join(here, '../../build/icon.png');

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

// Privileged schemes must be declared before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(IPC_CHANNELS.menuCommand, command);
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'About Debrief',
    message: `Debrief ${app.getVersion()}`,
    detail: 'Blameless incident reviews, kept on this computer.',
    buttons: ['OK'],
  };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

function createMainWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const primary = screen.getPrimaryDisplay();
  const placement = clampToDisplays(loadWindowState(stateFile), screen.getAllDisplays(), primary);
  const { isMaximized, isFullScreen, ...bounds } = placement;
  const win = new BrowserWindow(secureWindowOptions({ bounds, preloadPath: PRELOAD_PATH, iconPath: ICON_PATH, allowDevTools: !app.isPackaged }));
  trackWindowState(win, stateFile);
  win.once('ready-to-show', () => {
    if (isMaximized) win.maximize();
    if (isFullScreen) win.setFullScreen(true);
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  const trusted = trustedOrigins(devServerUrl, app.isPackaged);
  installSecurityPolicies(session.defaultSession, trusted);
  const syncOrigin = new SyncOriginStore(app.getPath('userData'));
  protocol.handle(APP_SCHEME, createAppRequestHandler(RENDERER_ROOT, () => syncOrigin.current()));
  registerIpcHandlers({
    trustedOrigins: trusted,
    appVersion: app.getVersion(),
    defaultSaveDir: app.getPath('documents'),
    syncOrigin,
    syncToken: new SyncTokenStore(app.getPath('userData'), safeStorage),
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        appName: 'Debrief',
        send: sendMenuCommand,
        showAbout,
      }),
    ),
  );
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    else focusMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Debrief is running; it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  start().catch((error: unknown) => {
    dialog.showErrorBox('Debrief could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
