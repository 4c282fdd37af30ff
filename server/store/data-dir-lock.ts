import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SyncServerError } from '../errors.ts';

const LOCK_FILE = 'server.pid';

/**
 * Claims `--data DIR` for this server process. Two servers on one SQLite file would each hold
 * their own copy of open documents and never see each other's edits live (scale-out needs Redis
 * and PostgreSQL), so the second one refuses to start. A lock left by a killed server is taken
 * over. Token commands do not take the lock: they may run while the server does.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new SyncServerError('data-dir-locked', `Another sync server (process ${holder}) already uses the data directory ${dataDir}. Stop it, or give this one another --data directory.`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new SyncServerError('data-dir-locked', `Cannot claim the data directory ${dataDir} (${path} keeps reappearing).`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
