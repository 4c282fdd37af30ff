import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { AbortFlag } from '@core/importers/importer';
import type { DesktopFile } from '@platform/desktop-file';
import type { PickedInput } from './picked-input';

/** Up to this size a file is hashed in one native `crypto.subtle.digest` call (fast, one buffer). */
export const ONE_SHOT_LIMIT = 64 * 1024 * 1024;
const SLICE = 8 * 1024 * 1024;

/** How a blob is cut up for hashing; only tests change it, to reach the streamed path with small blobs. */
export interface HashSlicing {
  oneShotLimit: number;
  slice: number;
}

const DEFAULT_SLICING: HashSlicing = { oneShotLimit: ONE_SHOT_LIMIT, slice: SLICE };

function toHex(buffer: ArrayBuffer): string {
  return bytesToHex(new Uint8Array(buffer));
}

/**
 * SHA-256 of a file's bytes, equal to `sha256sum`. Small files go through Web Crypto at once;
 * larger ones are streamed in 8 MiB slices through @noble/hashes' incremental SHA-256 (audited,
 * pure JS: Web Crypto has no streaming digest, and a WASM hasher would be one more WebAssembly
 * module to ship), so memory stays flat. bench/sha256-bench.mjs prints its throughput.
 */
export async function sha256OfBlob(blob: Blob | DesktopFile, signal?: AbortFlag, onBytes?: (done: number) => void, slicing: HashSlicing = DEFAULT_SLICING): Promise<string> {
  if (blob.size <= slicing.oneShotLimit) {
    const digest = toHex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    onBytes?.(blob.size);
    return digest;
  }
  const hasher = sha256.create();
  for (let offset = 0; offset < blob.size; offset += slicing.slice) {
    if (signal?.aborted) return '';
    hasher.update(new Uint8Array(await blob.slice(offset, offset + slicing.slice).arrayBuffer()));
    onBytes?.(Math.min(blob.size, offset + slicing.slice));
  }
  return bytesToHex(hasher.digest());
}

/**
 * A single file: the SHA-256 of its bytes. A folder: the SHA-256 of its listing
 * (`path NUL sha256 LF` per file, sorted by path), so the same folder picked again matches.
 */
export async function sha256OfInput(input: PickedInput, signal?: AbortFlag, onBytes?: (done: number) => void): Promise<string> {
  const [first] = input.files;
  if (input.kind === 'file' && first) return sha256OfBlob(first.file, signal, onBytes);
  const lines: string[] = [];
  let done = 0;
  for (const { file, path } of [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const before = done;
    lines.push(`${path}\u0000${await sha256OfBlob(file, signal, (bytes) => onBytes?.(before + bytes))}\n`);
    done += file.size;
  }
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(lines.join(''))));
}
