// Issue 16: our ZIP reader (core/importers/zip-reader.ts + cp437.ts, inflating with fflate) against
// @zip.js/zip.js, on the 1M-message synthetic Slack export and on hostile archives (a 1 GiB zip
// bomb, a ZIP64 archive, traversal names, 199,999 entries). Each run is its own Node process, so its
// peak resident memory is its own. Both read the file through a Blob (as the import worker does) and
// both stop an entry at the same 64 MiB cap (ours: its ByteBudget; zip.js: a writer that counts).
// Bundle size: each reader bundled and minified alone with esbuild (what it adds to the worker).
//   node bench/zip-bench.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { DATA_DIR, EXPORTS, generateExports, writeZip } from './generate-slack-export.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench/results');
const OURS_BUNDLE = join(RESULTS, 'zip-reader-ours.mjs');
const MIB = 1024 * 1024;
const CHILD = fileURLToPath(new URL('./zip-bench-child.mjs', import.meta.url));

export const ARCHIVES = {
  '1m-export': { file: EXPORTS['1m'].file, label: '1M-message Slack export' },
  bomb: { file: 'zip-bomb-1g.zip', label: 'zip bomb: one 1 GiB day file' },
  'bomb-lying': { file: 'zip-bomb-1g-lying.zip', label: 'zip bomb, its header saying 2 KB' },
  zip64: { file: 'slack-zip64.zip', label: 'ZIP64 Slack export (zip.js writer)' },
  traversal: { file: 'traversal.zip', label: 'traversal names (../, /abs, __proto__)' },
  'entries-200k': { file: 'entries-200k.zip', label: '199,999 entries' },
};

// ---------------------------------------------------------------------------------------------
// Parent: archives, bundles, runs, table.

const text = (value) => new TextEncoder().encode(value);
const slackBase = {
  'users.json': text(JSON.stringify([{ id: 'U1', name: 'priya', real_name: 'Priya Raman' }])),
  'channels.json': text(JSON.stringify([{ id: 'C1', name: 'incident-checkout' }])),
};

