/**
 * Random-access bytes of one input file. The renderer wraps a File/Blob (slice), tests wrap a
 * Uint8Array; core never sees a DOM type. Random access lets the ZIP reader read the central
 * directory of a large export without loading or decompressing the whole archive.
 */
export interface ByteSource {
  /** File name as the user picked it (used in messages). */
  readonly name: string;
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** One file inside a folder or an archive, read lazily. */
export interface FolderEntry {
  /** Path relative to the folder/archive root, '/'-separated. Opaque label: never used to touch a disk. */
  readonly path: string;
  /** Uncompressed size as declared (may lie; readers count while reading). */
  readonly size: number;
  read(): Promise<Uint8Array>;
  /**
   * Bytes `offset…offset+length` without reading the rest: only entries that are files on disk
   * (a picked folder) have it; archive entries are inflated whole, under the one-file cap.
   */
  readRange?(offset: number, length: number): Promise<Uint8Array>;
  /** The first `length` bytes (or fewer) without decompressing the rest: archive entries have it. */
  readPrefix?(length: number): Promise<Uint8Array>;
}

/** A picked folder or an opened archive: the same shape, so importers need not care which. */
export interface VirtualFolder {
  /** Name of the folder or archive file, for messages. */
  readonly name: string;
  readonly entries: readonly FolderEntry[];
}

/** What the user handed to the import: a single file, or a folder of files. */
export type ImportInput =
  | { kind: 'file'; source: ByteSource }
  | { kind: 'folder'; folder: VirtualFolder };

export function bytesSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}
