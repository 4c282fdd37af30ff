import type { MenuCommand } from '../../src-main/preload/desktop-api';
import type { PickedBlob } from './desktop-file';

export type { MenuCommand };

export interface PickedFile {
  /** A browser File, or on the desktop a file read lazily by byte range (DesktopFile). */
  file: PickedBlob;
  /** Path relative to the picked or dropped folder; the file name for a single file. */
  path: string;
}

export interface PickFilesOptions {
  accept?: string[];
  multiple?: boolean;
  directories?: boolean;
}

export interface SaveOptions {
  suggestedName: string;
  mimeType: string;
  /** File-type filter for the desktop save dialog, e.g. { name: 'Markdown', extensions: ['md'] }. */
  filter?: { name: string; extensions: string[] };
}

/** The desktop app's encrypted keeping of the team sync token (see Platform.syncTokenVault). */
export interface SyncTokenVault {
  /** The kept token (null: none, or no longer decryptable) and whether this computer can encrypt. */
  read(): Promise<{ token: string | null; canEncrypt: boolean }>;
  /** Keeps the token encrypted (null forgets it); false when this computer cannot encrypt (nothing kept then). */
  write(token: string | null): Promise<boolean>;
}

/**
 * Every desktop service the features may use. Features talk to this interface only; the
 * Electron implementation goes over the preload bridge, the browser one uses web APIs.
 */
export interface Platform {
  readonly kind: 'desktop' | 'browser';
  pickFiles(options: PickFilesOptions): Promise<PickedFile[]>;
  /** Returns false when the user cancelled. */
  saveFile(data: Blob | Uint8Array | string, options: SaveOptions): Promise<boolean>;
  notify(title: string, body: string): Promise<void>;
  /** Desktop: print to a PDF file; browser: open the print dialog (print stylesheet). */
  printToPdf(suggestedName: string): Promise<boolean>;
  openExternal(url: string): Promise<void>;
  appVersion(): Promise<string>;
  /**
   * Desktop: the team sync server's origin (ws(s)://host[:port], or null) that the next page load's
   * CSP allows. Browser: nothing to do (the page's CSP is written at boot from localStorage).
   */
  rememberSyncOrigin(origin: string | null): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Desktop: the team sync token is kept by the main process, encrypted with the operating
   * system's keychain (Electron safeStorage). Browser: null, the token stays with team sync's
   * settings in this site's storage (IndexedDB), unencrypted, and the settings dialog says so.
   */
  readonly syncTokenVault: SyncTokenVault | null;
}
