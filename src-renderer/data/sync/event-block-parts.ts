import { ByteReader, ByteWriter, CorruptBlockError } from '@core/events/byte-codec';
import { EVENT_PART_BYTES } from '@protocol/message-limits';

/** One stored block of imported events as a teammate needs it: the block, its raw records and its keys. */
export interface SharedBlock {
  count: number;
  firstAt: number;
  lastAt: number;
  data: Uint8Array;
  terms: Uint8Array;
  keys: Uint8Array;
  raw: string;
}

const MAGIC = 0x42535244; // 'DRSB'
const VERSION = 1;

/**
 * A block as the bytes of one binary value, cut into parts of at most EVENT_PART_BYTES. A
 * Y.Map holds a Uint8Array as binary content that Yjs copies as it is; the same bytes inside
 * an object would be "any" content, which Yjs deep-freezes in development mode and then fails
 * on ("Cannot freeze array buffer views with elements"), on the server as in the app.
 */
export function encodeBlockParts(block: SharedBlock): Uint8Array[] {
  const writer = new ByteWriter();
  writer.u32(MAGIC);
  writer.u32(VERSION);
  writer.typed(new Float64Array([block.count, block.firstAt, block.lastAt]));
  writer.typed(block.data);
  writer.typed(block.terms);
  writer.typed(block.keys);
  writer.strings([block.raw]);
  const bytes = writer.finish();
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength; at += EVENT_PART_BYTES) parts.push(bytes.slice(at, at + EVENT_PART_BYTES));
  return parts;
}

/** The block from all its parts, in order; CorruptBlockError when they do not make one. */
export function decodeBlockParts(parts: readonly Uint8Array[]): SharedBlock {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  const reader = new ByteReader(bytes);
  if (reader.u32() !== MAGIC) throw new CorruptBlockError('a shared block does not start like one');
  const version = reader.u32();
  if (version !== VERSION) throw new CorruptBlockError(`a shared block has format ${version}; this version of Debrief reads ${VERSION}`);
  const header = reader.f64();
  if (header.length !== 3) throw new CorruptBlockError('a shared block has a bad header');
  const [count, firstAt, lastAt] = header;
  // Copies: a view would keep (and IndexedDB would store) the whole buffer behind it.
  const data = reader.u8s().slice();
  const terms = reader.u8s().slice();
  const keys = reader.u8s().slice();
  const raw = reader.strings();
  if (raw.length !== 1) throw new CorruptBlockError('a shared block does not add up');
  return { count, firstAt, lastAt, data, terms, keys, raw: raw.get(0) };
}
