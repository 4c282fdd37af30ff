import type { PickedFile } from './picked-input';

/**
 * Files of a drop, folders walked recursively through `webkitGetAsEntry()` (the only way a web
 * page can read a dropped folder). Paths keep the dropped folder's name as their first segment
 * so `groupPickedFiles` turns each dropped folder into one input.
 */
export async function filesFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  // Entries must be taken synchronously: the DataTransfer is emptied once the event returns.
  const entries = Array.from(data.items, (item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null));
  const loose = Array.from(data.files);
  if (entries.every((entry) => entry === null)) return loose.map((file) => ({ file, path: file.name }));
  const files: PickedFile[] = [];
  for (const entry of entries) if (entry) await walk(entry, '', files);
  return files;
}

async function walk(entry: FileSystemEntry, parent: string, out: PickedFile[]): Promise<void> {
  const path = parent ? `${parent}/${entry.name}` : entry.name;
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    out.push({ file, path });
    return;
  }
  if (!isDirectory(entry)) return;
  const reader = entry.createReader();
  // readEntries returns at most ~100 entries per call; keep reading until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, path, out);
  }
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}
