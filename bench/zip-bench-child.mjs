// One ZIP reader on one archive, in its own process so its peak memory is its own (bench/zip-bench.mjs
// runs it). Only the reader under test is imported here.
//   node bench/zip-bench-child.mjs <ours|zip.js|none> <archive path> [ours bundle]
import { openAsBlob, readFileSync } from 'node:fs';
import { basename } from 'node:path';

const MIB = 1024 * 1024;
const ENTRY_CAP = 64 * MIB; // DEFAULT_LIMITS.maxEntryBytes
const TOTAL_CAP = 4096 * MIB; // DEFAULT_LIMITS.maxTotalBytes
/** Reading stops after this long (zip.js needs minutes for 200k tiny entries); the outcome says how far it got. */
const READ_BUDGET_MS = 30_000;
const [candidate, path, oursBundle] = process.argv.slice(2);


async function readWithOurs(blob, name) {
  const { openZip } = await import(oursBundle);
  const source = { name, size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
  const t0 = performance.now();
  const folder = await openZip(source);
  const openMs = performance.now() - t0;
  let bytes = 0;
  let hash = 0;
  let outcome = 'read every entry';
  try {
    for (const [index, entry] of folder.entries.entries()) {
      if (performance.now() - t0 > READ_BUDGET_MS) {
        outcome = `stopped after ${READ_BUDGET_MS / 1000} s: read ${index} of ${folder.entries.length} entries`;
        break;
      }
      const data = await entry.read();
      bytes += data.length;
      hash = mix(hash, entry.path, data);
    }
  } catch (error) {
    outcome = `refused: ${error.code ?? ''} ${error.message}`;
  }
  return { entries: folder.entries.length, openMs, readMs: performance.now() - t0 - openMs, bytes, hash, outcome };
}

async function readWithZipJs(blob) {
  const { BlobReader, ZipReader, configure } = await import('@zip.js/zip.js');
  // Already inside the import worker: no nested workers; native DecompressionStream where present.
  configure({ useWebWorkers: false });
  const t0 = performance.now();
  const reader = new ZipReader(new BlobReader(blob));
  let entries;
  try {
    entries = (await reader.getEntries()).filter((entry) => !entry.directory);
  } catch (error) {
    return { entries: 0, openMs: performance.now() - t0, readMs: 0, bytes: 0, hash: 0, outcome: `whole archive refused on open: ${error.message} (${error.filename ?? ''})` };
  }
  const openMs = performance.now() - t0;
  let bytes = 0;
  let total = 0;
  let hash = 0;
  let outcome = 'read every entry';
  try {
    for (const [index, entry] of entries.entries()) {
      if (performance.now() - t0 > READ_BUDGET_MS) {
        outcome = `stopped after ${READ_BUDGET_MS / 1000} s: read ${index} of ${entries.length} entries`;
        break;
      }
      const chunks = [];
      let size = 0;
      const writer = new WritableStream({
        write(chunk) {
          size += chunk.length;
          total += chunk.length;
          if (size > ENTRY_CAP) throw Object.assign(new Error(`${entry.filename} exceeds the limit of 64 MB for one file`), { code: 'LIMIT_EXCEEDED' });
          if (total > TOTAL_CAP) throw Object.assign(new Error('exceeds the limit of 4 GB for all files together'), { code: 'LIMIT_EXCEEDED' });
          chunks.push(chunk);
        },
      });
      await entry.getData(writer);
      const data = concat(chunks, size);
      bytes += data.length;
      hash = mix(hash, entry.filename, data);
    }
  } catch (error) {
    outcome = `refused: ${error.code ?? ''} ${error.message}`;
  }
  await reader.close();
  return { entries: entries.length, openMs, readMs: performance.now() - t0 - openMs, bytes, hash, outcome };
}

function concat(chunks, size) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A cheap order-independent digest of names and bytes, to show both readers produced the same content. */
function mix(hash, name, data) {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  for (let i = 0; i < data.length; i += 97) h = Math.imul(h ^ data[i], 16777619);
  return (hash + (h >>> 0) + data.length) % 4294967296;
}

async function child() {
  const blob = await openAsBlob(path);
  const result = candidate === 'ours' ? await readWithOurs(blob, basename(path)) : candidate === 'zip.js' ? await readWithZipJs(blob) : {};
  // VmHWM: this address space's peak resident memory, ArrayBuffers included. (getrusage's maxRSS
  // would carry the parent's peak over the fork.)
  const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
  console.log(JSON.stringify({ ...result, peakRssMb: hwmKb / 1024 }));
}

await child();
