import { deflateSync, strToU8 } from 'fflate';
import { must } from './__fixtures__/read-fixture';
import { describe, expect, it } from 'vitest';
import { buildZip, centralHeaders, clearUtf8Flags, patchBytes, readU32, toZip64End, writeU16, writeU32 } from './__fixtures__/build-zip';
import { bytesSource, type ByteSource } from './byte-source';
import { ImportError } from './import-error';
import { looksLikeZip, openZip } from './zip-reader';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

/** A source that records which byte ranges were read. */
function recordingSource(name: string, bytes: Uint8Array): ByteSource & { reads: [number, number][] } {
  const inner = bytesSource(name, bytes);
  const reads: [number, number][] = [];
  return {
    name,
    size: inner.size,
    reads,
    read: (offset, length) => {
      reads.push([offset, length]);
      return inner.read(offset, length);
    },
  };
}

describe('openZip', () => {
  it('lists entries from the central directory and inflates stored and deflated entries on read', async () => {
    const stored = buildZip({ 'a.json': '{"stored":true}' }, 0);
    const deflated = buildZip({ 'logs/b.json': '{"deflated":true}'.repeat(50) }, 6);
    for (const [zip, path, expected] of [
      [stored, 'a.json', '{"stored":true}'],
      [deflated, 'logs/b.json', '{"deflated":true}'.repeat(50)],
    ] as const) {
      const folder = await openZip(bytesSource('export.zip', zip));
      expect(folder.name).toBe('export.zip');
      expect(folder.entries.map((entry) => entry.path)).toEqual([path]);
      const [entry] = folder.entries;
      expect(text(await must(entry).read())).toBe(expected);
    }
    const [entry] = (await openZip(bytesSource('x.zip', deflated))).entries;
    expect(must(entry).method).toBe(8);
  });

  it('reads only the end record and the central directory until an entry is read', async () => {
    const big = 'x'.repeat(400_000);
    const zip = buildZip({ 'first.txt': big, 'second.txt': 'small' }, 0);
    const source = recordingSource('big.zip', zip);
    const folder = await openZip(source);
    // A 4-byte sniff, the last 64 KiB (end record + comment window) and the directory itself.
    const readOnOpen = source.reads.reduce((sum, [, length]) => sum + length, 0);
    expect(readOnOpen).toBeLessThan(70_000);
    expect(source.reads.some(([offset]) => offset > 0 && offset < 1000)).toBe(false);
    source.reads.length = 0;
    expect(text(await must(folder.entries[1]).read())).toBe('small');
    expect(source.reads.reduce((sum, [, length]) => sum + length, 0)).toBeLessThan(200);
  });

  it('skips directory entries', async () => {
    const zip = buildZip({ 'general/': new Uint8Array(), 'general/2025-03-09.json': '[]' });
    const folder = await openZip(bytesSource('x.zip', zip));
    expect(folder.entries.map((entry) => entry.path)).toEqual(['general/2025-03-09.json']);
  });

  it('prefers UTF-8 for unflagged names that are valid UTF-8 (Slack exports) and falls back to cp437', async () => {
    const zip = clearUtf8Flags(buildZip({ 'incidénts/día.json': '[]', 'caf\u00e9.json': '{}' }));
    // Turn the UTF-8 é (C3 A9) of the second name into two cp437 é bytes (82 82): invalid UTF-8.
    const cp437 = patchBytes(zip, strToU8('caf\u00e9.json'), new Uint8Array([...strToU8('caf'), 0x82, 0x82, ...strToU8('.json')]));
    const names = (await openZip(bytesSource('x.zip', cp437))).entries.map((entry) => entry.path);
    expect(names).toEqual(['incidénts/día.json', 'caféé.json']);
  });

  it('reads flagged names as UTF-8', async () => {
    const zip = buildZip({ 'журнал.json': '[]' });
    const [entry] = (await openZip(bytesSource('x.zip', zip))).entries;
    expect(must(entry).path).toBe('журнал.json');
  });

  it('keeps hostile names as opaque labels and never treats them as paths', async () => {
    const names = ['../escape.json', '/etc/passwd', 'a\\b.json', '__proto__', 'ok/../../x.json'];
    // fflate itself cannot be handed a '__proto__' key, so that name is patched in afterwards.
    const built = buildZip(Object.fromEntries(names.map((name, i) => [name === '__proto__' ? 'zzproto__' : name, `content ${i}`])));
    const zip = patchBytes(built, strToU8('zzproto__'), strToU8('__proto__'));
    const folder = await openZip(bytesSource('x.zip', zip));
    expect(folder.entries.map((entry) => entry.path)).toEqual(names);
    expect(text(await must(folder.entries[3]).read())).toBe('content 3');
    expect(Object.getPrototypeOf(folder.entries[3])).toBe(Object.prototype);
  });

  it('reads the ZIP64 end record', async () => {
    const zip = toZip64End(buildZip({ 'a.json': '{"a":1}', 'b.json': '{"b":2}' }));
    const folder = await openZip(bytesSource('z64.zip', zip));
    expect(folder.entries.map((entry) => entry.path)).toEqual(['a.json', 'b.json']);
    expect(text(await must(folder.entries[1]).read())).toBe('{"b":2}');
  });

  it('reads every entry when the 16-bit entry count wrapped past 65,535 (writers without ZIP64)', async () => {
    const zip = buildZip({ 'a.json': '[1]', 'b.json': '[2]', 'c.json': '[3]' });
    const eocd = zip.length - 22;
    // 65,537 entries written without ZIP64 declare 65,537 mod 65,536 = 1.
    writeU16(zip, eocd + 8, 1);
    writeU16(zip, eocd + 10, 1);
    const folder = await openZip(bytesSource('wrapped.zip', zip));
    expect(folder.entries.map((entry) => entry.path)).toEqual(['a.json', 'b.json', 'c.json']);
    expect(text(await must(folder.entries[2]).read())).toBe('[3]');
    const capped = await rejection(openZip(bytesSource('wrapped.zip', zip), { limits: { maxEntries: 2 } }));
    expect(capped.code).toBe('LIMIT_EXCEEDED');
  });

  it('opens an empty archive', async () => {
    const folder = await openZip(bytesSource('empty.zip', buildZip({})));
    expect(folder.entries).toEqual([]);
  });

  it('rejects what is not a ZIP with NOT_A_ZIP', async () => {
    for (const bytes of [strToU8('timestamp,message\n2025-03-09T06:45:00Z,hello\n'), new Uint8Array(0), strToU8('PK')]) {
      const error = await rejection(openZip(bytesSource('notes.csv', bytes)));
      expect(error.code).toBe('NOT_A_ZIP');
      expect(error.location.file).toBe('notes.csv');
    }
  });

  it('reports an archive cut short as TRUNCATED_ARCHIVE naming the file', async () => {
    const zip = buildZip({ 'a.json': 'a'.repeat(1000), 'b.json': 'b'.repeat(1000) }, 0);
    const error = await rejection(openZip(bytesSource('half.zip', zip.subarray(0, zip.length >> 1))));
    expect(error.code).toBe('TRUNCATED_ARCHIVE');
    expect(error.describe()).toContain('half.zip');
  });

  it('reports a damaged entry as TRUNCATED_ARCHIVE naming the file and the entry', async () => {
    const zip = buildZip({ 'channel/2025-03-09.json': JSON.stringify({ text: 'hello world '.repeat(200) }) });
    const header = must(centralHeaders(zip)[0]);
    const patched = zip.slice();
    writeU32(patched, header + 20, Math.floor(readU32(zip, header + 20) / 2));
    const [entry] = (await openZip(bytesSource('export.zip', patched))).entries;
    const error = await rejection(must(entry).read());
    expect(error.code).toBe('TRUNCATED_ARCHIVE');
    expect(error.location).toMatchObject({ file: 'export.zip', entry: 'channel/2025-03-09.json' });
  });

  it('rejects compression methods other than stored and deflate, and encrypted entries', async () => {
    const zip = buildZip({ 'a.json': '{}' });
    const header = must(centralHeaders(zip)[0]);
    const bzip2 = zip.slice();
    writeU16(bzip2, header + 10, 12);
    const error = await rejection(must((await openZip(bytesSource('x.zip', bzip2))).entries[0]).read());
    expect(error.code).toBe('UNSUPPORTED_COMPRESSION');
    expect(error.message).toContain('12');
    expect(error.location.entry).toBe('a.json');

    const encrypted = zip.slice();
    writeU16(encrypted, header + 8, (encrypted[header + 8] ?? 0) | 1);
    expect((await rejection(must((await openZip(bytesSource('x.zip', encrypted))).entries[0]).read())).code).toBe('UNSUPPORTED_COMPRESSION');
  });
});

