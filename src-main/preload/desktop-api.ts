/**
 * The contract between the renderer and the main process. The preload implements it
 * (checked with `satisfies`) and the renderer's Electron platform consumes it; both compile
 * against this one file. Types only: nothing here may import electron or node.
 */

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFilesRequest {
  title?: string;
  filters?: FileFilter[];
  multiple?: boolean;
  /** Pick folders instead of files (e.g. an unpacked Slack export). */
  directories?: boolean;
}

/**
 * A file the user picked, not its bytes: the renderer reads byte ranges by `handle`, an opaque
 * id the main process issued to this window. No path crosses the bridge.
 */
export interface PickedFileRef {
  handle: string;
  name: string;
  /** Path relative to the picked folder (equals name for a picked file). */
  relativePath: string;
  /** Bytes at pick time; reads never go past it. */
  size: number;
  lastModified: number;
}

export interface ReadFileRequest {
  handle: string;
  offset: number;
  /** At most IPC_CHUNK_BYTES. */
  length: number;
}

export interface BeginSaveRequest {
  suggestedName: string;
  filters?: FileFilter[];
}

/** `saveId` is null when the user cancelled the save dialog. */
export interface BeginSaveResult {
  saveId: string | null;
}

export interface WriteSaveRequest {
  saveId: string;
  /** At most IPC_CHUNK_BYTES. */
  chunk: Uint8Array;
}

export interface SaveIdRequest {
  saveId: string;
}

export interface SaveFileResult {
  saved: boolean;
}

export interface NotificationRequest {
  title: string;
  body: string;
}

export interface PrintToPdfRequest {
  suggestedName: string;
}

/**
 * How the desktop keeps the team sync token: `encrypted` with the operating system's keychain
 * (Electron safeStorage), or `unavailable` when this computer offers none (on Linux without a
 * keyring Chromium would only obfuscate it with a fixed key): the renderer then keeps the token
 * as the browser build does, and says so.
 */
export type SyncTokenProtection = 'encrypted' | 'unavailable';

export interface SyncTokenState {
  /** The kept token; null when none is kept or it can no longer be decrypted (another keychain). */
  token: string | null;
  protection: SyncTokenProtection;
}

export const MENU_COMMANDS = ['new-incident', 'import', 'export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface DesktopApi {
  openFiles(request: OpenFilesRequest): Promise<PickedFileRef[]>;
  /** Bytes [offset, offset + length) of a picked file, fewer at its end. */
  readFile(request: ReadFileRequest): Promise<Uint8Array>;
  /**
   * A save in pieces: the dialog, then chunks appended to a temporary file beside the target,
   * then finish (fsync + rename over the target) or abort (the target is untouched).
   */
  beginSave(request: BeginSaveRequest): Promise<BeginSaveResult>;
  writeSave(request: WriteSaveRequest): Promise<void>;
  finishSave(request: SaveIdRequest): Promise<SaveFileResult>;
  abortSave(request: SaveIdRequest): Promise<void>;
  showNotification(request: NotificationRequest): Promise<void>;
  printToPdf(request: PrintToPdfRequest): Promise<SaveFileResult>;
  openExternal(url: string): Promise<void>;
  appVersion(): Promise<string>;
  /** The team sync server's origin (ws(s)://host[:port]) for the CSP of the next start; null for none. */
  rememberSyncOrigin(origin: string | null): Promise<void>;
  /** The team sync token kept encrypted by the main process, and whether it can encrypt at all. */
  readSyncToken(): Promise<SyncTokenState>;
  /** Keeps the token encrypted (null forgets it); `unavailable` means nothing was kept. */
  writeSyncToken(token: string | null): Promise<SyncTokenProtection>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The global the preload exposes through contextBridge. */
export const DESKTOP_API_KEY = 'debriefDesktop';
