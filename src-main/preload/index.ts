import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_API_KEY, MENU_COMMANDS, type DesktopApi, type MenuCommand } from './desktop-api';
import { IPC_CHANNELS, type InvokeChannel, type IpcResult } from './ipc-channels';

/**
 * The sandboxed bridge. Each method maps to exactly one allowlisted channel; ipcRenderer
 * itself never crosses into the page. Everything is re-validated in the main process.
 */
async function invoke<T>(channel: InvokeChannel, arg?: unknown): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, arg)) as IpcResult<T>;
  if (result.ok) return result.value;
  // contextBridge keeps only an Error's message, so the code travels in the name too.
  const error = new Error(result.message);
  error.name = result.code;
  throw error;
}

const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

const api = {
  openFiles: (request) => invoke(IPC_CHANNELS.openFiles, request),
  readFile: (request) => invoke(IPC_CHANNELS.readFile, request),
  beginSave: (request) => invoke(IPC_CHANNELS.beginSave, request),
  writeSave: (request) => invoke(IPC_CHANNELS.writeSave, request),
  finishSave: (request) => invoke(IPC_CHANNELS.finishSave, request),
  abortSave: (request) => invoke(IPC_CHANNELS.abortSave, request),
  showNotification: (request) => invoke(IPC_CHANNELS.showNotification, request),
  printToPdf: (request) => invoke(IPC_CHANNELS.printToPdf, request),
  openExternal: (url) => invoke(IPC_CHANNELS.openExternal, url),
  appVersion: () => invoke(IPC_CHANNELS.appVersion),
  rememberSyncOrigin: (origin) => invoke(IPC_CHANNELS.rememberSyncOrigin, origin),
  readSyncToken: () => invoke(IPC_CHANNELS.readSyncToken),
  writeSyncToken: (token) => invoke(IPC_CHANNELS.writeSyncToken, token),
  onMenuCommand(listener) {
    const forward = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC_CHANNELS.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, forward);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld(DESKTOP_API_KEY, api);
