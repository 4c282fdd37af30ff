import { describe, expect, test } from 'vitest';
import { parseCli } from './options.ts';

const reason = (argv: string[], env: NodeJS.ProcessEnv = {}): string => {
  try {
    parseCli(argv, env);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('command line', () => {
  test('defaults: loopback only, SQLite in ./sync-data', () => {
    expect(parseCli([], {})).toMatchObject({ command: 'serve', host: '127.0.0.1', port: 4455, store: { kind: 'sqlite' }, logLevel: 'info', fsync: false });
  });

  test('scale-out takes the URLs from options or the environment', () => {
    expect(parseCli(['--redis', 'redis://r:6379', '--postgres', 'postgres://p/db'], {})).toMatchObject({ redisUrl: 'redis://r:6379', store: { kind: 'postgres', url: 'postgres://p/db' } });
    expect(parseCli([], { DEBRIEF_SYNC_REDIS_URL: 'redis://r', DEBRIEF_SYNC_POSTGRES_URL: 'postgres://p' })).toMatchObject({ redisUrl: 'redis://r', store: { kind: 'postgres' } });
  });

  test('mistakes name the option at fault', () => {
    expect(reason(['--port', 'eighty'])).toContain('--port must be a number');
    expect(reason(['--log-level', 'loud'])).toContain('--log-level must be one of debug, info, warn, error');
    expect(reason(['--max-message-mb', '0'])).toContain('--max-message-mb must be more than 0');
    expect(reason(['--max-message-mb', '1'])).toContain('--max-message-mb must be at least 2');
    expect(reason(['--redis', 'redis://r'])).toContain('--redis needs --postgres');
    expect(reason(['--colour'])).toContain("Unknown option '--colour'");
    expect(reason(['token', 'create', '--team', 'Acme Corp', '--role', 'editor'])).toContain('--team must be a team id');
    expect(reason(['token', 'create', '--team', 'acme', '--role', 'admin'])).toContain('--role must be editor or viewer');
    expect(reason(['token', 'revoke'])).toContain('token revoke needs the token id');
    expect(reason(['tokens'])).toContain('Unknown command "tokens"');
  });
});
