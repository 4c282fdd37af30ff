import { Inflate } from 'fflate';
import type { ByteSource, FolderEntry, VirtualFolder } from './byte-source';
import { decodeCp437 } from './cp437';
import { ImportError, type ImportErrorLocation } from './import-error';
import { ByteBudget, checkLimit, resolveLimits, type ImportLimits } from './limits';

/** One archive member. `path` is an opaque label: `..`, `/abs`, `a\b` and `__proto__` are kept verbatim. */
export interface ZipEntry extends FolderEntry {
  /** 0 stored, 8 deflate; other methods fail on read with UNSUPPORTED_COMPRESSION. */
  readonly method: number;
  readonly compressedSize: number;
  /** Declared uncompressed size (same as `size`); untrusted, the read counts real bytes. */
  readonly size: number;
}

export interface ZipFolder extends VirtualFolder {
  readonly entries: readonly ZipEntry[];
}

export interface OpenZipOptions {
  limits?: Partial<ImportLimits>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
/**
 * Compressed bytes fed to the inflater at a time. DEFLATE expands at most MAX_DEFLATE_RATIO, so one push
 * yields at most ~4 MiB before the caps are checked again; fflate grows its output buffer by
 * doubling within a push, so a push costs a few times its output in short-lived buffers. 16 KiB
 * pushes (up to 16 MiB out, ~80 MiB of buffers) made a zip bomb's peak depend on GC timing; 4 KiB
 * costs ~10% inflate speed on a real export.
 */
const INFLATE_CHUNK = 4 * 1024;
/** DEFLATE's largest expansion: 258 bytes from one ~2-bit code, about 1032:1. */
const MAX_DEFLATE_RATIO = 1032;
/** Bytes read from the source at a time. */
const READ_CHUNK = 1024 * 1024;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** True when the first bytes are a ZIP local header or an empty archive's EOCD. */
export function looksLikeZip(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const sig = readU32(head, 0);
  return sig === SIG_LOCAL || sig === SIG_EOCD;
}

/**
 * Opens a ZIP by reading only the End Of Central Directory and the central directory; entry
 * data is read and inflated when an entry's `read()` is called.
 */
export async function openZip(source: ByteSource, options: OpenZipOptions = {}): Promise<ZipFolder> {
  const limits = resolveLimits(options.limits);
  const where: ImportErrorLocation = { file: source.name };
  const head = await readExactly(source, 0, Math.min(4, source.size), where);
  const startsLikeZip = looksLikeZip(head);
  if (source.size < EOCD_SIZE) {
    throw startsLikeZip
      ? new ImportError('TRUNCATED_ARCHIVE', 'the archive is cut short: it has no end-of-archive record', where)
      : new ImportError('NOT_A_ZIP', 'not a ZIP archive', where);
  }

  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await readExactly(source, tailStart, tailLength, where);
  const eocdInTail = findEocd(tail);
  if (eocdInTail < 0) {
    throw startsLikeZip
      ? new ImportError('TRUNCATED_ARCHIVE', 'the archive is cut short: its end-of-archive record is missing', where)
      : new ImportError('NOT_A_ZIP', 'not a ZIP archive', where);
  }
  const eocdOffset = tailStart + eocdInTail;
  let entryCount = readU16(tail, eocdInTail + 10);
  let cdSize = readU32(tail, eocdInTail + 12);
  let cdOffset = readU32(tail, eocdInTail + 16);

  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const zip64 = await readZip64Eocd(source, eocdOffset, where);
    if (zip64) ({ entryCount, cdSize, cdOffset } = zip64);
  }

  checkLimit(limits, 'maxEntries', entryCount, where);
  if (cdOffset + cdSize > eocdOffset) {
    throw new ImportError('TRUNCATED_ARCHIVE', 'the archive is damaged: its file list points past the end', where);
  }
  const directory = await readExactly(source, cdOffset, cdSize, where);
  const budget = new ByteBudget(limits);
  const entries = parseCentralDirectory(directory, entryCount, source, limits, budget, where);
  return { name: source.name, entries };
}

function findEocd(tail: Uint8Array): number {
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (readU32(tail, i) !== SIG_EOCD) continue;
    // The comment must end exactly at the end of the file, else this is a stray signature.
    const commentLength = readU16(tail, i + 20);
    if (i + EOCD_SIZE + commentLength === tail.length) return i;
  }
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (readU32(tail, i) === SIG_EOCD) return i;
  }
  return -1;
}

async function readZip64Eocd(
  source: ByteSource,
  eocdOffset: number,
  where: ImportErrorLocation,
): Promise<{ entryCount: number; cdSize: number; cdOffset: number } | null> {
  if (eocdOffset < 20) return null;
  const locator = await readExactly(source, eocdOffset - 20, 20, where);
  if (readU32(locator, 0) !== SIG_ZIP64_LOCATOR) return null;
  const recordOffset = readU64(locator, 8);
  if (recordOffset + 56 > eocdOffset) {
    throw new ImportError('TRUNCATED_ARCHIVE', 'the archive is damaged: its ZIP64 record points past the end', where);
  }
  const record = await readExactly(source, recordOffset, 56, where);
  if (readU32(record, 0) !== SIG_ZIP64_EOCD) {
    throw new ImportError('TRUNCATED_ARCHIVE', 'the archive is damaged: its ZIP64 record is missing', where);
  }
  return { entryCount: readU64(record, 32), cdSize: readU64(record, 40), cdOffset: readU64(record, 48) };
}

