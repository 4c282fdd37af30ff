/**
 * Reads one big JSON object (`{…, "messages": [ … ], …}`) a chunk of bytes at a time: the items of
 * one top-level array are handed over one by one as they complete, the other top-level members
 * are parsed whole. Memory holds one chunk and one item, never the file, so an export of any
 * size is read with a bounded buffer. Each item is still parsed by JSON.parse (through
 * parseJsonText: depth cap, plain errors naming the line); this scanner only finds where items
 * start and end, and refuses structure JSON.parse never sees (what lies between the items).
 */
import { ImportError } from './import-error';
import type { AbortFlag } from './importer';
import { checkpoint } from './importer';
import type { InputFile } from './input-files';
import type { ImportWarning } from './imported-records';
import { parseDepthCheckedJson, parseJsonText } from './json-input';
import { checkLimit, limitExceeded, type ImportLimits } from './limits';
import { decodeUtf8, refuseBinary } from './text-decode';

/** Bytes read from the file per step: large enough to amortise a read, small against the worker's memory. */
export const STREAM_CHUNK_BYTES = 1024 * 1024;

export interface StreamedItem {
  value: unknown;
  /** Position in the array. */
  index: number;
  /** 1-based line the item starts on. */
  line: number;
}

export interface StreamJsonOptions {
  limits: ImportLimits;
  signal?: AbortFlag;
  chunkBytes?: number;
  /** Bytes of the file scanned so far, after each chunk. */
  onBytes?(done: number): void;
  /** The error when the document is not a JSON object at all. */
  notAnObject(): ImportError;
}

export interface StreamedObject {
  /** The top-level members other than the streamed array, in file order. */
  members: Record<string, unknown>;
  /** Whether the streamed array was there. */
  found: boolean;
  items: number;
  warnings: ImportWarning[];
}

type State = 'start' | 'keyOrEnd' | 'key' | 'colon' | 'value' | 'inValue' | 'afterValue' | 'itemOrEnd' | 'inItem' | 'afterItem' | 'done';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** One value being cut out of the byte stream: its parts, size and where its nesting stands. */
class ValueBytes {
  parts: Uint8Array[] = [];
  size = 0;
  depth = 0;
  inString = false;
  escaped = false;
  kind: 'container' | 'string' | 'primitive' = 'primitive';
  line = 1;
  /** Nesting allowed inside this value, so that the document stays within maxJsonDepth. */
  depthCap = 0;

  /** Starts a value at its first byte, which the next feed reads again (it opens the string or container). */
  reset(first: number, line: number, depthCap: number): void {
    this.parts = [];
    this.size = 0;
    this.depth = 0;
    this.kind = first === 0x7b || first === 0x5b ? 'container' : first === QUOTE ? 'string' : 'primitive';
    this.inString = false;
    this.escaped = false;
    this.line = line;
    this.depthCap = depthCap;
  }

