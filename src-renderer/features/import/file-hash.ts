import type { AbortFlag } from '@core/importers/importer';
import type { PickedBlob } from '@platform/desktop-file';
import type { PickedInput } from './picked-input';
import { Sha256 } from './sha256-stream';

/** Up to this size a file is hashed in one native `crypto.subtle.digest` call (fast, one buffer). */
export const ONE_SHOT_LIMIT = 64 * 1024 * 1024;
const SLICE = 8 * 1024 * 1024;

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256 of a file's bytes, equal to `sha256sum`. Small files go through Web Crypto at once;
 * larger ones are streamed in 8 MiB slices through the incremental hasher so memory stays flat.
 */
export async function sha256OfBlob(blob: PickedBlob, signal?: AbortFlag, onBytes?: (done: number) => void): Promise<string> {
  if (blob.size <= ONE_SHOT_LIMIT) {
    const digest = toHex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    onBytes?.(blob.size);
    return digest;
  }
  const hasher = new Sha256();
  for (let offset = 0; offset < blob.size; offset += SLICE) {
    if (signal?.aborted) return '';
    hasher.update(new Uint8Array(await blob.slice(offset, offset + SLICE).arrayBuffer()));
    onBytes?.(Math.min(blob.size, offset + SLICE));
  }
  return hasher.digestHex();
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
