import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../log/logger.ts';
import { SyncServerError } from '../errors.ts';
import { redactUrl } from '../log/redact-url.ts';

export interface RedisLink {
  extension: RedisExtension;
  status(): 'ok' | 'unreachable';
}

// ioredis >= 5.8.2 sends CLIENT SETINFO during its handshake; on a connection that is already
// subscribing (Hocuspocus's "sub" client after a reconnect) Redis 7.0 answers "Connection in
// subscriber mode, only subscriber commands may be used" and nothing crosses instances.
const CLIENT_OPTIONS: RedisOptions = { disableClientInfo: true };

/**
 * Hocuspocus's Redis extension, which relays document updates and presence between instances.
 * Redis is checked once at start so that a wrong --redis URL stops the server with a clear
 * message instead of retrying silently.
 */
export async function createRedisExtension(url: string, instanceName: string, log: Logger): Promise<RedisLink> {
  const probe = new Redis(url, { ...CLIENT_OPTIONS, lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new SyncServerError('bad-option', `Cannot reach Redis at ${redactUrl(url)} (--redis): ${(error as Error).message}`, { cause: error });
  } finally {
    probe.disconnect();
  }

  const clients: Redis[] = [];
  const extension = new RedisExtension({
    // Instances ignore relayed messages carrying their own identifier: it must be unique even
    // when two instances were given the same --name.
    identifier: `${instanceName}-${randomUUID()}`,
    prefix: 'debrief',
    createClient: () => {
      const client = new Redis(url, CLIENT_OPTIONS);
      client.on('error', (error: Error) => log.warn('redis connection error', { error }));
      clients.push(client);
      return client;
    },
  });
  return {
    extension,
    status: () => (clients.every((client) => client.status === 'ready') ? 'ok' : 'unreachable'),
  };
}
