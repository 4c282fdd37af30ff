import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '../log/logger.ts';
import { SYNC_CLOSE_CODES, SYNC_REFUSALS } from '../protocol/refusals.ts';
import type { SyncStore } from '../store/sync-store.ts';
import { limitConnectionRate, type RateLimits } from './connection-limits.ts';
import { DurableLogExtension } from './durable-log-extension.ts';
import { createRedisExtension, type RedisLink } from './redis-link.ts';
import { TokenAuthExtension } from './token-auth-extension.ts';

export interface SyncServerOptions {
  host: string;
  port: number;
  store: SyncStore;
  /** Scale-out: instances sharing this Redis (and the store's PostgreSQL) act as one server. */
  redisUrl?: string;
  log: Logger;
  /** Largest WebSocket message accepted; larger ones close the connection with 1009. */
  maxMessageBytes: number;
  rate: RateLimits;
  /** How often open documents are checked for revoked tokens. */
  tokenRecheckMs: number;
  /** Scale-out: how often open documents pick up log entries other instances stored. */
  catchUpMs?: number;
  /** How long a graceful stop waits for documents to be stored before giving up. */
  shutdownTimeoutMs?: number;
  /** Names this instance in logs and in Redis. */
  instanceName: string;
}

export interface RunningSyncServer {
  /** The port it listens on (useful with --port 0). */
  port: number;
  /** Graceful stop: refuses new connections, closes clients, stores every open document. */
  stop(): Promise<void>;
}

const VERSION = '1';

/**
 * The team sync server: Hocuspocus (Yjs) behind a plain Node HTTP server that answers /healthz,
 * limits each WebSocket's rate and message size, and hands connections to Hocuspocus.
 */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const { log, store } = options;
  const redis: RedisLink | null = options.redisUrl ? await createRedisExtension(options.redisUrl, options.instanceName, log) : null;
  const durableLog = new DurableLogExtension(store, log, redis !== null);
  const auth = new TokenAuthExtension(store, log);
  const extensions: Extension[] = [auth, durableLog];
  if (redis) extensions.unshift(redis.extension);

  const hocuspocus = new Hocuspocus({ name: options.instanceName, quiet: true, extensions });
  const startedAt = Date.now();
  let stopping: Promise<void> | null = null;

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const http = createServer((request, response) => {
    handleHttp(request, response).catch((error: unknown) => {
      log.error('request failed', { path: request.url, error });
      if (!response.headersSent) respond(response, 500, { status: 'error' });
    });
  });

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/healthz') {
      respond(response, 404, { status: 'not-found', hint: 'Debrief sync server: connect with a WebSocket; GET /healthz for health.' });
      return;
    }
    if (stopping) {
      respond(response, 503, { status: 'shutting-down' });
      return;
    }
    const checks = { store: await store.ping().then(() => 'ok', () => 'unreachable'), redis: redis ? redis.status() : 'not-used' };
    const healthy = checks.store === 'ok' && (checks.redis === 'ok' || checks.redis === 'not-used');
    respond(response, healthy ? 200 : 503, {
      status: healthy ? 'ok' : 'degraded',
      version: VERSION,
      instance: options.instanceName,
      mode: redis ? 'scale-out' : store.kind,
      checks,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    });
  }

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log.debug('socket error before upgrade', { error }));
    if (stopping) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const remote = request.socket.remoteAddress;
      ws.on('error', (error) => log.warn('connection error', { remote, error }));
      limitConnectionRate(ws, options.rate, (pauseMs) => log.warn('connection throttled', { remote, pauseMs }));
      hocuspocus.handleConnection(ws, request);
    });
  });

  const recheck = setInterval(() => {
    auth.closeRevoked(hocuspocus).catch((error: unknown) => log.warn('token re-check failed', { error }));
  }, options.tokenRecheckMs);
  recheck.unref();
  const catchUp = redis
    ? setInterval(() => {
        durableLog.catchUp().catch((error: unknown) => log.warn('catch-up from the shared log failed', { error }));
      }, options.catchUpMs ?? 2000)
    : undefined;
  catchUp?.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  if (!isLoopback(options.host)) {
    log.warn('listening beyond this machine without TLS: put a TLS reverse proxy in front (see server/README.md)', { host: options.host });
  }
  log.info('listening', { host: options.host, port, mode: redis ? 'scale-out' : store.kind, instance: options.instanceName, maxMessageBytes: options.maxMessageBytes });

  async function stop(): Promise<void> {
    clearInterval(recheck);
    clearInterval(catchUp);
    const open = [...hocuspocus.documents.keys()];
    log.info('shutting down', { openDocuments: open.length, connections: wss.clients.size });
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    // Closing a client's socket makes Hocuspocus store (compact) and unload its documents.
    for (const ws of wss.clients) ws.close(SYNC_CLOSE_CODES.goingAway, SYNC_REFUSALS.shuttingDown);
    const deadline = Date.now() + (options.shutdownTimeoutMs ?? 10_000);
    while ((hocuspocus.getDocumentsCount() > 0 || hocuspocus.loadingDocuments.size > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    // Whatever is still in the log of a document this instance had open is folded in now.
    for (const name of open) await durableLog.compact(name);
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    await closed;
    log.info('stopped', { storedDocuments: open.length });
  }

  return {
    port,
    stop: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}

function respond(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
