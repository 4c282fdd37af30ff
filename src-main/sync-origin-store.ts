import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import { SYNC_ORIGIN_PATTERN } from './csp';

const FILE_NAME = 'sync-origin.json';

/**
 * The team sync server's origin, for the CSP the app:// protocol sends. The renderer keeps the
 * settings; it tells the main process the origin when they change, and the next page load (the
 * dialog asks for a restart) is served with a connect-src that allows that server only.
 */
export class SyncOriginStore {
  private saved: string | null;

  constructor(private readonly dir: string) {
    this.saved = SyncOriginStore.read(dir);
  }

  /** The origin pages loaded now are served with. */
  current(): string | null {
    return this.saved;
  }

  private static read(dir: string): string | null {
    try {
      const value: unknown = JSON.parse(readFileSync(path.join(dir, FILE_NAME), 'utf8'));
      const origin = (value as { origin?: unknown } | null)?.origin;
      return typeof origin === 'string' && SYNC_ORIGIN_PATTERN.test(origin) ? origin : null;
    } catch {
      // No file yet, or unreadable: no sync server allowed (solo use).
      return null;
    }
  }

  /** Remembers the origin for the next start (validated by the IPC schema before this). */
  async remember(origin: string | null): Promise<void> {
    if (origin === this.saved) return;
    await writeFileAtomic(path.join(this.dir, FILE_NAME), JSON.stringify({ origin }));
    this.saved = origin;
  }
}
