/**
 * The few binary building blocks the event blocks are made of: 32-bit words, typed-array
 * sections aligned to 8 bytes (so a reader can view them in place, without copying), string
 * columns (all strings of a column as one UTF-8 run plus UTF-16 offsets, decoded with one
 * TextDecoder call and sliced lazily) and dictionary columns (repeated values such as channels
 * and authors stored once).
 */

import { CodedError } from '../errors/coded-error';

/** A stored event block that cannot be decoded (damaged or cut short on disk). */
export class CorruptBlockError extends CodedError<'CORRUPT_BLOCK'> {
  override readonly name = 'CorruptBlockError';
  constructor(message: string) {
    super('CORRUPT_BLOCK', `Stored events are unreadable: ${message}.`);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const pad8 = (n: number) => (n + 7) & ~7;

export class ByteWriter {
  private readonly parts: Uint8Array[] = [];
  private length = 0;

  private push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.byteLength;
    const padding = pad8(this.length) - this.length;
    if (padding) {
      this.parts.push(new Uint8Array(padding));
      this.length += padding;
    }
  }

  /** One 32-bit word (written as an 8-byte aligned section so later views stay aligned). */
  u32(value: number): void {
    this.push(new Uint8Array(new Uint32Array([value]).buffer));
  }

  typed(array: Float64Array | Uint32Array | Uint16Array | Uint8Array): void {
    this.u32(array.byteLength);
    this.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }

  /** All strings as one UTF-8 run; offsets count UTF-16 units so slices need no re-decoding. */
  strings(values: readonly string[]): void {
    const offsets = new Uint32Array(values.length + 1);
    let total = 0;
    for (let i = 0; i < values.length; i++) {
      total += values[i].length;
      offsets[i + 1] = total;
    }
    this.u32(values.length);
    this.typed(offsets);
    this.typed(encoder.encode(values.join('')));
  }

  /** Values (null allowed) as a dictionary of distinct strings and one small index per value. */
  dictionary(values: readonly (string | null)[]): void {
    const entries: string[] = [];
    const slot = new Map<string, number>();
    const max = values.length;
    const indexes = new Uint32Array(max);
    for (let i = 0; i < max; i++) {
      const value = values[i];
      if (value === null) continue; // 0 is null
      let index = slot.get(value);
      if (index === undefined) {
        entries.push(value);
        slot.set(value, (index = entries.length));
      }
      indexes[i] = index;
    }
    this.strings(entries);
    const width = entries.length < 0xff ? 1 : entries.length < 0xffff ? 2 : 4;
    this.u32(width);
    this.typed(width === 1 ? Uint8Array.from(indexes) : width === 2 ? Uint16Array.from(indexes) : indexes);
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    return out;
  }
}

/** A decoded string column: one string and offsets; `get` slices on demand. */
export class StringColumn {
  constructor(
    readonly text: string,
    readonly offsets: Uint32Array,
  ) {}

  get length(): number {
    return this.offsets.length - 1;
  }

  get(index: number): string {
    return this.text.slice(this.offsets[index], this.offsets[index + 1]);
  }
}

/** A decoded dictionary column: `entries[indexes[i]]`, with index 0 meaning null. */
export class DictionaryColumn {
  constructor(
    readonly entries: readonly (string | null)[],
    readonly indexes: Uint8Array | Uint16Array | Uint32Array,
  ) {}

  get(index: number): string | null {
    return this.entries[this.indexes[index]] ?? null;
  }
}

export class ByteReader {
  private at = 0;
  private readonly view: DataView;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    // Typed views need their alignment; a stored value usually starts at offset 0 anyway.
    this.bytes = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  private take(length: number): number {
    const start = this.at;
    if (start + length > this.bytes.byteLength) throw new CorruptBlockError('the data ends early');
    this.at = pad8(start + length);
    return this.bytes.byteOffset + start;
  }

  u32(): number {
    const start = this.take(4) - this.bytes.byteOffset;
    return this.view.getUint32(start, true);
  }

  private section(size: number): { offset: number; count: number } {
    const length = this.u32();
    if (length % size !== 0) throw new CorruptBlockError('a column has a bad length');
    return { offset: this.take(length), count: length / size };
  }

  f64(): Float64Array {
    const { offset, count } = this.section(8);
    return new Float64Array(this.bytes.buffer, offset, count);
  }

  u32s(): Uint32Array {
    const { offset, count } = this.section(4);
    return new Uint32Array(this.bytes.buffer, offset, count);
  }

  u16s(): Uint16Array {
    const { offset, count } = this.section(2);
    return new Uint16Array(this.bytes.buffer, offset, count);
  }

  u8s(): Uint8Array {
    const { offset, count } = this.section(1);
    return new Uint8Array(this.bytes.buffer, offset, count);
  }

  strings(): StringColumn {
    const count = this.u32();
    const offsets = this.u32s();
    const utf8 = this.u8s();
    const text = decoder.decode(utf8);
    if (offsets.length !== count + 1 || text.length !== offsets[count]) throw new CorruptBlockError('a text column does not add up');
    return new StringColumn(text, offsets);
  }

  dictionary(expected: number): DictionaryColumn {
    const column = this.strings();
    const entries: (string | null)[] = [null];
    for (let i = 0; i < column.length; i++) entries.push(column.get(i));
    const width = this.u32();
    const indexes = width === 1 ? this.u8s() : width === 2 ? this.u16s() : width === 4 ? this.u32s() : null;
    if (indexes === null || indexes.length !== expected) throw new CorruptBlockError('a dictionary column does not add up');
    for (let i = 0; i < indexes.length; i++) if (indexes[i] >= entries.length) throw new CorruptBlockError('a dictionary column points outside itself');
    return new DictionaryColumn(entries, indexes);
  }
}
