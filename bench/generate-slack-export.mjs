// Writes synthetic Slack exports as ZIPs into bench/data/ (gitignored), using the project's own
// deterministic generator (core/importers/slack/__fixtures__/build-export.ts).
// Usage: node bench/generate-slack-export.mjs [--only 100k|1m] [--force]
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Zip, ZipDeflate } from 'fflate';
import { loadTs } from './load-ts.mjs';

export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export const EXPORTS = {
  '100k': { file: 'slack-100k.zip', channels: 20, messages: 100_000, days: 10, seed: 100 },
  '1m': { file: 'slack-1m.zip', channels: 200, messages: 1_000_000, days: 30, seed: 1000 },
};

/**
 * Streams entries into a ZIP on disk with fflate: each entry's `produce(push)` pushes its bytes in
 * as many pieces as it likes, so a big member (bench/zip-bench.mjs's 1 GiB bomb) is never held whole.
 */
export async function writeZip(path, entries, level = 6) {
  const out = createWriteStream(path);
  const done = new Promise((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    out.write(chunk);
    if (final) out.end();
  });
  for (const [name, produce] of entries) {
    const entry = new ZipDeflate(name, { level });
    zip.add(entry);
    produce((bytes, last) => entry.push(bytes, last));
  }
  zip.end();
  await done;
}

/** One export's files into a ZIP, each text dropped once zipped so only the generator's text (not a second copy) is held. */
function writeExportZip(path, files) {
  const encoder = new TextEncoder();
  return writeZip(
    path,
    [...files.keys()].map((name) => [
      name,
      (push) => {
        push(encoder.encode(files.get(name)), true);
        files.delete(name);
      },
    ]),
  );
}

export async function generateExports({ only, force = false } = {}) {
  mkdirSync(DATA_DIR, { recursive: true });
  const wanted = Object.entries(EXPORTS).filter(([key]) => !only || key === only);
  const pending = wanted.filter(([, spec]) => force || !existsSync(DATA_DIR + spec.file));
  if (pending.length === 0) return;
  const { module, close } = await loadTs('src-renderer/core/importers/slack/__fixtures__/build-export.ts');
  try {
    for (const [key, spec] of pending) {
      const started = performance.now();
      const files = module.generateSlackExport({ channels: spec.channels, messages: spec.messages, days: spec.days, seed: spec.seed });
      await writeExportZip(DATA_DIR + spec.file, files);
      const size = statSync(DATA_DIR + spec.file).size;
      console.log(`generated ${key}: ${spec.file}, ${(size / 1024 / 1024).toFixed(1)} MB, ${spec.messages} messages in ${spec.channels} channels (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  await generateExports({ only, force: args.includes('--force') });
}
