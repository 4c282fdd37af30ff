import type { ByteSource, FolderEntry, ImportInput, VirtualFolder } from '@core/importers/byte-source';
import type { PickedBlob } from '@platform/desktop-file';

/**
 * One file the user handed over, with its path relative to the picked or dropped folder. A
 * browser File, or on the desktop a file read lazily through the main process.
 */
export interface PickedFile {
  file: PickedBlob;
  path: string;
}

/**
 * One input of an import: a single file, or a folder of files. Posted to the import worker in
 * its wire form (wire-input.ts): browser Files as they are, desktop files as references.
 */
export interface PickedInput {
  id: string;
  name: string;
  kind: 'file' | 'folder';
  files: PickedFile[];
  /** Sum of the file sizes. */
  size: number;
}

/** Random access to a File through Blob.slice: nothing is read until an importer asks. */
export function blobByteSource(blob: PickedBlob, name: string): ByteSource {
  return {
    name,
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** The ImportInput an importer reads for a picked input. */
export function toImportInput(input: PickedInput): ImportInput {
  const [first] = input.files;
  if (input.kind === 'file' && first) return { kind: 'file', source: blobByteSource(first.file, input.name) };
  const prefix = `${input.name}/`;
  const entries: FolderEntry[] = input.files.map(({ file, path }) => ({
    // Paths are relative to the folder itself, as an unpacked export's layout expects.
    path: path.startsWith(prefix) ? path.slice(prefix.length) : path,
    size: file.size,
    read: async () => new Uint8Array(await file.arrayBuffer()),
    readRange: async (offset: number, length: number) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  }));
  const folder: VirtualFolder = { name: input.name, entries };
  return { kind: 'folder', folder };
}

let nextId = 0;

/**
 * Groups picked files into inputs: files from one top-level folder form one folder input, loose
 * files are one input each. One input becomes one source record.
 */
export function groupPickedFiles(files: readonly PickedFile[]): PickedInput[] {
  const inputs: PickedInput[] = [];
  const folders = new Map<string, PickedInput>();
  for (const picked of files) {
    const slash = picked.path.indexOf('/');
    if (slash <= 0) {
      inputs.push({ id: `input-${++nextId}`, name: picked.file.name, kind: 'file', files: [picked], size: picked.file.size });
      continue;
    }
    const name = picked.path.slice(0, slash);
    let folder = folders.get(name);
    if (!folder) {
      folder = { id: `input-${++nextId}`, name, kind: 'folder', files: [], size: 0 };
      folders.set(name, folder);
      inputs.push(folder);
    }
    folder.files.push(picked);
    folder.size += picked.file.size;
  }
  return inputs;
}
