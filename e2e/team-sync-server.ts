import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../server/store/sqlite-store.ts';
import { issueToken } from '../server/tokens/issue-token.ts';
import { startServerProcess, type ServerProcess } from '../server/test/server-process.ts';

/** A real sync server (`npm run server`'s entry point) on its own data directory, with tokens. */
export interface E2eSyncServer {
  url: string;
  port: number;
  dataDir: string;
  process: ServerProcess;
  tokens: Record<string, string>;
  /** Starts the server again on the same port and data (after a kill). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A random port in a block of 100 (15000-15099, or from E2E_SYNC_PORT_BASE), so parallel runs rarely collide. */
function pickPort(base: number): number {
  return base + Math.floor(Math.random() * 100);
}

export async function startE2eSyncServer(
  grants: Record<string, { team: string; role: 'editor' | 'viewer' }>,
  options: { portBase?: number } = {},
): Promise<E2eSyncServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'debrief-e2e-sync-'));
  const store = openSqliteStore(dataDir);
  const tokens: Record<string, string> = {};
  for (const [name, grant] of Object.entries(grants)) tokens[name] = (await issueToken(store, grant)).token;
  await store.close();
  const port = pickPort(options.portBase ?? Number(process.env.E2E_SYNC_PORT_BASE ?? 15000));
  const server: E2eSyncServer = {
    url: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    tokens,
    process: await startServerProcess(['--data', dataDir], { port }),
    restart: async () => {
      server.process = await startServerProcess(['--data', dataDir], { port });
    },
    stop: async () => {
      server.process.kill('SIGTERM');
      await server.process.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
