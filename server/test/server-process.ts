import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface ServerProcess {
  port: number;
  url: string;
  httpUrl: string;
  pid: number;
  /** Every JSON log line the server printed so far. */
  logs: LogLine[];
  /** Text that was not a JSON log line (should stay empty). */
  strayOutput: string[];
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<number | NodeJS.Signals>;
  kill(signal: NodeJS.Signals): void;
  /** Waits until a log line matches, or fails after `timeoutMs`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

/**
 * Starts `npm run server`'s entry point (node --import tsx server/main.ts) as a real process and
 * waits for its "listening" line. `port` pins the port (a restart after kill -9 reuses it).
 */
export async function startServerProcess(args: string[], options: { port?: number; env?: NodeJS.ProcessEnv } = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveProcesses.add(child);
  const { stdout, stderr, pid } = child;
  if (!stdout || !stderr || pid === undefined) throw new Error('The server process did not start');
  const logs: LogLine[] = [];
  const strayOutput: string[] = [];
  const waiters = new Set<() => void>();
  let pending = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        strayOutput.push(line);
      }
    }
    for (const wake of waiters) wake();
  });
  stderr.setEncoding('utf8').on('data', (chunk: string) => strayOutput.push(chunk));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => {
      liveProcesses.delete(child);
      for (const wake of waiters) wake();
      resolve(signal ?? code ?? 0);
    }),
  );
  let ended = false;
  void exited.then(() => (ended = true));

  const waitForLog = (predicate: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`No matching server log line within ${timeoutMs} ms. Output:\n${[...logs.map((l) => JSON.stringify(l)), ...strayOutput].join('\n')}`));
      }, timeoutMs);
      const check = (): void => {
        const found = logs.find(predicate);
        if (found) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        } else if (ended) {
          clearTimeout(timer);
          waiters.delete(check);
          reject(new Error(`The server exited before the expected log line. Output:\n${[...logs.map((l) => JSON.stringify(l)), ...strayOutput].join('\n')}`));
        }
      };
      waiters.add(check);
      check();
    });

  try {
    await waitForLog((line) => line.msg === 'listening');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    pid,
    logs,
    strayOutput,
    exited,
    kill: (signal) => child.kill(signal),
    waitForLog,
  };
}

/** Runs a CLI command of the server (e.g. token list) and returns its output and exit code. */
export function runServerCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const liveProcesses = new Set<ChildProcess>();

/** Kills every server process a test file started and did not stop (for afterAll). */
export function killAllServerProcesses(): void {
  for (const child of liveProcesses) child.kill('SIGKILL');
}
