import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { PickedFileRef } from './preload/desktop-api';
import { IPC_CHUNK_BYTES } from './preload/ipc-channels';
import { DesktopError } from './ipc-errors';

/** A picked folder may hold at most this many files (a Slack export of years holds far fewer). */
export const MAX_OPEN_FILES = 20_000;
/** Handles one window keeps at most; beyond it the oldest picks are forgotten. */
export const MAX_LIVE_HANDLES = 100_000;

export interface ListLimits {
  maxFiles: number;
}

/** What the main process remembers of one picked file; never sent to the renderer. */
interface PickedEntry {
  absolute: string;
  relativePath: string;
  size: number;
  dev: number;
  ino: number;
  mtimeMs: number;
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

// Windows has no O_NOFOLLOW; there the identity check after opening catches a swapped file.
const OPEN_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Lists the files under a picked folder. Symbolic links are skipped: following them could
 * loop forever or pull in files from outside the folder the user chose.
 */
async function walk(folder: string, base: string, out: PickedEntry[], limits: ListLimits): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const absolute = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      await walk(absolute, base, out, limits);
    } else if (entry.isFile()) {
      const info = await lstat(absolute);
      if (!info.isFile()) continue;
      out.push({ absolute, relativePath: toPosix(path.relative(base, absolute)), size: info.size, dev: info.dev, ino: info.ino, mtimeMs: info.mtimeMs });
      if (out.length > limits.maxFiles) {
        throw new DesktopError('TOO_MANY_FILES', `The folder holds more than ${limits.maxFiles.toLocaleString('en-US')} files; pick a smaller folder.`);
      }
    }
  }
}

/**
 * Lists what the user picked in the open dialog, without reading any byte. A folder's files get
 * paths that start with the folder's own name, the same shape as `webkitRelativePath` in the
 * browser build, so importers see identical input on both platforms. A picked symbolic link is
 * refused: the user sees the link's name, and its target could be anything.
 */
export async function listPickedPaths(paths: readonly string[], directories: boolean, limits: ListLimits = { maxFiles: MAX_OPEN_FILES }): Promise<PickedEntry[]> {
  const entries: PickedEntry[] = [];
  try {
    for (const picked of paths) {
      if (directories) {
        await walk(picked, path.dirname(picked), entries, limits);
        continue;
      }
      const info = await lstat(picked);
      if (info.isSymbolicLink()) {
        throw new DesktopError('FILE_READ_FAILED', `${path.basename(picked)} is a symbolic link; pick the file it points to instead.`);
      }
      if (info.isFile()) entries.push({ absolute: picked, relativePath: path.basename(picked), size: info.size, dev: info.dev, ino: info.ino, mtimeMs: info.mtimeMs });
    }
  } catch (error) {
    if (error instanceof DesktopError) throw error;
    throw new DesktopError('FILE_READ_FAILED', `Could not list the picked files: ${(error as Error).message}`, { cause: error });
  }
  return entries;
}

interface Issued extends PickedEntry {
  owner: number;
  pick: number;
}

/**
 * The opaque handles of picked files, per window (`owner` is the webContents id). A handle is a
 * random UUID that only the window it was issued to can read; every read opens the file anew
 * without following symbolic links, checks it is still the file that was picked (same device,
 * inode and at least the picked size) and reads at most up to the size seen at pick time.
 * No file stays open between reads, so a folder of 20,000 files costs no descriptors.
 */
export class PickedFileRegistry {
  private readonly issued = new Map<string, Issued>();
  /** Per owner, the handles of each pick, oldest first. */
  private readonly picks = new Map<number, Map<number, string[]>>();
  private nextPick = 1;

  constructor(private readonly maxLiveHandles = MAX_LIVE_HANDLES) {}

  /** Issues handles for listed files; the refs are all the renderer learns. */
  issue(owner: number, entries: readonly PickedEntry[]): PickedFileRef[] {
    const pick = this.nextPick++;
    const ownerPicks = this.picks.get(owner) ?? new Map<number, string[]>();
    this.picks.set(owner, ownerPicks);
    const handles: string[] = [];
    const refs = entries.map((entry): PickedFileRef => {
      const handle = randomUUID();
      this.issued.set(handle, { ...entry, owner, pick });
      handles.push(handle);
      return { handle, name: path.basename(entry.absolute), relativePath: entry.relativePath, size: entry.size, lastModified: Math.round(entry.mtimeMs) };
    });
    ownerPicks.set(pick, handles);
    this.evictOldest(owner);
    return refs;
  }

  private evictOldest(owner: number): void {
    const ownerPicks = this.picks.get(owner);
    if (!ownerPicks) return;
    let live = 0;
    for (const handles of ownerPicks.values()) live += handles.length;
    for (const [pick, handles] of ownerPicks) {
      // The newest pick always stays, however large.
      if (live <= this.maxLiveHandles || ownerPicks.size === 1) break;
      for (const handle of handles) this.issued.delete(handle);
      live -= handles.length;
      ownerPicks.delete(pick);
    }
  }

  /** Forgets every handle of a window (it closed or reloaded). */
  releaseOwner(owner: number): void {
    for (const handles of this.picks.get(owner)?.values() ?? []) for (const handle of handles) this.issued.delete(handle);
    this.picks.delete(owner);
  }

  /** Number of live handles (for tests). */
  get size(): number {
    return this.issued.size;
  }

  /** Bytes [offset, offset + length) of a picked file; fewer when the range passes its picked size. */
  async read(owner: number, handle: string, offset: number, length: number): Promise<Uint8Array> {
    const entry = this.issued.get(handle);
    // Another window's handle reads as unknown: a handle is no capability outside its window.
    if (!entry || entry.owner !== owner) {
      throw new DesktopError('FILE_HANDLE_UNKNOWN', 'This file is no longer available; pick it again.');
    }
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || length > IPC_CHUNK_BYTES || offset > entry.size) {
      throw new DesktopError('FILE_RANGE_INVALID', `Refused to read ${length} bytes at ${offset} of ${entry.relativePath} (${entry.size} bytes).`);
    }
    const wanted = Math.min(length, entry.size - offset);
    let file: FileHandle;
    try {
      file = await open(entry.absolute, OPEN_NO_FOLLOW);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ELOOP: the name is now a symbolic link.
      if (code === 'ELOOP') throw changed(entry);
      throw new DesktopError('FILE_READ_FAILED', `Could not read ${entry.relativePath}: ${(error as Error).message}`, { cause: error });
    }
    try {
      const info = await file.stat();
      if (!info.isFile() || info.dev !== entry.dev || info.ino !== entry.ino || info.size < entry.size) throw changed(entry);
      const bytes = new Uint8Array(wanted);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await file.read(bytes, filled, wanted - filled, offset + filled);
        if (bytesRead === 0) throw changed(entry);
        filled += bytesRead;
      }
      return bytes;
    } catch (error) {
      if (error instanceof DesktopError) throw error;
      throw new DesktopError('FILE_READ_FAILED', `Could not read ${entry.relativePath}: ${(error as Error).message}`, { cause: error });
    } finally {
      await file.close().catch(() => undefined);
    }
  }
}

function changed(entry: PickedEntry): DesktopError {
  return new DesktopError('FILE_CHANGED', `${entry.relativePath} changed on disk after it was picked; pick it again.`);
}