describe('openZip limits', () => {
  it('stops inflating a zip bomb at the per-entry cap even when the header understates the size', async () => {
    const zip = buildZip({ 'bomb.json': new Uint8Array(2 * 1024 * 1024) });
    const header = must(centralHeaders(zip)[0]);
    const lying = zip.slice();
    writeU32(lying, header + 24, 10);
    const folder = await openZip(bytesSource('bomb.zip', lying), { limits: { maxEntryBytes: 256 * 1024 } });
    expect(must(folder.entries[0]).size).toBe(10);
    const error = await rejection(must(folder.entries[0]).read());
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toBe('exceeds the limit of 256 KB for one file');
    expect(error.location.entry).toBe('bomb.json');
  });

  it('refuses an entry that declares more than the per-entry cap before inflating any of it', async () => {
    const zip = buildZip({ 'bomb.json': new Uint8Array(2 * 1024 * 1024) });
    const source = recordingSource('bomb.zip', zip);
    const folder = await openZip(source, { limits: { maxEntryBytes: 256 * 1024 } });
    const readsBefore = source.reads.length;
    const error = await rejection(must(folder.entries[0]).read());
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toBe('exceeds the limit of 256 KB for one file');
    expect(source.reads.length).toBe(readsBefore);
  });

  it('reads an entry whose header understates or overstates its size, under the cap', async () => {
    const content = 'y'.repeat(300_000);
    const zip = buildZip({ 'day.json': content });
    const header = must(centralHeaders(zip)[0]);
    for (const declared of [10, 0, 900_000]) {
      const lying = zip.slice();
      writeU32(lying, header + 24, declared);
      const bytes = await must((await openZip(bytesSource('x.zip', lying))).entries[0]).read();
      expect(bytes.length).toBe(content.length);
      expect(bytes.buffer.byteLength).toBe(content.length);
      expect(text(bytes)).toBe(content);
    }
  });

  it('inflates only the start of an entry for its first bytes, even when it declares more than the cap', async () => {
    // Bytes that do not compress, so the entry spans more than one 1 MiB read of the archive.
    const noise = new Uint8Array(3 * 1024 * 1024);
    let seed = 0x9e3779b9;
    for (let i = 0; i < noise.length; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      noise[i] = seed & 0xff;
    }
    const zip = buildZip({ 'big.bin': noise });
    const source = recordingSource('big.zip', zip);
    const folder = await openZip(source, { limits: { maxEntryBytes: 100_000 } });
    const entry = must(folder.entries[0]);
    source.reads.length = 0;
    expect(await must(entry.readPrefix)(1000)).toEqual(noise.subarray(0, 1000));
    const compressedRead = source.reads.reduce((sum, [, length]) => sum + length, 0);
    expect(compressedRead).toBeLessThan(entry.compressedSize / 4);
    expect((await rejection(entry.read())).code).toBe('LIMIT_EXCEEDED');
  });

  it('caps the total across entries without counting an entry twice', async () => {
    const zip = buildZip({ 'a.txt': 'a'.repeat(40_000), 'b.txt': 'b'.repeat(40_000) });
    const folder = await openZip(bytesSource('x.zip', zip), { limits: { maxTotalBytes: 60_000 } });
    await must(folder.entries[0]).read();
    await must(folder.entries[0]).read();
    const error = await rejection(must(folder.entries[1]).read());
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('for all files together');
  });

  it('caps the number of entries', async () => {
    const zip = buildZip({ 'a': '1', 'b': '2', 'c': '3' });
    const error = await rejection(openZip(bytesSource('x.zip', zip), { limits: { maxEntries: 2 } }));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toBe('exceeds the limit of 2 files');
  });

  it('caps stored entries too', async () => {
    const zip = buildZip({ 'a.txt': 'a'.repeat(5000) }, 0);
    const folder = await openZip(bytesSource('x.zip', zip), { limits: { maxEntryBytes: 1000 } });
    expect((await rejection(must(folder.entries[0]).read())).code).toBe('LIMIT_EXCEEDED');
  });
});

describe('looksLikeZip', () => {
  it('recognises local headers and empty archives only', () => {
    expect(looksLikeZip(buildZip({ a: 'b' }).subarray(0, 4))).toBe(true);
    expect(looksLikeZip(buildZip({}).subarray(0, 4))).toBe(true);
    expect(looksLikeZip(deflateSync(strToU8('PK')))).toBe(false);
    expect(looksLikeZip(strToU8('{"log_entries":[]}'))).toBe(false);
  });
});
