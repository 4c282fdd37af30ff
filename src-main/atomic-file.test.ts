import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killOnFirstOutput } from './kill-child';
import { createAtomicWriter, writeFileAtomic } from './atomic-file';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
let target: string;
const OLD = '{"backup":"the previous one, complete"}';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'debrief-atomic-'));
  target = path.join(dir, 'debrief-backup-2026-12-01.json');
  writeFileSync(target, OLD);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A real save in another process, killed with SIGKILL once it has written part of the new
 * backup: no handler runs, exactly as when the app crashes or the machine loses power.
 */
function killMidSave(file: string): Promise<void> {
  const script = `
    const { createAtomicWriter } = await import(${JSON.stringify(path.join(here, 'atomic-file.ts'))});
    const writer = await createAtomicWriter(${JSON.stringify(file)});
    const chunk = Buffer.alloc(1024 * 1024, 120);
    for (let i = 0; ; i++) {
      await writer.write(chunk);
      if (i === 2) process.stdout.write('writing\\n');
    }`;
  return killOnFirstOutput(script);
}

describe('atomic saves', () => {
  it('a save killed half-way leaves the previous backup intact', { timeout: 60_000 }, async () => {
    await killMidSave(target);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    // Only the abandoned temporary file is left beside it, never under the backup's name.
    expect(readdirSync(dir).filter((name) => name !== path.basename(target)).every((name) => name.endsWith('.tmp') && name.startsWith('.'))).toBe(true);
  });

  it('a completed save replaces the file whole', async () => {
    const writer = await createAtomicWriter(target);
    await writer.write('{"backup":');
    // Until commit, the old file is what anyone reads.
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    await writer.write('"new"}');
    await writer.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"backup":"new"}');
    expect(readdirSync(dir)).toEqual([path.basename(target)]);
  });

  it('an aborted save deletes its temporary file and keeps the old one', async () => {
    const writer = await createAtomicWriter(target);
    await writer.write('partial');
    await writer.abort();
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual([path.basename(target)]);
  });

  it('writeFileAtomic creates a new file too', async () => {
    const fresh = path.join(dir, 'new.json');
    await writeFileAtomic(fresh, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(fresh)]).toEqual([1, 2, 3]);
  });
});
