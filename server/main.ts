import { parseCli, USAGE, type ServeOptions } from './cli/options.ts';
import { runTokenCommand } from './cli/token-command.ts';
import { SyncServerError } from './errors.ts';
import { captureConsole, createLogger } from './log/logger.ts';
import { lockDataDir } from './store/data-dir-lock.ts';
import { openStore } from './store/open-store.ts';

/** `npm run server -- …`: the sync server, or its token commands. */
async function main(argv: readonly string[]): Promise<void> {
  const options = parseCli(argv);
  if (options.command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (options.command === 'serve') {
    await serve(options);
    return;
  }
  const store = await openStore(options.store);
  try {
    await runTokenCommand(options, store, (text) => process.stdout.write(text));
  } finally {
    await store.close();
  }
}

async function serve(options: ServeOptions): Promise<void> {
  const log = createLogger(options.logLevel, undefined, { instance: options.instanceName });
  captureConsole(log);
  // Loaded here so that the token commands start without Hocuspocus, ws and Redis.
  const { startSyncServer } = await import('./sync/sync-server.ts');
  const unlock = options.store.kind === 'sqlite' ? lockDataDir(options.store.dataDir) : () => undefined;
  try {
    const store = await openStore(options.store, { fsync: options.fsync });
    const server = await startSyncServer({
      host: options.host,
      port: options.port,
      store,
      ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
      log,
      maxMessageBytes: options.maxMessageBytes,
      rate: { messagesPerSecond: options.messagesPerSecond, bytesPerSecond: options.bytesPerSecond, burstSeconds: 5 },
      tokenRecheckMs: options.tokenRecheckMs,
      instanceName: options.instanceName,
    });

    const shutdown = async (reason: string, exitCode: number): Promise<void> => {
      log.info('stop requested', { reason });
      try {
        await server.stop();
        await store.close();
      } finally {
        unlock();
      }
      process.exit(exitCode);
    };
    let signalled = false;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        // A second Ctrl+C does not wait: every acknowledged edit is already in the log.
        if (signalled) process.exit(130);
        signalled = true;
        void shutdown(signal, 0);
      });
    }
    // A library's stray rejection must not take every team's documents down with it.
    process.on('unhandledRejection', (error) => log.error('unhandled rejection', { error }));
    process.on('uncaughtException', (error) => {
      log.error('uncaught exception; stopping', { error });
      void shutdown('uncaught exception', 1);
    });
  } catch (error) {
    unlock();
    throw error;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof SyncServerError) {
    process.stderr.write(`debrief sync server: ${error.message}\n`);
    process.exit(error.code === 'bad-option' ? 2 : 1);
  }
  process.stderr.write(`debrief sync server: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
