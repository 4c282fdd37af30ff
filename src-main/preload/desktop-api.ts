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

export interface OpenedFile {
  name: string;
  /** Path relative to the picked folder (equals name for a picked file). */
  relativePath: string;
  size: number;
  bytes: Uint8Array;
}

export interface SaveFileRequest {
  suggestedName: string;
  filters?: FileFilter[];
  data: Uint8Array | string;
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

export const MENU_COMMANDS = ['new-incident', 'import', 'export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface DesktopApi {
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  showNotification(request: NotificationRequest): Promise<void>;
  printToPdf(request: PrintToPdfRequest): Promise<SaveFileResult>;
  openExternal(url: string): Promise<void>;
  appVersion(): Promise<string>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The global the preload exposes through contextBridge. */
export const DESKTOP_API_KEY = 'debriefDesktop';
