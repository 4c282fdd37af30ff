/**
 * IPC channel names shared by the preload and the main process. Plain constants only: the
 * sandboxed preload bundles this file, so it may not import node or electron.
 */
export const IPC_CHANNELS = {
  openFiles: 'debrief:open-files',
  saveFile: 'debrief:save-file',
  showNotification: 'debrief:show-notification',
  printToPdf: 'debrief:print-to-pdf',
  openExternal: 'debrief:open-external',
  appVersion: 'debrief:app-version',
  menuCommand: 'debrief:menu-command',
} as const;

export type InvokeChannel = Exclude<(typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS], typeof IPC_CHANNELS.menuCommand>;

/**
 * Handlers answer with an envelope instead of throwing: Electron flattens thrown errors into
 * "Error invoking remote method …" strings, and the user should see the real message.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
