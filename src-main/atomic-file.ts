import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a reader (or the next start after a crash, a kill or a power cut) sees
 * either the old file or the complete new one, never a mix: the bytes go to a temporary file in
 * the same folder (so the rename cannot cross file systems), are flushed to disk with fsync, and
 * only then replace the target by rename. Used for backups and every other save.
 */
export interface AtomicFileWriter {
  /** The temporary file's path (exposed for tests and error messages). */
  readonly tempPath: string;
  write(chunk: Uint8Array | string): Promise<void>;
  /** fsync, close, rename over the target. */
  commit(): Promise<void>;
  /** Close and delete the temporary file; the target is untouched. */
  abort(): Promise<void>;
}

export async function createAtomicWriter(target: string): Promise<AtomicFileWriter> {
  const dir = path.dirname(target);
  const tempPath = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never follow or reuse something already at the temporary name.
  const handle: FileHandle = await open(tempPath, 'wx', 0o600);
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  return {
    tempPath,
    async write(chunk) {
      await handle.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    },
    async commit() {
      try {
        await handle.sync();
        await close();
        await rename(tempPath, target);
      } catch (error) {
        await close().catch(() => undefined);
        await unlink(tempPath).catch(() => undefined);
        throw error;
      }
      await syncFolder(dir);
    },
    async abort() {
      await close().catch(() => undefined);
      await unlink(tempPath).catch(() => undefined);
    },
  };
}

/** Makes the rename itself durable where the OS allows opening a folder (not on Windows). */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on folders; the data itself is already on disk.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** One-shot form: the whole content at once. */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const writer = await createAtomicWriter(target);
  try {
    await writer.write(data);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
}
