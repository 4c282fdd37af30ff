import { strToU8, zipSync, type Zippable } from 'fflate';

/** Test-only helpers that build ZIPs with fflate and then bend them into the shapes real tools write. */

export function buildZip(files: Record<string, Uint8Array | string>, level: 0 | 6 = 6): Uint8Array {
  const zippable: Zippable = {};
  for (const name of Object.keys(files)) {
    const content = files[name];
    // defineProperty so that a '__proto__' name becomes an entry, not the object's prototype.
    Object.defineProperty(zippable, name, {
      value: [typeof content === 'string' ? strToU8(content) : (content ?? new Uint8Array()), { level }],
      enumerable: true,
    });
  }
  return zipSync(zippable);
}

const LOCAL = [0x50, 0x4b, 0x03, 0x04];
const CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const EOCD = [0x50, 0x4b, 0x05, 0x06];

export function findAll(bytes: Uint8Array, pattern: readonly number[]): number[] {
  const found: number[] = [];
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    found.push(i);
  }
  return found;
}

/** Replaces every occurrence of `from` with the same-length `to`. */
export function patchBytes(zip: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  if (from.length !== to.length) throw new Error('patch must keep the length');
  const out = zip.slice();
  for (const at of findAll(out, [...from])) out.set(to, at);
  return out;
}

/** Clears general-purpose flag bit 11 (names are UTF-8) in every header, as Slack's exporter does. */
export function clearUtf8Flags(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const clear = (at: number) => {
    out[at + 1] = (out[at + 1] ?? 0) & ~0x08;
  };
  for (const at of findAll(out, LOCAL)) clear(at + 6);
  for (const at of findAll(out, CENTRAL)) clear(at + 8);
  return out;
}

/** Offsets of central directory headers, in order. */
export function centralHeaders(zip: Uint8Array): number[] {
  return findAll(zip, CENTRAL);
}

export function writeU16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
}

export function writeU32(bytes: Uint8Array, at: number, value: number): void {
  writeU16(bytes, at, value & 0xffff);
  writeU16(bytes, at + 2, (value >>> 16) & 0xffff);
}

export function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;
}

/** Rewrites the archive's end so that counts and offsets live only in a ZIP64 EOCD record. */
export function toZip64End(zip: Uint8Array): Uint8Array {
  const eocd = findAll(zip, EOCD).at(-1);
  if (eocd === undefined) throw new Error('no EOCD');
  const entries = (zip[eocd + 10] ?? 0) | ((zip[eocd + 11] ?? 0) << 8);
  const cdSize = readU32(zip, eocd + 12);
  const cdOffset = readU32(zip, eocd + 16);
  const record = new Uint8Array(56);
  writeU32(record, 0, 0x06064b50);
  writeU32(record, 4, 44);
  writeU16(record, 12, 45);
  writeU16(record, 14, 45);
  writeU32(record, 24, entries);
  writeU32(record, 32, entries);
  writeU32(record, 40, cdSize);
  writeU32(record, 48, cdOffset);
  const locator = new Uint8Array(20);
  writeU32(locator, 0, 0x07064b50);
  writeU32(locator, 8, eocd);
  writeU32(locator, 16, 1);
  const end = new Uint8Array(22);
  writeU32(end, 0, 0x06054b50);
  writeU16(end, 8, 0xffff);
  writeU16(end, 10, 0xffff);
  writeU32(end, 12, 0xffffffff);
  writeU32(end, 16, 0xffffffff);
  const out = new Uint8Array(eocd + 56 + 20 + 22);
  out.set(zip.subarray(0, eocd));
  out.set(record, eocd);
  out.set(locator, eocd + 56);
  out.set(end, eocd + 76);
  return out;
}
