/**
 * `npm run bench:desktop-import`: the desktop path for a file picked in File > Import… (main-process
 * handle registry → DesktopFile → the import's lazy ZIP reading, hashing and Slack parser), run in
 * a fresh Node process per export size, with the peak resident memory of each. The exports hold the
 * same conversations; the large one carries gigabytes of uploaded files, as real exports do. Prints
 * the peak RSS of each and the ratio large/small (1.0 = memory does not grow with the file).
 *
 *   DEBRIEF_BENCH_BIG_GB=5 npm run bench:desktop-import   # the 5 GB case (needs 5 GB free in /tmp)
 */
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { configure, TextReader, ZipWriter } from '@zip.js/zip.js';
import { generateSlackExport } from '../../src-renderer/core/importers/slack/__fixtures__/build-export';

const here = fileURLToPath(import.meta.url);
const MIB = 1024 * 1024;

/**
 * A Slack export ZIP: the generated conversations, then `fillerBytes` of stored uploads. Written
 * with zip.js, streaming and with ZIP64 (a multi-gigabyte archive needs it, as Slack's do).
 */
async function writeExport(file: string, fillerBytes: number): Promise<void> {
  configure({ useWebWorkers: false });
  const writer = new ZipWriter(Writable.toWeb(createWriteStream(file)) as WritableStream<Uint8Array>, { zip64: true });
  for (const [name, text] of generateSlackExport({ channels: 4, messages: 20_000, days: 3, seed: 7 })) {
    await writer.add(name, new TextReader(text), { level: 6 });
  }
  const FILE = 256 * MIB;
  const CHUNK = 4 * MIB;
  for (let n = 0, left = fillerBytes; left > 0; n++) {
    const size = Math.min(FILE, left);
    let done = 0;
    const upload = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (done >= size) return controller.close();
        const piece = randomFillSync(new Uint8Array(Math.min(CHUNK, size - done)));
        done += piece.length;
        controller.enqueue(piece);
      },
    });
    await writer.add(`uploads/F${String(n).padStart(4, '0')}/recording.mp4`, upload, { level: 0 });
    left -= size;
  }
  await writer.close();
}

/** Child process: import `file` through the desktop path and report peak RSS. */
async function measure(file: string): Promise<void> {
  const { listPickedPaths, PickedFileRegistry } = await import('../../src-main/picked-files');
  const { DesktopFile } = await import('../../src-renderer/platform/desktop-file');
  const { groupPickedFiles, toImportInput } = await import('../../src-renderer/features/import/picked-input');
  const { fromWireInput, toWireInput } = await import('../../src-renderer/features/import/wire-input');
  const { sha256OfInput } = await import('../../src-renderer/features/import/file-hash');
  const { parseSlackExport } = await import('../../src-renderer/core/importers/slack/slack-export');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();

  const registry = new PickedFileRegistry();
  const WINDOW = 1;
  const [ref] = registry.issue(WINDOW, await listPickedPaths([file], false));
  if (!ref) throw new Error('nothing picked');
  const picked = groupPickedFiles([{ file: new DesktopFile(ref, (handle, offset, length) => registry.read(WINDOW, handle, offset, length)), path: ref.relativePath }]);
  const [first] = picked;
  if (!first) throw new Error('nothing grouped');
  const readers = new Map();
  // The worker's copy: what crossed postMessage, reading back through the window's readers.
  const inWorker = fromWireInput(structuredClone(toWireInput(first, readers)), (handle, offset, length) => readers.get(handle)(handle, offset, length));
  const sha256 = await sha256OfInput(inWorker);
  const result = await parseSlackExport(toImportInput(inWorker), {});
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(JSON.stringify({ peakRss: peak, events: result.events.length, sha256: sha256.slice(0, 12), ms: Math.round(performance.now() - started) }));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') return measure(process.argv[3] ?? '');
  const bigGb = Number(process.env.DEBRIEF_BENCH_BIG_GB ?? 1);
  const dir = mkdtempSync(path.join(tmpdir(), 'debrief-desktop-bench-'));
  try {
    const sizes = [{ label: 'small', filler: 50 * MIB }, { label: 'large', filler: Math.round(bigGb * 1024) * MIB }];
    const rows: { label: string; bytes: number; peakRss: number; events: number; ms: number }[] = [];
    for (const { label, filler } of sizes) {
      const file = path.join(dir, `slack-export-${label}.zip`);
      await writeExport(file, filler);
      const out = execFileSync(process.execPath, ['--import', 'tsx', here, '--measure', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const figures = JSON.parse(out) as { peakRss: number; events: number; ms: number };
      rows.push({ label, bytes: statSync(file).size, ...figures });
      rmSync(file);
    }
    console.log('Desktop import of a picked file (handle → lazy byte ranges), fresh process per size:');
    for (const row of rows) {
      console.log(`  ${row.label.padEnd(5)} ${(row.bytes / MIB).toFixed(0).padStart(6)} MB export: ${row.events} events, peak RSS ${(row.peakRss / MIB).toFixed(0)} MB, ${row.ms} ms (hash + parse)`);
    }
    const [small, large] = rows;
    if (small && large) console.log(`  peak RSS ratio large/small: ${(large.peakRss / small.peakRss).toFixed(2)} for a file ${(large.bytes / small.bytes).toFixed(0)}× larger`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
