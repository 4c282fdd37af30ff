import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createAtomicWriter, type AtomicFileWriter } from './atomic-file';
import { IPC_CHUNK_BYTES } from './preload/ipc-channels';
import { DesktopError } from './ipc-errors';

interface Session {
  owner: number;
  target: string;
  writer: AtomicFileWriter;
  /** Writes run one after another even if the renderer does not wait. */
  queue: Promise<void>;
}

/**
 * Saves that arrive in chunks (a backup of any size): each session writes a temporary file beside
 * the target through the atomic writer, so until `finish` the old file is what is on disk, and a
 * crash or kill mid-way leaves it intact. Sessions belong to the window (`owner`) that began them
 * and are aborted when it goes away.
 */
export class SaveSessions {
  private readonly sessions = new Map<string, Session>();

  async begin(owner: number, target: string): Promise<string> {
    let writer: AtomicFileWriter;
    try {
      writer = await createAtomicWriter(target);
    } catch (error) {
      throw writeFailed(target, error);
    }
    const saveId = randomUUID();
    this.sessions.set(saveId, { owner, target, writer, queue: Promise.resolve() });
    return saveId;
  }

  private session(owner: number, saveId: string): Session {
    const session = this.sessions.get(saveId);
    if (!session || session.owner !== owner) throw new DesktopError('SAVE_UNKNOWN', 'This save is no longer in progress; save again.');
    return session;
  }

  async write(owner: number, saveId: string, chunk: Uint8Array | string): Promise<void> {
    const session = this.session(owner, saveId);
    if (chunk.length > IPC_CHUNK_BYTES) throw new DesktopError('IPC_INVALID_ARGUMENT', 'A save chunk is larger than allowed.');
    const next = session.queue.then(() => session.writer.write(chunk));
    session.queue = next.catch(() => undefined);
    try {
      await next;
    } catch (error) {
      this.sessions.delete(saveId);
      await session.writer.abort();
      throw writeFailed(session.target, error);
    }
  }

  /** fsync, then rename over the target. */
  async finish(owner: number, saveId: string): Promise<void> {
    const session = this.session(owner, saveId);
    this.sessions.delete(saveId);
    await session.queue;
    try {
      await session.writer.commit();
    } catch (error) {
      throw writeFailed(session.target, error);
    }
  }

  /** Deletes the temporary file; the target is untouched. Unknown ids are ignored (already over). */
  async abort(owner: number, saveId: string): Promise<void> {
    const session = this.sessions.get(saveId);
    if (!session || session.owner !== owner) return;
    this.sessions.delete(saveId);
    await session.queue;
    await session.writer.abort();
  }

  async abortOwner(owner: number): Promise<void> {
    const ids = [...this.sessions].filter(([, s]) => s.owner === owner).map(([id]) => id);
    await Promise.all(ids.map((id) => this.abort(owner, id)));
  }

  get size(): number {
    return this.sessions.size;
  }
}

function writeFailed(target: string, error: unknown): DesktopError {
  return new DesktopError('FILE_WRITE_FAILED', `Could not save ${path.basename(target)}: ${(error as Error).message}`, { cause: error });
}