function parseCentralDirectory(
  directory: Uint8Array,
  declaredCount: number,
  source: ByteSource,
  limits: ImportLimits,
  budget: ByteBudget,
  where: ImportErrorLocation,
): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let pos = 0;
  let seen = 0;
  for (;;) {
    const headerHere = pos + 46 <= directory.length && readU32(directory, pos) === SIG_CENTRAL;
    if (seen >= declaredCount) {
      // Writers without ZIP64 (fflate, some tools) store the entry count in 16 bits, so 199,999
      // entries say 3,391: further headers in the directory are entries too, never dropped.
      if (!headerHere) break;
    } else if (!headerHere) {
      throw new ImportError('TRUNCATED_ARCHIVE', `the archive's file list ends after ${seen} of ${declaredCount} entries`, where);
    }
    seen++;
    checkLimit(limits, 'maxEntries', seen, where);
    const flags = readU16(directory, pos + 8);
    const method = readU16(directory, pos + 10);
    let compressedSize = readU32(directory, pos + 20);
    let size = readU32(directory, pos + 24);
    const nameLength = readU16(directory, pos + 28);
    const extraLength = readU16(directory, pos + 30);
    const commentLength = readU16(directory, pos + 32);
    let localOffset = readU32(directory, pos + 42);
    const nameStart = pos + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directory.length) {
      throw new ImportError('TRUNCATED_ARCHIVE', `the archive's file list is cut short at entry ${seen}`, where);
    }
    const path = decodeName(directory.subarray(nameStart, extraStart), (flags & FLAG_UTF8) !== 0);
    const zip64 = readZip64Extra(directory.subarray(extraStart, extraStart + extraLength), {
      size: size === 0xffffffff,
      compressedSize: compressedSize === 0xffffffff,
      localOffset: localOffset === 0xffffffff,
    });
    size = zip64.size ?? size;
    compressedSize = zip64.compressedSize ?? compressedSize;
    localOffset = zip64.localOffset ?? localOffset;
    pos = next;
    // Directories carry no data; folders are implied by the '/'-separated entry paths.
    if (path.endsWith('/') && size === 0) continue;
    const index = entries.length;
    const entryWhere: ImportErrorLocation = { ...where, entry: path };
    const layout: EntryLayout = { flags, method, compressedSize, size, localOffset, index };
    entries.push({
      path,
      size,
      method,
      compressedSize,
      read: () => readEntry(source, layout, limits, budget, entryWhere, Infinity),
      readPrefix: (length) => readEntry(source, layout, limits, budget, entryWhere, length),
    });
  }
  return entries;
}

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return utf8Lenient.decode(bytes);
  // Slack and many tools write UTF-8 names without setting the flag; valid UTF-8 is far more
  // likely to be meant as UTF-8 than as cp437 box-drawing characters.
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return decodeCp437(bytes);
  }
}

function readZip64Extra(
  extra: Uint8Array,
  wanted: { size: boolean; compressedSize: boolean; localOffset: boolean },
): { size?: number; compressedSize?: number; localOffset?: number } {
  let pos = 0;
  while (pos + 4 <= extra.length) {
    const id = readU16(extra, pos);
    const length = readU16(extra, pos + 2);
    const body = extra.subarray(pos + 4, Math.min(extra.length, pos + 4 + length));
    if (id === 0x0001) {
      const out: { size?: number; compressedSize?: number; localOffset?: number } = {};
      let at = 0;
      // The ZIP64 extra holds only the fields whose 32-bit value is saturated, in this order.
      for (const field of ['size', 'compressedSize', 'localOffset'] as const) {
        if (!wanted[field]) continue;
        if (at + 8 > body.length) break;
        out[field] = readU64(body, at);
        at += 8;
      }
      return out;
    }
    pos += 4 + length;
  }
  return {};
}

interface EntryLayout {
  flags: number;
  method: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  localOffset: number;
  index: number;
}

