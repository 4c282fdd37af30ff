import { IPC_CHUNK_BYTES } from '../../src-main/preload/ipc-channels';

export { IPC_CHUNK_BYTES };

/** Reads bytes [offset, offset + length) of the picked file `handle`; length is at most one chunk. */
export type ReadRange = (handle: string, offset: number, length: number) => Promise<Uint8Array>;

/**
 * What identifies a desktop-picked file (or a slice of one) in a message: plain data, so it can
 * be posted to the import worker, which reads through the window that holds the bridge.
 */
export interface DesktopFileRef {
  handle: string;
  name: string;
  lastModified: number;
  start: number;
  end: number;
}

/** WebIDL [Clamp]: to the nearest integer, halves to even. */
function roundHalfEven(value: number): number {
  const rounded = Math.round(value);
  return Math.abs(value % 1) === 0.5 ? 2 * Math.round(value / 2) : rounded;
}

/** Blob.slice's index rules: negative counts from the end, clamped to [0, size]. */
function clampIndex(index: number | undefined, size: number, fallback: number): number {
  if (index === undefined) return fallback;
  const whole = roundHalfEven(index);
  const value = whole < 0 ? size + whole : whole;
  return Math.min(Math.max(value, 0), size);
}

/**
 * A file picked in the desktop Open dialog, read lazily by byte range through the main process:
 * the same subset of the File API the importers, hashing and the text readers use (name, size,
 * slice, arrayBuffer, text, stream), so a multi-gigabyte export costs no more memory than the
 * ranges actually read. Bytes arrive at most IPC_CHUNK_BYTES per message.
 */
export class DesktopFile {
  // Deliberately not a Blob (no `type`, no `bytes`): the type checker then refuses it where an
  // API needs a real Blob (FileReader, structured clone), and `asFile` makes one.
  private readonly start: number;
  private readonly end: number;

  constructor(
    private readonly ref: Omit<DesktopFileRef, 'start' | 'end'> & { size: number },
    private readonly readRange: ReadRange,
    start = 0,
    end = ref.size,
  ) {
    this.start = start;
    this.end = end;
  }

  /** Rebuilds a file from its message form, reading through `readRange`. */
  static fromRef(ref: DesktopFileRef, readRange: ReadRange): DesktopFile {
    return new DesktopFile({ handle: ref.handle, name: ref.name, lastModified: ref.lastModified, size: ref.end }, readRange, ref.start, ref.end);
  }

  get name(): string {
    return this.ref.name;
  }

  get lastModified(): number {
    return this.ref.lastModified;
  }

  get size(): number {
    return this.end - this.start;
  }

  /** The raw reader (absolute offsets, one chunk at most), to answer another context's reads. */
  rangeReader(): ReadRange {
    return this.readRange;
  }

  toRef(): DesktopFileRef {
    return { handle: this.ref.handle, name: this.ref.name, lastModified: this.ref.lastModified, start: this.start, end: this.end };
  }

  slice(start?: number, end?: number): DesktopFile {
    const from = clampIndex(start, this.size, 0);
    const to = Math.max(from, clampIndex(end, this.size, this.size));
    return new DesktopFile(this.ref, this.readRange, this.start + from, this.start + to);
  }

  /** Bytes [offset, offset + length) relative to this slice, in as many chunks as needed. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const from = Math.min(offset, this.size);
    const to = Math.min(this.size, offset + length);
    const out = new Uint8Array(Math.max(0, to - from));
    for (let done = 0; done < out.length; ) {
      const piece = await this.readRange(this.ref.handle, this.start + from + done, Math.min(IPC_CHUNK_BYTES, out.length - done));
      if (piece.length === 0) throw new Error(`${this.name} ended early.`);
      out.set(piece, done);
      done += piece.length;
    }
    return out;
  }

  async readAll(): Promise<Uint8Array> {
    return this.read(0, this.size);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.readAll();
    return bytes.buffer.byteLength === bytes.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
  }

  /** UTF-8 with replacement characters, as Blob.text(). */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.readAll());
  }

  stream(): ReadableStream<Uint8Array> {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (offset >= this.size) {
          controller.close();
          return;
        }
        const piece = await this.read(offset, IPC_CHUNK_BYTES);
        offset += piece.length;
        controller.enqueue(piece);
      },
    });
  }

  /**
   * A real File with the same bytes, for APIs that need one (FileReader, dexie-export-import).
   * Copied chunk by chunk: each chunk becomes a Blob part the browser keeps (and pages to disk
   * when large), so the page's memory holds one chunk at a time whatever the file's size.
   */
  async toFile(onProgress?: (fraction: number) => void): Promise<File> {
    const parts: Blob[] = [];
    for (let offset = 0; offset < this.size; offset += IPC_CHUNK_BYTES) {
      parts.push(new Blob([(await this.read(offset, IPC_CHUNK_BYTES)) as BlobPart]));
      onProgress?.(Math.min(1, (offset + IPC_CHUNK_BYTES) / this.size));
    }
    return new File(parts, this.name, { lastModified: this.lastModified });
  }
}

/** A picked file: a browser File, or a desktop-picked one read lazily. */
export type PickedBlob = File | DesktopFile;

/** A File for APIs that need the real thing; a browser File passes through unchanged. */
export function asFile(file: PickedBlob, onProgress?: (fraction: number) => void): Promise<File> {
  return file instanceof DesktopFile ? file.toFile(onProgress) : Promise.resolve(file);
}
