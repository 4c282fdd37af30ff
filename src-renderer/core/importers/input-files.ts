import type { ImportInput } from './byte-source';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ImportWarning } from './imported-records';
import { parseJsonLines, parseJsonText } from './json-input';
import { checkLimit, DEFAULT_LIMITS, type ImportLimits } from './limits';
import { decodeUtf8, invalidUtf8Warning, refuseBinary } from './text-decode';

const DEFAULT_SNIFF_LIMITS: ImportLimits = { ...DEFAULT_LIMITS, maxEntryBytes: 64 * 1024 * 1024 };

/** One file of an input, whether the input was a single file or a folder/archive. */
export interface InputFile {
  /** Entry path inside a folder, or the file name for a single file. */
  readonly label: string;
  readonly size: number;
  /** Where errors about this file point. */
  readonly where: ImportErrorLocation;
  /** The first `length` bytes, for sniffing; never throws for short files. */
  head(length: number): Promise<Uint8Array>;
  /** All bytes, capped by maxEntryBytes. */
  read(limits: ImportLimits): Promise<Uint8Array>;
  /**
   * Bytes `offset…offset+length`, for readers that stream a file of any size. A file on disk reads
   * just that range; an archive entry has no random access and is read whole (under the one-file
   * cap) the first time, then sliced.
   */
  range(offset: number, length: number): Promise<Uint8Array>;
}

/** The files of an input, in folder order; a single file is a list of one. */
export function inputFiles(input: ImportInput): InputFile[] {
  if (input.kind === 'file') {
    const source = input.source;
    const where: ImportErrorLocation = { file: source.name };
    return [
      {
        label: source.name,
        size: source.size,
        where,
        head: (length) => source.read(0, Math.min(length, source.size)),
        read: async (limits) => {
          checkLimit(limits, 'maxEntryBytes', source.size, where);
          return source.read(0, source.size);
        },
        range: (offset, length) => source.read(offset, length),
      },
    ];
  }
  const folder = input.folder;
  return folder.entries.map((entry) => {
    const where: ImportErrorLocation = { file: folder.name, entry: entry.path };
    // An archive entry streamed: inflated once (its reader enforces the caps), then sliced.
    let whole: Promise<Uint8Array> | null = null;
    return {
      label: entry.path,
      size: entry.size,
      where,
      // A file on disk or an archive entry is sniffed from its first bytes only.
      head: async (length) => {
        if (entry.readRange) return entry.readRange(0, Math.min(length, entry.size));
        if (entry.readPrefix) return entry.readPrefix(length);
        // Sniffing must not pull a huge archive entry into memory just to look at its start.
        checkLimit(DEFAULT_SNIFF_LIMITS, 'maxEntryBytes', entry.size, where);
        return (await entry.read()).subarray(0, length);
      },
      read: async (limits) => {
        const bytes = await entry.read();
        checkLimit(limits, 'maxEntryBytes', bytes.length, where);
        return bytes;
      },
      range: entry.readRange ? entry.readRange.bind(entry) : async (offset, length) => (await (whole ??= entry.read())).subarray(offset, offset + length),
    };
  });
}

export interface TextFile {
  text: string;
  warnings: ImportWarning[];
}

/** Reads a file as UTF-8 text, reporting replaced bytes as a warning; binary files are refused. */
export async function readTextFile(file: InputFile, limits: ImportLimits): Promise<TextFile> {
  const bytes = await file.read(limits);
  refuseBinary(bytes, file.where);
  const decoded = decodeUtf8(bytes);
  const warning = invalidUtf8Warning(decoded, file.where.entry ?? file.label);
  return { text: decoded.text, warnings: warning ? [warning] : [] };
}

/** Reads and parses a JSON file under the depth cap. */
export async function readJsonFile(file: InputFile, limits: ImportLimits): Promise<{ value: unknown; warnings: ImportWarning[] }> {
  const { text, warnings } = await readTextFile(file, limits);
  return { value: parseJsonText(text, file.where, limits), warnings };
}

/** The first bytes of the input's first file decoded as text (lenient), for detect(). */
export async function sniffText(file: InputFile, length = 64 * 1024): Promise<string> {
  return decodeUtf8(await file.head(length)).text;
}

/**
 * Reads a JSON document, or newline-delimited JSON (what request bins and log shippers save) as
 * the list of its lines' values. Text that is neither fails with the JSON document's error.
 */
export async function readJsonOrJsonLines(file: InputFile, limits: ImportLimits): Promise<{ value: unknown; warnings: ImportWarning[] }> {
  const { text, warnings } = await readTextFile(file, limits);
  try {
    return { value: parseJsonText(text, file.where, limits), warnings };
  } catch (error) {
    if (!(error instanceof ImportError) || error.code !== 'INVALID_JSON' || !looksLikeJsonLines(text)) throw error;
    return { value: parseJsonLines(text, file.where, limits).map((line) => line.value), warnings };
  }
}

function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 1 && lines.every((line) => line.trimStart().startsWith('{'));
}
