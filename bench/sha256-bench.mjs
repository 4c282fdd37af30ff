// Issue 16: SHA-256 of a 1 GB file the way an import hashes it (8 MiB slices through an incremental
// hasher), for @noble/hashes (what the app uses), the hand-rolled hasher it replaced, and Node's
// OpenSSL as a reference. The file is generated in the system temp folder and deleted afterwards.
//   node bench/sha256-bench.mjs            (SHA_BENCH_MB=256 for a shorter run)
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { HandRolledSha256 } from './baselines/sha256-handrolled.mjs';
import { line, MB, seconds } from './bench-server.mjs';

const SIZE_MB = Number(process.env.SHA_BENCH_MB ?? 1024);
const SLICE = 8 * MB;

function writeFile(path) {
  const fd = openSync(path, 'w');
  const chunk = new Uint8Array(SLICE);
  for (let written = 0; written < SIZE_MB * MB; written += SLICE) writeSync(fd, randomFillSync(chunk));
  closeSync(fd);
}

/** Reads the file in 8 MiB slices (as the import worker slices the Blob) into `hasher`. */
function hashFile(path, hasher) {
  const fd = openSync(path, 'r');
  const slice = new Uint8Array(SLICE);
  const started = performance.now();
  let readMs = 0;
  for (;;) {
    const t = performance.now();
    const n = readSync(fd, slice, 0, SLICE, null);
    readMs += performance.now() - t;
    if (n === 0) break;
    hasher.update(slice.subarray(0, n));
  }
  const digest = hasher.digest();
  closeSync(fd);
  return { digest, ms: performance.now() - started, readMs };
}

const CANDIDATES = [
  ['@noble/hashes 2.x sha256.create() (the app)', () => { const h = sha256.create(); return { update: (b) => h.update(b), digest: () => bytesToHex(h.digest()) }; }],
  ['hand-rolled Sha256 (before)', () => { const h = new HandRolledSha256(); return { update: (b) => h.update(b), digest: () => h.digestHex() }; }],
  ['node:crypto (OpenSSL, reference only: not in a renderer worker)', () => { const h = createHash('sha256'); return { update: (b) => h.update(b), digest: () => h.digest('hex') }; }],
];

const path = join(tmpdir(), `debrief-sha256-bench-${process.pid}.bin`);
try {
  writeFile(path);
  hashFile(path, CANDIDATES[2][1]()); // warm the page cache so every candidate reads from memory
  const results = CANDIDATES.map(([label, make]) => ({ label, ...hashFile(path, make()) }));
  const digests = new Set(results.map((r) => r.digest));
  console.log(`\nSHA-256 of a ${SIZE_MB} MB file in 8 MiB slices (Node ${process.version}, V8 as in the import worker)\n`);
  for (const r of results) line(r.label, `${(SIZE_MB / (r.ms / 1000)).toFixed(0)} MB/s`, seconds(r.ms));
  const [noble, ours] = results;
  line('library throughput / hand-rolled throughput', `${(ours.ms / noble.ms).toFixed(2)}x`);
  line('all digests equal', digests.size === 1 ? 'yes' : 'NO', '', digests.size === 1);
  if (digests.size !== 1) process.exitCode = 1;
} finally {
  rmSync(path, { force: true });
}
