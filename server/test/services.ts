import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/**
 * Real Redis and PostgreSQL for the scale-out tests, each started in a temporary directory on a
 * free port and stopped afterwards. `.ci/run` installs them with apt when they are missing.
 */
export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

export interface RedisService extends RunningService {
  /** Freezes Redis (SIGSTOP): connections stay open, nothing is relayed until `resume`. */
  pause(): void;
  resume(): void;
}

interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

/** What is missing for the scale-out tests, in one line, or null when both services are here. */
export function missingServices(): string | null {
  const missing = [findExecutable('redis-server') ? null : 'redis-server', findPostgres() ? null : 'PostgreSQL (initdb, pg_ctl)'].filter(Boolean);
  if (missing.length === 0) return null;
  return `scale-out tests need ${missing.join(' and ')}: install with apt-get install redis-server postgresql (.ci/run does)`;
}

export async function startRedis(): Promise<RedisService> {
  const binary = findExecutable('redis-server');
  if (!binary) throw new Error(missingServices() ?? 'redis-server missing');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'debrief-redis-'));
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForOutput(child, /Ready to accept connections/, 'redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop: async () => {
      child.kill('SIGKILL');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startPostgres(): Promise<RunningService> {
  const binaries = findPostgres();
  if (!binaries) throw new Error(missingServices() ?? 'PostgreSQL missing');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'debrief-pg-'));
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root: as root, run it as the postgres user the package creates.
  const asUser = process.getuid?.() === 0 ? postgresUser() : null;
  if (asUser) chownSync(dir, asUser.uid, asUser.gid);
  const run = async (binary: string, args: string[]): Promise<void> => {
    const [command, commandArgs] = asUser ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
    await promisify(execFile)(command, commandArgs, { timeout: 90_000 });
  };
  await run(binaries.initdb, ['-D', data, '-A', 'trust', '-U', 'debrief', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  // fsync off: the tests kill the sync server, never PostgreSQL; this keeps them fast.
  const settings = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await run(binaries.pgCtl, ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
  return {
    url: `postgres://debrief@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        await run(binaries.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function findPostgres(): PostgresBinaries | null {
  const [initdb, pgCtl] = [findExecutable('initdb'), findExecutable('pg_ctl')];
  if (initdb && pgCtl) return { initdb, pgCtl };
  // Debian keeps them out of PATH, under /usr/lib/postgresql/<version>/bin.
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  const bin = versions[0] ? join(root, versions[0], 'bin') : null;
  return bin ? { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl') } : null;
}

function findExecutable(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/usr/local/bin'])) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function waitForOutput(child: ChildProcess, pattern: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`));
    });
  });
}