  bytes(): Uint8Array {
    if (this.parts.length === 1) return this.parts[0] ?? new Uint8Array(0);
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}

/**
 * Streams `arrayKey`'s items of the JSON object in `file` to `onItem`. Refuses the file at the
 * first byte that breaks JSON, and any single item or member over `maxRecordBytes` before it is
 * buffered whole; the file itself is capped only by `maxTotalBytes`.
 */
export async function streamJsonObject(
  file: InputFile,
  arrayKey: string,
  onItem: (item: StreamedItem, membersSoFar: Readonly<Record<string, unknown>>) => void | Promise<void>,
  options: StreamJsonOptions,
): Promise<StreamedObject> {
  const { limits, signal } = options;
  const where = file.where;
  checkLimit(limits, 'maxTotalBytes', file.size, where);
  const members: Record<string, unknown> = {};
  let found = false;
  let items = 0;
  let invalidCount = 0;
  let firstInvalidLine = 0;
  let state: State = 'start';
  let line = 1;
  let key = '';
  let afterComma = false;
  const value = new ValueBytes();
  const ready: { bytes: Uint8Array; line: number; member: string | null }[] = [];
  // Items sit at depth 2 (object, array), members at depth 1: what nests inside them may go the rest of the way.
  const itemDepthCap = limits.maxJsonDepth - 2;
  const memberDepthCap = limits.maxJsonDepth - 1;

  const fail = (message: string): never => {
    throw new ImportError('INVALID_JSON', `not valid JSON: ${message}`, { ...where, line });
  };
  const unexpected = (byte: number): never => fail(`unexpected ${byte < 0x20 || byte > 0x7e ? 'byte' : `"${String.fromCharCode(byte)}"`} on line ${line}`);
  const startsValue = (byte: number) => byte === 0x7b || byte === 0x5b || byte === QUOTE || byte === 0x2d || (byte >= 0x30 && byte <= 0x39) || byte === 0x74 || byte === 0x66 || byte === 0x6e;

  /** Feeds `chunk[from…]` to the value being cut; returns the index just past its end, or -1 when it goes on. */
  const feedValue = (chunk: Uint8Array, from: number): number => {
    let i = from;
    let end = -1;
    if (value.kind === 'primitive') {
      for (; i < chunk.length; i++) {
        const byte = chunk[i] ?? 0;
        if (isSpace(byte) || byte === 0x2c || byte === 0x7d || byte === 0x5d) {
          end = i;
          break;
        }
      }
    } else {
      // Hot loop (every byte of a 100 MB export passes here): state in locals, string bodies skipped tightly.
      let { depth, inString, escaped } = value;
      const length = chunk.length;
      while (i < length) {
        let byte = chunk[i] ?? 0;
        if (inString) {
          if (escaped) {
            escaped = false;
            i++;
            continue;
          }
          while (byte !== QUOTE && byte !== BACKSLASH && ++i < length) byte = chunk[i] ?? 0;
          if (i >= length) break;
          i++;
          if (byte === BACKSLASH) escaped = true;
          else {
            inString = false;
            if (value.kind === 'string') {
              end = i;
              break;
            }
          }
          continue;
        }
        i++;
        if (byte === QUOTE) inString = true;
        else if (byte === NEWLINE) line++;
        else if (byte === 0x7b || byte === 0x5b) {
          if (++depth > value.depthCap) throw limitExceeded('maxJsonDepth', limits.maxJsonDepth, { ...where, line });
        } else if ((byte === 0x7d || byte === 0x5d) && --depth === 0) {
          end = i;
          break;
        }
      }
      value.depth = depth;
      value.inString = inString;
      value.escaped = escaped;
    }
    const stop = end === -1 ? chunk.length : end;
    value.size += stop - from;
    if (value.size > limits.maxRecordBytes) throw limitExceeded('maxRecordBytes', limits.maxRecordBytes, { ...where, line: value.line });
    if (stop > from) value.parts.push(chunk.subarray(from, stop));
    return end;
  };

  const scan = (chunk: Uint8Array, first: boolean): void => {
    let i = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    while (i < chunk.length) {
      if (state === 'inValue' || state === 'inItem' || state === 'key') {
        const end = feedValue(chunk, i);
        if (end === -1) return;
        i = end;
        const bytes = value.bytes();
        if (state === 'key') {
          key = String(parseJsonText(decodeUtf8(bytes).text, { ...where, line: value.line }, limits));
          state = 'colon';
        } else if (state === 'inItem') {
          ready.push({ bytes, line: value.line, member: null });
          state = 'afterItem';
        } else {
          ready.push({ bytes, line: value.line, member: key });
          state = 'afterValue';
        }
        continue;
      }
      const byte = chunk[i] ?? 0;
      if (isSpace(byte)) {
        if (byte === NEWLINE) line++;
        i++;
        continue;
      }
      switch (state) {
        case 'start':
          if (byte !== 0x7b) throw options.notAnObject();
          state = 'keyOrEnd';
          afterComma = false;
          break;
        case 'keyOrEnd':
          if (byte === QUOTE) {
            value.reset(byte, line, 0);
            state = 'key';
            continue;
          }
          if (byte !== 0x7d || afterComma) unexpected(byte);
          state = 'done';
          break;
        case 'colon':
          if (byte !== 0x3a) unexpected(byte);
          state = 'value';
          break;
        case 'value':
          if (!startsValue(byte)) unexpected(byte);
          if (key === arrayKey && byte === 0x5b) {
            found = true;
            state = 'itemOrEnd';
            afterComma = false;
            break;
          }
          value.reset(byte, line, memberDepthCap);
          state = 'inValue';
          continue;
        case 'afterValue':
          if (byte === 0x2c) {
            state = 'keyOrEnd';
            afterComma = true;
          } else if (byte === 0x7d) state = 'done';
          else unexpected(byte);
          break;
        case 'itemOrEnd':
          if (byte === 0x5d && !afterComma) {
            state = 'afterValue';
            break;
          }
          if (!startsValue(byte)) unexpected(byte);
          value.reset(byte, line, itemDepthCap);
          state = 'inItem';
          continue;
        case 'afterItem':
          if (byte === 0x2c) {
            state = 'itemOrEnd';
            afterComma = true;
          } else if (byte === 0x5d) state = 'afterValue';
          else unexpected(byte);
          break;
        default:
          fail(`unexpected text after the end of the document on line ${line}`);
      }
      i++;
    }
  };

  const chunkBytes = options.chunkBytes ?? STREAM_CHUNK_BYTES;
  let offset = 0;
  while (offset < file.size) {
    const chunk = await file.range(offset, Math.min(chunkBytes, file.size - offset));
    if (chunk.length === 0) break;
    if (offset === 0) refuseBinary(chunk, where);
    scan(chunk, offset === 0);
    offset += chunk.length;
    for (const done of ready) {
      const decoded = decodeUtf8(done.bytes);
      if (decoded.invalid) {
        invalidCount += decoded.invalid.count;
        if (firstInvalidLine === 0) firstInvalidLine = done.line + decoded.invalid.firstLine - 1;
      }
      // The scan above already held each value within its share of maxJsonDepth.
      const parsed = parseDepthCheckedJson(decoded.text, { ...where, line: done.line });
      // defineProperty, not assignment: a member named "__proto__" stays a plain member, as JSON.parse keeps it.
      if (done.member !== null) Object.defineProperty(members, done.member, { value: parsed, enumerable: true, writable: true, configurable: true });
      else {
        await onItem({ value: parsed, index: items, line: done.line }, members);
        items++;
      }
    }
    ready.length = 0;
    options.onBytes?.(offset);
    await checkpoint(signal, where);
  }
  // `scan` moved the state on; TypeScript cannot see that through the closure.
  const final = state as State;
  if (final === 'start') fail('the file is empty');
  if (final !== 'done') throw new ImportError('INVALID_JSON', 'not valid JSON: the file ends before the document does (is it cut short?)', { ...where, line });
  const warnings: ImportWarning[] = [];
  if (invalidCount > 0) {
    const warning: ImportWarning = { message: `${invalidCount} invalid UTF-8 sequence${invalidCount === 1 ? '' : 's'} replaced with \uFFFD (first on line ${firstInvalidLine})`, line: firstInvalidLine };
    if (where.entry !== undefined) warning.entry = where.entry;
    warnings.push(warning);
  }
  return { members, found, items, warnings };
}
