import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killOnFirstOutput } from './kill-child';
import { IPC_CHUNK_BYTES } from './preload/ipc-channels';
import { SaveSessions } from './save-sessions';

const here = path.dirname(fileURLToPath(import.meta.url));
const WINDOW = 1;
const OLD = '{"formatName":"dexie","data":"the previous backup, complete"}';
let dir: string;
let target: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'debrief-save-'));
  target = path.join(dir, 'debrief-backup-2026-12-01.json');
  writeFileSync(target, OLD);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const others = () => readdirSync(dir).filter((name) => name !== path.basename(target));

/**
 * A backup save through the sessions the IPC handlers use, in another process that is killed
 * with SIGKILL after several chunks: no handler runs, as when the app crashes mid-save.
 */
function killMidSave(file: string): Promise<void> {
  const script = `
    const { SaveSessions } = await import(${JSON.stringify(path.join(here, 'save-sessions.ts'))});
    const saves = new SaveSessions();
    const id = await saves.begin(1, ${JSON.stringify(file)});
    const chunk = new Uint8Array(${IPC_CHUNK_BYTES}).fill(120);
    for (let i = 0; ; i++) {
      await saves.write(1, id, chunk);
      if (i === 2) process.stdout.write('writing\\n');
    }`;
  return killOnFirstOutput(script);
}

describe('chunked saves', () => {
  it('a save killed after several chunks leaves the previous backup intact', { timeout: 60_000 }, async () => {
    await killMidSave(target);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    // What was written went to a hidden temporary file, never under the backup's name.
    expect(others().length).toBe(1);
    expect(others()[0]).toMatch(/^\..*\.tmp$/);
    expect(statSync(path.join(dir, others()[0] ?? '')).size).toBeGreaterThanOrEqual(3 * IPC_CHUNK_BYTES);
  });

  it('writes a file of any size chunk by chunk, and replaces the old one only at finish', async () => {
    const saves = new SaveSessions();
    const id = await saves.begin(WINDOW, target);
    const chunk = new Uint8Array(IPC_CHUNK_BYTES).fill(0x61);
    for (let i = 0; i < 5; i++) {
      await saves.write(WINDOW, id, chunk);
      expect(readFileSync(target, 'utf8')).toBe(OLD);
    }
    await saves.write(WINDOW, id, new TextEncoder().encode('end'));
    await saves.finish(WINDOW, id);
    expect(statSync(target).size).toBe(5 * IPC_CHUNK_BYTES + 3);
    expect(others()).toEqual([]);
    expect(saves.size).toBe(0);
  });

  it('keeps chunk order when the writes are not awaited one by one', async () => {
    const saves = new SaveSessions();
    const id = await saves.begin(WINDOW, target);
    await Promise.all(['{"a":', '1', ',"b":', '2}'].map((part) => saves.write(WINDOW, id, new TextEncoder().encode(part))));
    await saves.finish(WINDOW, id);
    expect(readFileSync(target, 'utf8')).toBe('{"a":1,"b":2}');
  });

  it('an aborted save deletes its temporary file and keeps the old one', async () => {
    const saves = new SaveSessions();
    const id = await saves.begin(WINDOW, target);
    await saves.write(WINDOW, id, new TextEncoder().encode('partial'));
    await saves.abort(WINDOW, id);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(others()).toEqual([]);
    await expect(saves.write(WINDOW, id, new Uint8Array(1))).rejects.toMatchObject({ code: 'SAVE_UNKNOWN' });
  });

  it('belongs to the window that began it; closing the window aborts it', async () => {
    const saves = new SaveSessions();
    const id = await saves.begin(WINDOW, target);
    await expect(saves.write(2, id, new Uint8Array(1))).rejects.toMatchObject({ code: 'SAVE_UNKNOWN' });
    await expect(saves.finish(2, id)).rejects.toMatchObject({ code: 'SAVE_UNKNOWN' });
    await saves.abortOwner(WINDOW);
    expect(saves.size).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(others()).toEqual([]);
  });

  it('refuses a chunk larger than allowed', async () => {
    const saves = new SaveSessions();
    const id = await saves.begin(WINDOW, target);
    await expect(saves.write(WINDOW, id, new Uint8Array(IPC_CHUNK_BYTES + 1))).rejects.toMatchObject({ code: 'IPC_INVALID_ARGUMENT' });
    await saves.abort(WINDOW, id);
  });

  it('reports a folder it cannot write to as a coded error', async () => {
    const saves = new SaveSessions();
    await expect(saves.begin(WINDOW, path.join(dir, 'missing', 'backup.json'))).rejects.toMatchObject({ code: 'FILE_WRITE_FAILED', message: expect.stringMatching(/backup\.json/) });
  });
});
