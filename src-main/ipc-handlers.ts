import path from 'node:path';
import { BrowserWindow, Notification, dialog, ipcMain, shell } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import type { z } from 'zod';
import { IPC_CHANNELS, type InvokeChannel, type IpcResult } from './preload/ipc-channels';
import type { BeginSaveResult, PickedFileRef, SaveFileResult, SyncTokenProtection, SyncTokenState } from './preload/desktop-api';
import { writeFileAtomic } from './atomic-file';
import { DesktopError } from './ipc-errors';
import {
  assertTrustedSender,
  beginSaveRequestSchema,
  externalUrlSchema,
  noArgumentsSchema,
  syncOriginSchema,
  syncTokenSchema,
  notificationRequestSchema,
  openFilesRequestSchema,
  parseArgument,
  printToPdfRequestSchema,
  readFileRequestSchema,
  saveIdRequestSchema,
  writeSaveRequestSchema,
} from './ipc-validation';
import { listPickedPaths, PickedFileRegistry } from './picked-files';
import { SaveSessions } from './save-sessions';
import { externalUrlOrNull } from './url-policy';

export interface IpcHandlerContext {
  trustedOrigins: ReadonlySet<string>;
  appVersion: string;
  /** Folder the save dialogs start in. */
  defaultSaveDir: string;
  /** Where the team sync server's origin is kept for the next start's CSP. */
  syncOrigin: { remember(origin: string | null): Promise<void> };
  /** Where the team sync token is kept encrypted (sync-token-store.ts). */
  syncToken: { read(): Promise<SyncTokenState>; write(token: string | null): Promise<SyncTokenProtection> };
}

/**
 * Wraps one handler: the sender frame is checked first, then the argument is parsed, and
 * only then does the implementation run. Failures come back as a coded envelope.
 */
export function guardedHandler<A, R>(
  trusted: ReadonlySet<string>,
  schema: z.ZodType<A>,
  impl: (arg: A, event: IpcMainInvokeEvent) => Promise<R> | R,
): (event: IpcMainInvokeEvent, arg?: unknown) => Promise<IpcResult<R>> {
  return async (event, arg) => {
    try {
      assertTrustedSender(event.senderFrame, trusted);
      const value = await impl(parseArgument(schema, arg), event);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DesktopError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  };
}

function windowOf(event: IpcMainInvokeEvent): BrowserWindow {
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!win) throw new DesktopError('NO_WINDOW', 'The window that asked has closed.');
  return win;
}

/** The state the handlers keep per window: picked-file handles and saves in progress. */
export interface IpcState {
  picked: PickedFileRegistry;
  saves: SaveSessions;
}

export function registerIpcHandlers(ctx: IpcHandlerContext, state: IpcState = { picked: new PickedFileRegistry(), saves: new SaveSessions() }): IpcState {
  const watched = new Set<number>();
  /** The window's webContents id; what it was handed is dropped when it closes or reloads. */
  const ownerOf = (event: IpcMainInvokeEvent): number => {
    const sender = event.sender;
    if (!watched.has(sender.id)) {
      watched.add(sender.id);
      const forget = () => {
        state.picked.releaseOwner(sender.id);
        void state.saves.abortOwner(sender.id);
      };
      sender.once('destroyed', () => {
        forget();
        watched.delete(sender.id);
      });
      // A reload starts a new page that knows none of the old handles.
      sender.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) forget();
      });
    }
    return sender.id;
  };
  const handle = <A, R>(channel: InvokeChannel, schema: z.ZodType<A>, impl: (arg: A, event: IpcMainInvokeEvent) => Promise<R> | R) =>
    ipcMain.handle(channel, guardedHandler(ctx.trustedOrigins, schema, impl));

  handle(IPC_CHANNELS.openFiles, openFilesRequestSchema, async (request, event): Promise<PickedFileRef[]> => {
    const directories = request.directories ?? false;
    const properties: OpenDialogOptions['properties'] = directories ? ['openDirectory'] : ['openFile'];
    if (request.multiple) properties.push('multiSelections');
    const result = await dialog.showOpenDialog(windowOf(event), {
      title: request.title,
      filters: directories ? undefined : request.filters,
      properties,
    });
    if (result.canceled || result.filePaths.length === 0) return [];
    return state.picked.issue(ownerOf(event), await listPickedPaths(result.filePaths, directories));
  });

  handle(IPC_CHANNELS.readFile, readFileRequestSchema, (request, event) => state.picked.read(ownerOf(event), request.handle, request.offset, request.length));

  handle(IPC_CHANNELS.beginSave, beginSaveRequestSchema, async (request, event): Promise<BeginSaveResult> => {
    const result = await dialog.showSaveDialog(windowOf(event), {
      defaultPath: path.join(ctx.defaultSaveDir, request.suggestedName),
      filters: request.filters,
    });
    if (result.canceled || !result.filePath) return { saveId: null };
    return { saveId: await state.saves.begin(ownerOf(event), result.filePath) };
  });

  handle(IPC_CHANNELS.writeSave, writeSaveRequestSchema, (request, event) => state.saves.write(ownerOf(event), request.saveId, request.chunk));

  handle(IPC_CHANNELS.finishSave, saveIdRequestSchema, async (request, event): Promise<SaveFileResult> => {
    await state.saves.finish(ownerOf(event), request.saveId);
    return { saved: true };
  });

  handle(IPC_CHANNELS.abortSave, saveIdRequestSchema, (request, event) => state.saves.abort(ownerOf(event), request.saveId));

  handle(IPC_CHANNELS.showNotification, notificationRequestSchema, (request): void => {
    // Some Linux desktops have no notification daemon; nothing useful to report then.
    if (Notification.isSupported()) new Notification({ title: request.title, body: request.body }).show();
  });

  handle(IPC_CHANNELS.printToPdf, printToPdfRequestSchema, async (request, event): Promise<SaveFileResult> => {
    const win = windowOf(event);
    let pdf: Uint8Array;
    try {
      pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', generateDocumentOutline: true });
    } catch (error) {
      throw new DesktopError('PDF_FAILED', `Could not render the PDF: ${(error as Error).message}`, { cause: error });
    }
    const name = request.suggestedName.toLowerCase().endsWith('.pdf') ? request.suggestedName : `${request.suggestedName}.pdf`;
    const result = await dialog.showSaveDialog(win, {
      defaultPath: path.join(ctx.defaultSaveDir, name),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (result.canceled || !result.filePath) return { saved: false };
    try {
      await writeFileAtomic(result.filePath, pdf);
    } catch (error) {
      throw new DesktopError('FILE_WRITE_FAILED', `Could not save ${path.basename(result.filePath)}: ${(error as Error).message}`, { cause: error });
    }
    return { saved: true };
  });

  handle(IPC_CHANNELS.openExternal, externalUrlSchema, async (raw): Promise<void> => {
    const url = externalUrlOrNull(raw);
    if (!url) throw new DesktopError('EXTERNAL_URL_REFUSED', 'Only http, https and mailto links can be opened.');
    await shell.openExternal(url.href);
  });

  handle(IPC_CHANNELS.appVersion, noArgumentsSchema, (): string => ctx.appVersion);
  handle(IPC_CHANNELS.rememberSyncOrigin, syncOriginSchema, (origin): Promise<void> => ctx.syncOrigin.remember(origin));
  handle(IPC_CHANNELS.readSyncToken, noArgumentsSchema, (): Promise<SyncTokenState> => ctx.syncToken.read());
  handle(IPC_CHANNELS.writeSyncToken, syncTokenSchema, (token): Promise<SyncTokenProtection> => ctx.syncToken.write(token));
  return state;
}
