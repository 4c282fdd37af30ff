import { ImportError, type ImportErrorLocation } from './import-error';
import type { ImportWarning } from './imported-records';

export interface InvalidUtf8 {
  /** Replacement characters the decoder produced. */
  count: number;
  /** Byte offset of the first invalid sequence. */
  firstOffset: number;
  /** 1-based line of the first invalid sequence. */
  firstLine: number;
}

export interface DecodedText {
  text: string;
  /** Null when the bytes were valid UTF-8. */
  invalid: InvalidUtf8 | null;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Decodes UTF-8, strips a BOM and replaces invalid sequences with U+FFFD, reporting where. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes), invalid: null };
  } catch {
    return { text: lenient.decode(bytes), invalid: findInvalidUtf8(bytes) };
  }
}

/** The warning shown to the user for replaced bytes, or null when there were none. */
export function invalidUtf8Warning(decoded: DecodedText, entry?: string): ImportWarning | null {
  const invalid = decoded.invalid;
  if (!invalid) return null;
  const warning: ImportWarning = {
    message: `${invalid.count} invalid UTF-8 sequence${invalid.count === 1 ? '' : 's'} replaced with \uFFFD (first at byte ${invalid.firstOffset}, line ${invalid.firstLine})`,
    line: invalid.firstLine,
  };
  if (entry !== undefined) warning.entry = entry;
  return warning;
}

/**
 * Counts replacement characters exactly as the WHATWG decoder emits them (one per maximal
 * invalid subpart), so the count matches the U+FFFD the user will see.
 */
function findInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | null {
  let count = 0;
  let firstOffset = -1;
  let i = 0;
  const fail = (at: number) => {
    count++;
    if (firstOffset < 0) firstOffset = at;
  };
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) needed = 1;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      needed = 2;
      if (b0 === 0xe0) lower = 0xa0;
      if (b0 === 0xed) upper = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      needed = 3;
      if (b0 === 0xf0) lower = 0x90;
      if (b0 === 0xf4) upper = 0x8f;
    } else {
      fail(i);
      i++;
      continue;
    }
    let j = 1;
    for (; j <= needed; j++) {
      const b = bytes[i + j];
      if (b === undefined || b < lower || b > upper) break;
      lower = 0x80;
      upper = 0xbf;
    }
    if (j <= needed) {
      fail(i);
      i += j;
    } else {
      i += needed + 1;
    }
  }
  if (count === 0) return null;
  let firstLine = 1;
  for (let k = 0; k < firstOffset; k++) if (bytes[k] === 0x0a) firstLine++;
  return { count, firstOffset, firstLine };
}

const ZIP_MAGIC = [0x50, 0x4b];
const BINARY_SNIFF_BYTES = 8 * 1024;

/**
 * Refuses bytes that are not text before a text format reads them, so a ZIP or a binary file
 * forced into the CSV or JSON importer is named for what it is instead of showing its raw bytes.
 */
export function refuseBinary(bytes: Uint8Array, where: ImportErrorLocation): void {
  if (bytes[0] === ZIP_MAGIC[0] && bytes[1] === ZIP_MAGIC[1] && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) {
    throw new ImportError('NOT_TEXT', 'this is a ZIP archive, not a text file: choose the format of what is inside it (e.g. Slack export)', where);
  }
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0) throw new ImportError('NOT_TEXT', 'this is a binary file, not text', where);
  }
}
