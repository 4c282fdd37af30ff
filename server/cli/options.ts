import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SyncServerError } from '../errors.ts';
import { LOG_LEVELS } from '../log/logger.ts';
import { TEAM_ID_PATTERN, type SyncRole } from '../protocol/doc-names.ts';
import { DEFAULT_MAX_MESSAGE_MB, EVENT_PART_BYTES, MIN_MAX_MESSAGE_MB } from '../protocol/message-limits.ts';

export const DEFAULT_PORT = 4455;

export const USAGE = `Debrief team sync server

  npm run server -- [options]                 start the server
  npm run server -- token create --team T --role editor|viewer [--label TEXT]
  npm run server -- token list [--json]
  npm run server -- token revoke ID

Options
  --host HOST                  address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --port PORT                  port (default ${DEFAULT_PORT})
  --data DIR                   where the SQLite file lives (default ./sync-data)
  --postgres URL               keep documents and tokens in PostgreSQL instead (or DEBRIEF_SYNC_POSTGRES_URL)
  --redis URL                  scale-out: relay between instances through Redis; needs --postgres (or DEBRIEF_SYNC_REDIS_URL)
  --log-level LEVEL            debug, info, warn or error (default info)
  --max-message-mb N           largest message a client may send (default ${DEFAULT_MAX_MESSAGE_MB}, at least ${MIN_MAX_MESSAGE_MB})
  --max-messages-per-second N  sustained messages per second per connection (default 200)
  --max-mb-per-second N        sustained megabytes per second per connection (default 8)
  --fsync                      flush every stored edit to the device (survives power loss; slower)
  --name NAME                  this instance's name in logs (default host-pid)
  --token-recheck-seconds N    how often open documents are checked for revoked tokens (default 15)
`;

/** Where tokens and documents are kept: the SQLite file in a directory, or PostgreSQL. */
export type StoreLocation = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface ServeOptions {
  command: 'serve';
  host: string;
  port: number;
  store: StoreLocation;
  redisUrl?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  maxMessageBytes: number;
  messagesPerSecond: number;
  bytesPerSecond: number;
  fsync: boolean;
  instanceName: string;
  tokenRecheckMs: number;
}

export type TokenOptions =
  | { command: 'token-create'; store: StoreLocation; team: string; role: SyncRole; label: string }
  | { command: 'token-list'; store: StoreLocation; json: boolean }
  | { command: 'token-revoke'; store: StoreLocation; id: string };

export type CliOptions = ServeOptions | TokenOptions | { command: 'help' };

const positive = (name: string) => z.coerce.number({ error: `${name} must be a number` }).positive(`${name} must be more than 0`);

const serveSchema = z.object({
  host: z.string().min(1, '--host must not be empty'),
  port: z.coerce.number({ error: '--port must be a number' }).int('--port must be a whole number').min(0).max(65535, '--port must be at most 65535'),
  'log-level': z.enum(LOG_LEVELS, { error: `--log-level must be one of ${LOG_LEVELS.join(', ')}` }),
  // The app sends imported events in parts that must fit (see protocol/message-limits.ts).
  'max-message-mb': positive('--max-message-mb').min(MIN_MAX_MESSAGE_MB, `--max-message-mb must be at least ${MIN_MAX_MESSAGE_MB}: the app sends imported events in parts of ${EVENT_PART_BYTES / 1024 / 1024} MB`),
  'max-messages-per-second': positive('--max-messages-per-second'),
  'max-mb-per-second': positive('--max-mb-per-second'),
  'token-recheck-seconds': positive('--token-recheck-seconds'),
});

/** Parses the command line (and the two URL environment variables); throws SyncServerError 'bad-option'. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: String(DEFAULT_PORT) },
        data: { type: 'string', default: 'sync-data' },
        postgres: { type: 'string' },
        redis: { type: 'string' },
        'log-level': { type: 'string', default: 'info' },
        'max-message-mb': { type: 'string', default: String(DEFAULT_MAX_MESSAGE_MB) },
        'max-messages-per-second': { type: 'string', default: '200' },
        'max-mb-per-second': { type: 'string', default: '8' },
        fsync: { type: 'boolean', default: false },
        name: { type: 'string' },
        'token-recheck-seconds': { type: 'string', default: '15' },
        team: { type: 'string' },
        role: { type: 'string' },
        label: { type: 'string', default: '' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new SyncServerError('bad-option', (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help' };

  const postgresUrl = values.postgres ?? env.DEBRIEF_SYNC_POSTGRES_URL;
  const redisUrl = values.redis ?? env.DEBRIEF_SYNC_REDIS_URL;
  const store: StoreLocation = postgresUrl ? { kind: 'postgres', url: postgresUrl } : { kind: 'sqlite', dataDir: resolve(values.data) };

  const [command, sub, arg] = positionals;
  if (command === 'token') {
    if (sub === 'create') {
      const team = values.team ?? '';
      if (!TEAM_ID_PATTERN.test(team)) {
        throw new SyncServerError('bad-option', `--team must be a team id: lower-case letters, digits and dashes, starting with a letter or digit (got "${team}")`);
      }
      const role = values.role;
      if (role !== 'editor' && role !== 'viewer') throw new SyncServerError('bad-option', `--role must be editor or viewer (got "${role ?? ''}")`);
      return { command: 'token-create', store, team, role, label: values.label };
    }
    if (sub === 'list') return { command: 'token-list', store, json: values.json };
    if (sub === 'revoke') {
      if (!arg) throw new SyncServerError('bad-option', 'token revoke needs the token id (see token list)');
      return { command: 'token-revoke', store, id: arg };
    }
    throw new SyncServerError('bad-option', `Unknown token command "${sub ?? ''}": use create, list or revoke`);
  }
  if (command !== undefined && command !== 'serve') throw new SyncServerError('bad-option', `Unknown command "${command}"`);

  const result = serveSchema.safeParse(values);
  if (!result.success) throw new SyncServerError('bad-option', result.error.issues.map((issue) => issue.message).join('; '));
  if (redisUrl && !postgresUrl) {
    throw new SyncServerError('bad-option', '--redis needs --postgres: instances that share Redis must also share one database');
  }
  const options = result.data;
  return {
    command: 'serve',
    host: options.host,
    port: options.port,
    store,
    ...(redisUrl ? { redisUrl } : {}),
    logLevel: options['log-level'],
    maxMessageBytes: Math.round(options['max-message-mb'] * 1024 * 1024),
    messagesPerSecond: options['max-messages-per-second'],
    bytesPerSecond: Math.round(options['max-mb-per-second'] * 1024 * 1024),
    fsync: values.fsync,
    instanceName: values.name ?? `${hostname()}-${process.pid}`,
    tokenRecheckMs: Math.round(options['token-recheck-seconds'] * 1000),
  };
}