export async function makeArchives() {
  mkdirSync(DATA_DIR, { recursive: true });
  await generateExports({ only: '1m' });
  const bomb = join(DATA_DIR, ARCHIVES.bomb.file);
  if (!existsSync(bomb)) {
    const spaces = new Uint8Array(16 * MIB).fill(0x20);
    await writeZip(bomb, [
      ...Object.entries(slackBase).map(([name, bytes]) => [name, (push) => push(bytes, true)]),
      [
        'incident-checkout/2024-06-12.json',
        (push) => {
          push(text('['), false);
          for (let i = 0; i < 64; i++) push(spaces, false);
          push(text(']'), true);
        },
      ],
    ], 9);
  }
  // The same bomb with its directory understating the day file's size (2 KB): the reader cannot
  // refuse it from the header and must stop it while inflating, at the one-file cap.
  const lying = join(DATA_DIR, ARCHIVES['bomb-lying'].file);
  if (!existsSync(lying)) {
    const bytes = readFileSync(bomb);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = view.getUint32(bytes.length - 22 + 16, true);
    while (view.getUint32(at, true) === 0x02014b50) {
      const nameLength = view.getUint16(at + 28, true);
      if (bytes.subarray(at + 46, at + 46 + nameLength).toString().endsWith('2024-06-12.json')) view.setUint32(at + 24, 2048, true);
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    writeFileSync(lying, bytes);
  }
  const zip64 = join(DATA_DIR, ARCHIVES.zip64.file);
  if (!existsSync(zip64)) {
    const { BlobWriter, Uint8ArrayReader, ZipWriter, configure } = await import('@zip.js/zip.js');
    configure({ useWebWorkers: false });
    const writer = new ZipWriter(new BlobWriter('application/zip'), { zip64: true });
    for (const [name, bytes] of Object.entries(slackBase)) await writer.add(name, new Uint8Array(bytes).length ? new Uint8ArrayReader(bytes) : undefined);
    for (let day = 1; day <= 30; day++) {
      const messages = Array.from({ length: 2000 }, (_, i) => ({ type: 'message', user: 'U1', text: `day ${day} message ${i}: rolling back payments-api`, ts: `${1717200000 + day * 86400 + i}.000100` }));
      await writer.add(`incident-checkout/2024-06-${String(day).padStart(2, '0')}.json`, new Uint8ArrayReader(text(JSON.stringify(messages))));
    }
    writeFileSync(zip64, new Uint8Array(await (await writer.close()).arrayBuffer()));
  }
  const traversal = join(DATA_DIR, ARCHIVES.traversal.file);
  if (!existsSync(traversal)) {
    const day = text(JSON.stringify([{ type: 'message', user: 'U1', text: 'kept', ts: '1718201100.000100' }]));
    writeFileSync(traversal, zipSync({ ...slackBase, 'incident-checkout/2024-06-12.json': day, '../escape/2024-06-12.json': day, '/abs/2024-06-12.json': day, '__proto__/2024-06-12.json': day, 'a\\..\\..\\win.json': day }));
  }
  const many = join(DATA_DIR, ARCHIVES['entries-200k'].file);
  if (!existsSync(many)) {
    const files = { ...slackBase };
    for (let i = files ? Object.keys(files).length : 0; i < 199_999; i++) files[`incident-checkout/f${String(i).padStart(6, '0')}.json`] = text('[]');
    writeFileSync(many, zipSync(files, { level: 0 }));
  }
}

async function bundle(entryCode, label) {
  const result = await build({
    stdin: { contents: entryCode, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  return { label, bytes: bytes.length, gzip: gzipSync(bytes).length };
}

async function parent() {
  await makeArchives();
  mkdirSync(RESULTS, { recursive: true });
  await build({ entryPoints: [join(ROOT, 'src-renderer/core/importers/zip-reader.ts')], bundle: true, format: 'esm', platform: 'node', outfile: OURS_BUNDLE, logLevel: 'silent' });
  const baseline = JSON.parse(execFileSync(process.execPath, [CHILD, 'none', join(DATA_DIR, ARCHIVES.traversal.file)], { encoding: 'utf8' }));

  console.log(`\nZIP readers (Node ${process.version}; each run a fresh process; peak RSS of an idle process: ${baseline.peakRssMb.toFixed(0)} MB)\n`);
  console.log(`${'archive'.padEnd(44)} ${'reader'.padEnd(7)} ${'entries'.padStart(8)} ${'open'.padStart(9)} ${'read all'.padStart(9)} ${'MB out'.padStart(7)} ${'peak RSS'.padStart(9)}  outcome`);
  const rows = [];
  for (const [archive, spec] of Object.entries(ARCHIVES)) {
    const size = statSync(join(DATA_DIR, spec.file)).size;
    for (const candidate of ['ours', 'zip.js']) {
      let result;
      try {
        result = JSON.parse(execFileSync(process.execPath, [CHILD, candidate, join(DATA_DIR, spec.file), OURS_BUNDLE], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').at(-1));
      } catch (error) {
        result = { entries: 0, openMs: NaN, readMs: NaN, peakRssMb: NaN, bytes: 0, hash: 0, outcome: `crashed: ${String(error.stderr ?? error).split('\n').find((l) => /Error|heap/i.test(l)) ?? 'exit'}` };
      }
      rows.push({ archive, candidate, ...result });
      const label = candidate === 'ours' ? `${spec.label}, ${(size / MIB).toFixed(1)} MB` : '';
      console.log(
        `${label.padEnd(44)} ${candidate.padEnd(7)} ${String(result.entries).padStart(8)} ${`${Math.round(result.openMs)} ms`.padStart(9)} ${`${Math.round(result.readMs)} ms`.padStart(9)} ${(result.bytes / MIB).toFixed(0).padStart(7)} ${`${Math.round(result.peakRssMb)} MB`.padStart(9)}  ${result.outcome.slice(0, 100)}`,
      );
    }
    const [a, b] = rows.slice(-2);
    if (a.outcome === 'read every entry' && b.outcome === 'read every entry') {
      console.log(`${''.padEnd(44)} same entries and bytes: ${a.entries === b.entries && a.bytes === b.bytes && a.hash === b.hash ? 'yes' : `NO (${a.bytes} vs ${b.bytes} bytes)`}`);
    }
  }
  const ours = await bundle("export { openZip } from './src-renderer/core/importers/zip-reader.ts';", 'ours: zip-reader + cp437 + fflate Inflate');
  const zipjs = await bundle("export { ZipReader, BlobReader, configure } from '@zip.js/zip.js';", '@zip.js/zip.js (ZipReader, BlobReader)');
  const zipjsReader = await bundle("export { ZipReader } from '@zip.js/zip.js/lib/zip-core-reader.js';", '@zip.js/zip.js/lib/zip-core-reader.js');
  console.log('\nBundle (esbuild, minified, what the reader adds to the import worker)\n');
  for (const b of [ours, zipjs, zipjsReader]) console.log(`${b.label.padEnd(48)} ${`${(b.bytes / 1024).toFixed(1)} kB`.padStart(10)} ${`gzip ${(b.gzip / 1024).toFixed(1)} kB`.padStart(16)}`);
  const m = (archive, candidate) => rows.find((r) => r.archive === archive && r.candidate === candidate);
  const o = m('1m-export', 'ours');
  const z = m('1m-export', 'zip.js');
  console.log(`\n1M export, read all: zip.js time / ours = ${(z.readMs / o.readMs).toFixed(2)}x; bomb peak RSS ours ${Math.round(m('bomb', 'ours').peakRssMb)} MB (< 256 MB target), zip.js ${Math.round(m('bomb', 'zip.js').peakRssMb)} MB`);
}

if (import.meta.url === `file://${process.argv[1]}`) await parent();
