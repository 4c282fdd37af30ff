import { spawn } from 'node:child_process';

/**
 * Test support: runs a TypeScript `script` in a new Node process and kills it with SIGKILL as
 * soon as it prints anything. No handler runs, exactly as when the app crashes or the machine
 * loses power; resolves once the process is gone, rejects if it ended by itself.
 */
export function killOnFirstOutput(script: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', () => child.kill('SIGKILL'));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the script ended by itself (${signal ?? code})`))));
    child.on('error', reject);
  });
}
