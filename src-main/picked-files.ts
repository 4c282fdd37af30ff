import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenedFile } from './preload/desktop-api';
import { DesktopError } from './ipc-errors';

/** Everything picked at once is copied into the renderer; keep that well below memory limits. */
export const MAX_OPEN_TOTAL_BYTES = 256 * 1024 * 1024;
export const MAX_OPEN_FILES = 20_000;

export interface ReadLimits {
  maxTotalBytes: number;
  maxFiles: number;
}

interface Candidate {
  absolute: string;
  relativePath: string;
  size: number;
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Lists the files under a picked folder. Symbolic links are skipped: following them could
 * loop forever or pull in files from outside the folder the user chose.
 */
async function walk(folder: string, base: string, out: Candidate[], limits: ReadLimits): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const absolute = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      await walk(absolute, base, out, limits);
    } else if (entry.isFile()) {
      const { size } = await lstat(absolute);
      out.push({ absolute, relativePath: toPosix(path.relative(base, absolute)), size });
      if (out.length > limits.maxFiles) {
        throw new DesktopError('TOO_MANY_FILES', `The folder holds more than ${limits.maxFiles} files; pick a smaller folder.`);
      }
    }
  }
}

/**
 * Reads what the user picked in the open dialog. A folder's files get paths that start with
 * the folder's own name, the same shape as `webkitRelativePath` in the browser build, so
 * importers see identical input on both platforms. Sizes are checked before any byte is read.
 */
export async function readPickedPaths(
  paths: readonly string[],
  directories: boolean,
  limits: ReadLimits = { maxTotalBytes: MAX_OPEN_TOTAL_BYTES, maxFiles: MAX_OPEN_FILES },
): Promise<OpenedFile[]> {
  const candidates: Candidate[] = [];
  try {
    for (const picked of paths) {
      if (directories) {
        await walk(picked, path.dirname(picked), candidates, limits);
      } else {
        const info = await lstat(picked);
        if (info.isFile()) candidates.push({ absolute: picked, relativePath: path.basename(picked), size: info.size });
      }
    }
  } catch (error) {
    if (error instanceof DesktopError) throw error;
    throw new DesktopError('FILE_READ_FAILED', `Could not list the picked files: ${(error as Error).message}`, { cause: error });
  }
  const total = candidates.reduce((sum, c) => sum + c.size, 0);
  if (total > limits.maxTotalBytes) {
    throw new DesktopError(
      'FILES_TOO_LARGE',
      `The selection is ${mib(total)}; Debrief can import at most ${mib(limits.maxTotalBytes)} at once.`,
    );
  }
  const files: OpenedFile[] = [];
  for (const candidate of candidates) {
    let bytes: Buffer;
    try {
      bytes = await readFile(candidate.absolute);
    } catch (error) {
      throw new DesktopError('FILE_READ_FAILED', `Could not read ${candidate.relativePath}: ${(error as Error).message}`, { cause: error });
    }
    // A fresh, exactly-sized copy: IPC clones a view's whole backing buffer.
    const copy = new Uint8Array(bytes);
    files.push({ name: path.basename(candidate.absolute), relativePath: candidate.relativePath, size: copy.byteLength, bytes: copy });
  }
  return files;
}
