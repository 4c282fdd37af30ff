import { formatBytes } from './human-units';
import { ImportError, type ImportErrorLocation } from './import-error';

/**
 * Caps that protect the app from hostile or broken inputs (zip bombs, absurd nesting). Every cap
 * is checked against what was actually read or produced, never against sizes a header declares.
 */
export interface ImportLimits {
  /** Uncompressed bytes of one archive entry or one picked file. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries of one archive or folder together. */
  maxTotalBytes: number;
  /** Entries in one archive or folder. */
  maxEntries: number;
  /** Nesting of JSON arrays/objects. */
  maxJsonDepth: number;
  /** UTF-16 length of one message text. */
  maxTextLength: number;
  /** Bytes of one record (a message) of a file read as a stream, which has no one-file cap. */
  maxRecordBytes: number;
}

export type LimitName = keyof ImportLimits;

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  // No real day file, log or CSV is near this; it bounds what one zip-bomb entry can inflate to
  // (inflation stops at the first chunk over it), keeping the worker far below 256 MB.
  maxEntryBytes: 64 * MIB,
  maxTotalBytes: 4 * 1024 * MIB,
  maxEntries: 200_000,
  maxJsonDepth: 64,
  maxTextLength: 1 * MIB,
  // A Discord message is at most 4,000 characters plus embeds: a few KB. One record is all a
  // streamed file ever holds in memory at once, so this bounds what a hostile one can make us buffer.
  maxRecordBytes: 16 * MIB,
});

/** Each cap in the user's words and units: "exceeds the limit of 200,000 files". */
const LIMIT_MESSAGE: Record<LimitName, (max: number) => string> = {
  maxEntryBytes: (max) => `exceeds the limit of ${formatBytes(max)} for one file`,
  maxTotalBytes: (max) => `exceeds the limit of ${formatBytes(max)} for all files together`,
  maxEntries: (max) => `exceeds the limit of ${max.toLocaleString('en-US')} files`,
  maxJsonDepth: (max) => `JSON nested deeper than the limit of ${max.toLocaleString('en-US')} levels`,
  maxTextLength: (max) => `holds a message longer than the limit of ${max.toLocaleString('en-US')} characters`,
  maxRecordBytes: (max) => `holds a record larger than the limit of ${formatBytes(max)}`,
};

/** Fills unset caps with the defaults; ignores caps that are not positive numbers. */
export function resolveLimits(overrides?: Partial<ImportLimits>): ImportLimits {
  const limits: ImportLimits = { ...DEFAULT_LIMITS };
  if (!overrides) return limits;
  for (const key of Object.keys(DEFAULT_LIMITS) as LimitName[]) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = value;
  }
  return limits;
}

/** The error for a broken cap; its message names the cap and its configured value. */
export function limitExceeded(limit: LimitName, max: number, location: ImportErrorLocation): ImportError {
  return new ImportError('LIMIT_EXCEEDED', LIMIT_MESSAGE[limit](max), location);
}

/** Throws LIMIT_EXCEEDED when `value` is above the cap. */
export function checkLimit(limits: ImportLimits, limit: LimitName, value: number, location: ImportErrorLocation): void {
  if (value > limits[limit]) throw limitExceeded(limit, limits[limit], location);
}

/** Throws LIMIT_EXCEEDED when one message text is too long. */
export function checkTextLength(limits: ImportLimits, text: string, location: ImportErrorLocation): void {
  checkLimit(limits, 'maxTextLength', text.length, location);
}

/**
 * Counts uncompressed bytes across the entries of one archive or folder. Bytes of an entry that
 * is read again (detect, then parse) are only counted once: the total bounds work per input,
 * not how often an importer looks at the same entry.
 */
export class ByteBudget {
  private total = 0;
  private readonly countedPerEntry = new Map<number, number>();

  constructor(private readonly limits: ImportLimits) {}

  /** Records that entry `index` has produced `bytesSoFar` bytes; throws when a cap is broken. */
  account(index: number, bytesSoFar: number, location: ImportErrorLocation): void {
    checkLimit(this.limits, 'maxEntryBytes', bytesSoFar, location);
    const counted = this.countedPerEntry.get(index) ?? 0;
    if (bytesSoFar <= counted) return;
    this.total += bytesSoFar - counted;
    this.countedPerEntry.set(index, bytesSoFar);
    checkLimit(this.limits, 'maxTotalBytes', this.total, location);
  }

  get totalBytes(): number {
    return this.total;
  }
}
