import type { SourceFormat } from '../model/source';
import type { ImportInput } from './byte-source';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ImportedEvent, ImportProgress, ImportWarning, ParseResult } from './imported-records';
import type { ImportLimits } from './limits';
import { nextTask } from '../next-task';

/**
 * Options every importer understands. Per-format options extend this and keep every field
 * optional (defaults applied inside), so a generic caller may pass only these.
 */
export interface BaseImportOptions {
  /** IANA zone for timestamps the source writes without Z or offset; UTC when unset. */
  timeZone?: string;
  limits?: Partial<ImportLimits>;
}

/** What every preview shows; per-format previews extend it (e.g. CSV adds headers and mapping). */
export interface ImportPreview {
  format: SourceFormat;
  /** The first few events exactly as a parse would produce them. */
  sample: ImportedEvent[];
  /** Events a full parse would produce, when known without parsing everything. */
  eventCount: number | null;
  warnings: ImportWarning[];
}

/** The preview of a format read whole anyway: the first events of the parse, and its warnings. */
export async function previewOf(format: SourceFormat, parsing: Promise<ParseResult>): Promise<ImportPreview> {
  const result = await parsing;
  return { format, sample: result.events.slice(0, 10), eventCount: result.events.length, warnings: result.warnings };
}

/** Cooperative cancellation: the UI flips `aborted`; importers check it between records. */
export interface AbortFlag {
  readonly aborted: boolean;
}

export interface ImportHooks {
  onProgress?(progress: ImportProgress): void;
  signal?: AbortFlag;
}

/**
 * One source format. Each format module exports one object of this type; the registry lists
 * them. Methods are declared as methods (not properties) so that an importer with richer
 * options or preview is still assignable to `Importer` in the registry's list.
 */
export interface Importer<O extends BaseImportOptions = BaseImportOptions, P extends ImportPreview = ImportPreview> {
  readonly id: SourceFormat;
  readonly label: string;
  /** Confidence 0..1 that the input is this format, judged from content (never the file name). Never throws. */
  detect(input: ImportInput): Promise<number>;
  preview(input: ImportInput, options: O): Promise<P>;
  /** Throws only ImportError. */
  parse(input: ImportInput, options: O, hooks?: ImportHooks): Promise<ParseResult>;
}

/** Throws CANCELLED once the user has aborted. */
export function throwIfAborted(signal: AbortFlag | undefined, where: ImportErrorLocation): void {
  if (signal?.aborted) throw new ImportError('CANCELLED', 'the import was cancelled', where);
}

/**
 * Between records of a long synchronous loop: lets the worker take the messages waiting for it
 * (Cancel flips `aborted` only when its message is handled, which a loop that never awaits would
 * postpone to its end), then throws CANCELLED once aborted. Without a signal it costs nothing.
 */
export async function checkpoint(signal: AbortFlag | undefined, where: ImportErrorLocation): Promise<void> {
  if (!signal) return;
  await nextTask();
  throwIfAborted(signal, where);
}

/** Name of the input for messages. */
export function inputName(input: ImportInput): string {
  return input.kind === 'file' ? input.source.name : input.folder.name;
}
