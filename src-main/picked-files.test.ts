import { mkdtempSync, mkdirSync, renameSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DesktopError } from './ipc-errors';
import { IPC_CHUNK_BYTES } from './preload/ipc-channels';
import { listPickedPaths, PickedFileRegistry } from './picked-files';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'debrief-picked-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A small Slack-export-like folder written by the test. */
function writeExport(): string {
  const root = path.join(dir, 'slack-export');
  mkdirSync(path.join(root, 'incident-2041'), { recursive: true });
  writeFileSync(path.join(root, 'channels.json'), '[{"name":"incident-2041"}]');
  writeFileSync(path.join(root, 'incident-2041', '2024-03-01.json'), '[{"text":"SEV2 declared"}]');
  writeFileSync(path.join(root, 'incident-2041', '2024-03-02.json'), '[]');
  return root;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const WINDOW = 1;
const OTHER_WINDOW = 2;

async function pickOne(registry: PickedFileRegistry, file: string, owner = WINDOW) {
  const [ref] = registry.issue(owner, await listPickedPaths([file], false));
  if (!ref) throw new Error('nothing picked');
  return ref;
}

describe('listPickedPaths', () => {
  it('lists a folder recursively with paths shaped like webkitRelativePath, reading no byte', async () => {
    const files = await listPickedPaths([writeExport()], true);
    expect(files.map((f) => f.relativePath)).toEqual([
      'slack-export/channels.json',
      'slack-export/incident-2041/2024-03-01.json',
      'slack-export/incident-2041/2024-03-02.json',
    ]);
    expect(files[1]?.size).toBe('[{"text":"SEV2 declared"}]'.length);
  });

  it('skips symbolic links inside a folder so it cannot pull in files from elsewhere', async () => {
    const root = writeExport();
    const outside = path.join(dir, 'outside.txt');
    writeFileSync(outside, 'private');
    symlinkSync(outside, path.join(root, 'link.txt'));
    symlinkSync(root, path.join(root, 'loop'));
    const files = await listPickedPaths([root], true);
    expect(files.map((f) => f.relativePath)).not.toContain('slack-export/link.txt');
    expect(files).toHaveLength(3);
  });

  it('refuses a picked file that is a symbolic link', async () => {
    const outside = path.join(dir, 'secret.txt');
    writeFileSync(outside, 'private');
    const link = path.join(dir, 'export.zip');
    symlinkSync(outside, link);
    await expect(listPickedPaths([link], false)).rejects.toMatchObject({ code: 'FILE_READ_FAILED', message: expect.stringMatching(/export\.zip is a symbolic link/) });
  });

  it('refuses a folder with too many files', async () => {
    await expect(listPickedPaths([writeExport()], true, { maxFiles: 2 })).rejects.toMatchObject({ code: 'TOO_MANY_FILES' });
  });

  it('reports a vanished file as a coded error', async () => {
    const error = await listPickedPaths([path.join(dir, 'gone')], true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesktopError);
    expect((error as DesktopError).code).toBe('FILE_READ_FAILED');
  });
});

describe('PickedFileRegistry', () => {
  it('gives the renderer opaque handles and names, never paths', async () => {
    const registry = new PickedFileRegistry();
    const refs = registry.issue(WINDOW, await listPickedPaths([writeExport()], true));
    expect(refs.map((r) => r.relativePath)).toContain('slack-export/incident-2041/2024-03-01.json');
    for (const ref of refs) {
      expect(ref.handle).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(ref)).not.toContain(dir);
    }
    expect(new Set(refs.map((r) => r.handle)).size).toBe(refs.length);
  });

  it('reads byte ranges of a picked file, clipped at its end', async () => {
    const file = path.join(dir, 'timeline.csv');
    writeFileSync(file, 'time,event\n2024-03-01T10:00Z,SEV2 declared\n');
    const registry = new PickedFileRegistry();
    const ref = await pickOne(registry, file);
    expect(ref).toMatchObject({ name: 'timeline.csv', relativePath: 'timeline.csv', size: 43 });
    expect(text(await registry.read(WINDOW, ref.handle, 0, 4))).toBe('time');
    expect(text(await registry.read(WINDOW, ref.handle, 11, 17))).toBe('2024-03-01T10:00Z');
    expect(text(await registry.read(WINDOW, ref.handle, 29, 1000))).toBe('SEV2 declared\n');
    expect(await registry.read(WINDOW, ref.handle, 43, 10)).toHaveLength(0);
  });

  it('refuses reads out of range or larger than one chunk', async () => {
    const file = path.join(dir, 'a.json');
    writeFileSync(file, '{}');
    const registry = new PickedFileRegistry();
    const ref = await pickOne(registry, file);
    for (const [offset, length] of [[3, 1], [-1, 1], [0, -1], [0.5, 1], [0, IPC_CHUNK_BYTES + 1], [Number.MAX_SAFE_INTEGER + 2, 1]] as const) {
      await expect(registry.read(WINDOW, ref.handle, offset, length)).rejects.toMatchObject({ code: 'FILE_RANGE_INVALID' });
    }
  });

  it('reads at most the size checked at pick time, even if the file grew', async () => {
    const file = path.join(dir, 'log.txt');
    writeFileSync(file, 'first\n');
    const registry = new PickedFileRegistry();
    const ref = await pickOne(registry, file);
    writeFileSync(file, 'first\nappended later, never read\n');
    expect(text(await registry.read(WINDOW, ref.handle, 0, 1000))).toBe('first\n');
  });

  it('refuses to follow a symbolic link swapped in after the pick', async () => {
    const file = path.join(dir, 'export.json');
    writeFileSync(file, '{"ok":true}');
    const secret = path.join(dir, 'secret.json');
    writeFileSync(secret, '{"password":"hunter2"}');
    const registry = new PickedFileRegistry();
    const ref = await pickOne(registry, file);
    unlinkSync(file);
    symlinkSync(secret, file);
    await expect(registry.read(WINDOW, ref.handle, 0, 100)).rejects.toMatchObject({ code: 'FILE_CHANGED' });
  });

  it('refuses a file replaced or shrunk after the pick', async () => {
    const file = path.join(dir, 'export.json');
    writeFileSync(file, '{"events":[1,2,3]}');
    const registry = new PickedFileRegistry();
    const ref = await pickOne(registry, file);
    truncateSync(file, 4);
    await expect(registry.read(WINDOW, ref.handle, 0, 100)).rejects.toMatchObject({ code: 'FILE_CHANGED' });
    const other = path.join(dir, 'other.json');
    writeFileSync(other, '{"events":[9,9,9,9,9]}');
    renameSync(other, file);
    await expect(registry.read(WINDOW, ref.handle, 0, 100)).rejects.toMatchObject({ code: 'FILE_CHANGED' });
  });

  it('answers only the window it issued a handle to, and forgets a closed window', async () => {
    const file = path.join(dir, 'a.json');
    writeFileSync(file, '{}');
    const registry = new PickedFileRegistry();
    const ref = await pickOne(registry, file);
    await expect(registry.read(OTHER_WINDOW, ref.handle, 0, 2)).rejects.toMatchObject({ code: 'FILE_HANDLE_UNKNOWN' });
    await expect(registry.read(WINDOW, '6f1c2a9e-0000-4000-8000-000000000000', 0, 2)).rejects.toMatchObject({ code: 'FILE_HANDLE_UNKNOWN' });
    registry.releaseOwner(WINDOW);
    await expect(registry.read(WINDOW, ref.handle, 0, 2)).rejects.toMatchObject({ code: 'FILE_HANDLE_UNKNOWN' });
    expect(registry.size).toBe(0);
  });

  it('forgets the oldest picks beyond the handle cap, never the newest', async () => {
    const root = writeExport();
    const registry = new PickedFileRegistry(4);
    const first = registry.issue(WINDOW, await listPickedPaths([root], true));
    const second = registry.issue(WINDOW, await listPickedPaths([root], true));
    expect(registry.size).toBe(3);
    await expect(registry.read(WINDOW, first[0]?.handle ?? '', 0, 1)).rejects.toMatchObject({ code: 'FILE_HANDLE_UNKNOWN' });
    expect(text(await registry.read(WINDOW, second[0]?.handle ?? '', 0, 2))).toBe('[{');
  });
});