/** Reads the entry's bytes, or only its first `prefix` bytes (inflation stops there). */
async function readEntry(
  source: ByteSource,
  layout: EntryLayout,
  limits: ImportLimits,
  budget: ByteBudget,
  where: ImportErrorLocation,
  prefix: number,
): Promise<Uint8Array> {
  if (layout.flags & FLAG_ENCRYPTED) {
    throw new ImportError('UNSUPPORTED_COMPRESSION', 'the entry is encrypted', where);
  }
  if (layout.method !== 0 && layout.method !== 8) {
    throw new ImportError('UNSUPPORTED_COMPRESSION', `compression method ${layout.method} is not supported (only stored and deflate)`, where);
  }
  // A whole entry that says it is over the one-file cap is refused before a byte is inflated (a
  // zip bomb that tells the truth costs nothing); one that lies is stopped while inflating.
  if (prefix >= layout.size) checkLimit(limits, 'maxEntryBytes', layout.size, where);
  if (layout.localOffset + 30 > source.size) {
    throw new ImportError('TRUNCATED_ARCHIVE', 'the entry lies past the end of the archive', where);
  }
  const header = await readExactly(source, layout.localOffset, 30, where);
  if (readU32(header, 0) !== SIG_LOCAL) {
    throw new ImportError('TRUNCATED_ARCHIVE', 'the entry header is damaged', where);
  }
  const dataStart = layout.localOffset + 30 + readU16(header, 26) + readU16(header, 28);
  if (dataStart + layout.compressedSize > source.size) {
    throw new ImportError('TRUNCATED_ARCHIVE', 'the entry is cut short', where);
  }
  if (layout.method === 0) {
    const length = Math.min(prefix, layout.compressedSize);
    budget.account(layout.index, length, where);
    return readExactly(source, dataStart, length, where);
  }
  return inflateEntry(source, dataStart, layout, budget, where, prefix);
}

async function inflateEntry(
  source: ByteSource,
  dataStart: number,
  layout: EntryLayout,
  budget: ByteBudget,
  where: ImportErrorLocation,
  prefix: number,
): Promise<Uint8Array> {
  // DEFLATE cannot expand more than ~1032:1, so a declared size beyond that is a lie not worth allocating for.
  const output = new InflatedBytes(Math.min(layout.size, prefix, layout.compressedSize * MAX_DEFLATE_RATIO + 1024));
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    // Throwing here aborts inside push(), before the next input chunk is expanded.
    budget.account(layout.index, output.length + chunk.length, where);
    output.add(chunk);
    if (final) ended = true;
  });
  const end = dataStart + layout.compressedSize;
  // The first bytes rarely need more compressed bytes than their own count.
  const readChunk = Math.min(READ_CHUNK, Math.max(INFLATE_CHUNK, prefix));
  try {
    for (let offset = dataStart; offset < end && !ended && output.length < prefix; offset += readChunk) {
      const block = await readExactly(source, offset, Math.min(readChunk, end - offset), where);
      for (let at = 0; at < block.length && !ended && output.length < prefix; at += INFLATE_CHUNK) {
        const isLast = offset + at + INFLATE_CHUNK >= end;
        inflater.push(block.subarray(at, at + INFLATE_CHUNK), isLast);
      }
    }
    if (output.length >= prefix) return output.bytes().subarray(0, prefix);
    if (!ended) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('TRUNCATED_ARCHIVE', 'the entry is damaged or cut short and cannot be decompressed', where, { cause: error });
  }
  if (!ended) throw new ImportError('TRUNCATED_ARCHIVE', 'the entry is cut short', where);
  return output.bytes();
}

/**
 * An entry's inflated bytes, written into one buffer of the declared size as they come, so an
 * honest entry is held once (never as chunks plus their concatenation). Bytes past the declared
 * size (a header that lies) are kept as chunks; the byte budget stops them at the one-file cap.
 */
class InflatedBytes {
  private readonly buffer: Uint8Array;
  private filled = 0;
  private readonly overflow: Uint8Array[] = [];
  length = 0;

  constructor(declared: number) {
    this.buffer = new Uint8Array(declared);
  }

  add(chunk: Uint8Array): void {
    const room = this.buffer.length - this.filled;
    this.buffer.set(chunk.subarray(0, room), this.filled);
    this.filled += Math.min(room, chunk.length);
    if (chunk.length > room) this.overflow.push(chunk.subarray(room));
    this.length += chunk.length;
  }

  bytes(): Uint8Array {
    // A header that overstates the size must not keep its whole allocation alive.
    if (this.overflow.length === 0) return this.filled === this.buffer.length ? this.buffer : this.buffer.slice(0, this.filled);
    const out = new Uint8Array(this.length);
    out.set(this.buffer);
    let at = this.buffer.length;
    for (const chunk of this.overflow) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

async function readExactly(source: ByteSource, offset: number, length: number, where: ImportErrorLocation): Promise<Uint8Array> {
  const bytes = await source.read(offset, length);
  if (bytes.length < length) {
    throw new ImportError('TRUNCATED_ARCHIVE', `the archive is cut short (wanted ${length} bytes at offset ${offset})`, where);
  }
  return bytes.length === length ? bytes : bytes.subarray(0, length);
}

function readU16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function readU32(bytes: Uint8Array, at: number): number {
  return (readU16(bytes, at) | (readU16(bytes, at + 2) << 16)) >>> 0;
}

function readU64(bytes: Uint8Array, at: number): number {
  // Offsets beyond 2^53 cannot address a real file; they come out as huge numbers and fail bounds checks.
  return readU32(bytes, at) + readU32(bytes, at + 4) * 0x100000000;
}
