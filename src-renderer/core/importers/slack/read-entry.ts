import type { FolderEntry, VirtualFolder } from '../byte-source';
import { ImportError, type ImportErrorLocation } from '../import-error';
import type { ImportWarning } from '../imported-records';
import { parseJsonText } from '../json-input';
import { ByteBudget, checkLimit, type ImportLimits } from '../limits';
import { decodeUtf8, invalidUtf8Warning } from '../text-decode';

/** What every read of an export needs: its name for messages, the caps, and where warnings go. */
export interface EntryContext {
  /** The export's name (zip file or folder). */
  file: string;
  limits: ImportLimits;
  warnings: ImportWarning[];
  /** Caps the bytes read across the whole export (a picked folder has no archive reader doing it). */
  budget?: EntryBudget;
}

export interface EntryBudget {
  account(entry: FolderEntry, bytes: number, location: ImportErrorLocation): void;
}

/** A ByteBudget over one folder's entries; also enforces the entry-count cap up front. */
export function folderBudget(folder: VirtualFolder, limits: ImportLimits): EntryBudget {
  checkLimit(limits, 'maxEntries', folder.entries.length, { file: folder.name });
  const budget = new ByteBudget(limits);
  const indexOf = new Map<FolderEntry, number>(folder.entries.map((entry, index) => [entry, index]));
  return { account: (entry, bytes, location) => budget.account(indexOf.get(entry) ?? -1, bytes, location) };
}

/**
 * Reads, decodes (invalid UTF-8 becomes U+FFFD with a warning naming the entry) and parses one JSON entry.
 * `isCancelled` is asked again once the bytes are in: a cancel that arrived while they were read
 * (the worker's only wait) stops before the decode and parse, the costly part of a large entry.
 */
export async function readJsonEntry(entry: FolderEntry, context: EntryContext, isCancelled?: () => boolean): Promise<unknown> {
  const location = { file: context.file, entry: entry.path };
  let bytes: Uint8Array;
  try {
    bytes = await entry.read();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('TRUNCATED_ARCHIVE', `could not be read: ${String(error)}`, location, { cause: error });
  }
  if (isCancelled?.()) throw new ImportError('CANCELLED', 'the import was cancelled', { file: context.file });
  checkLimit(context.limits, 'maxEntryBytes', bytes.length, location);
  context.budget?.account(entry, bytes.length, location);
  const decoded = decodeUtf8(bytes);
  const warning = invalidUtf8Warning(decoded, entry.path);
  if (warning) context.warnings.push(warning);
  return parseJsonText(decoded.text, location, context.limits);
}
