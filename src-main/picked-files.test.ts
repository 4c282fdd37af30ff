import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DesktopError } from './ipc-errors';
import { readPickedPaths } from './picked-files';

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

describe('readPickedPaths', () => {
  it('reads a folder recursively with paths shaped like webkitRelativePath', async () => {
    const files = await readPickedPaths([writeExport()], true);
    expect(files.map((f) => f.relativePath)).toEqual([
      'slack-export/channels.json',
      'slack-export/incident-2041/2024-03-01.json',
      'slack-export/incident-2041/2024-03-02.json',
    ]);
    const day = files[1];
    expect(day?.name).toBe('2024-03-01.json');
    expect(new TextDecoder().decode(day?.bytes)).toBe('[{"text":"SEV2 declared"}]');
    expect(day?.size).toBe(day?.bytes.byteLength);
  });

  it('reads picked files with their own name as the path', async () => {
    const file = path.join(dir, 'timeline.csv');
    writeFileSync(file, 'time,event\n');
    const [opened] = await readPickedPaths([file], false);
    expect(opened).toMatchObject({ name: 'timeline.csv', relativePath: 'timeline.csv', size: 11 });
    // Exactly sized: IPC would otherwise copy a whole shared backing buffer.
    expect(opened?.bytes.buffer.byteLength).toBe(11);
  });

  it('skips symbolic links so a folder cannot pull in files from elsewhere', async () => {
    const root = writeExport();
    const outside = path.join(dir, 'outside.txt');
    writeFileSync(outside, 'private');
    symlinkSync(outside, path.join(root, 'link.txt'));
    symlinkSync(root, path.join(root, 'loop'));
    const files = await readPickedPaths([root], true);
    expect(files.map((f) => f.relativePath)).not.toContain('slack-export/link.txt');
    expect(files).toHaveLength(3);
  });

  it('refuses a selection over the size cap before reading it', async () => {
    const root = writeExport();
    await expect(readPickedPaths([root], true, { maxTotalBytes: 10, maxFiles: 100 })).rejects.toMatchObject({
      code: 'FILES_TOO_LARGE',
      message: expect.stringMatching(/at most/),
    });
  });

  it('refuses a folder with too many files', async () => {
    const root = writeExport();
    await expect(readPickedPaths([root], true, { maxTotalBytes: 1e9, maxFiles: 2 })).rejects.toMatchObject({ code: 'TOO_MANY_FILES' });
  });

  it('reports a vanished file as a coded error', async () => {
    const error = await readPickedPaths([path.join(dir, 'gone')], true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesktopError);
    expect((error as DesktopError).code).toBe('FILE_READ_FAILED');
  });
});
