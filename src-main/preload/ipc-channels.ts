/**
 * IPC channel names shared by the preload and the main process. Plain constants only: the
 * sandboxed preload bundles this file, so it may not import node or electron.
 */
export const IPC_CHANNELS = {
  openFiles: 'debrief:open-files',
  readFile: 'debrief:read-file',
  beginSave: 'debrief:begin-save',
  writeSave: 'debrief:write-save',
  finishSave: 'debrief:finish-save',
  abortSave: 'debrief:abort-save',
  showNotification: 'debrief:show-notification',
  printToPdf: 'debrief:print-to-pdf',
  openExternal: 'debrief:open-external',
  appVersion: 'debrief:app-version',
  rememberSyncOrigin: 'debrief:remember-sync-origin',
  readSyncToken: 'debrief:read-sync-token',
  writeSyncToken: 'debrief:write-sync-token',
  menuCommand: 'debrief:menu-command',
} as const;

/**
 * Bytes cross the bridge in pieces of at most this size, both ways: files of any size are read
 * and saved with flat memory, and no single message holds more than this.
 */
export const IPC_CHUNK_BYTES = 8 * 1024 * 1024;

export type InvokeChannel = Exclude<(typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS], typeof IPC_CHANNELS.menuCommand>;

/**
 * Handlers answer with an envelope instead of throwing: Electron flattens thrown errors into
 * "Error invoking remote method …" strings, and the user should see the real message.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
