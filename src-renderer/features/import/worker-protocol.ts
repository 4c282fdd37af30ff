import type { CsvColumnMapping, CsvSeparator, CsvTimelinePreview } from '@core/importers/csv-timeline';
import type { ImportErrorCode, ImportErrorLocation } from '@core/importers/import-error';
import { ImportError } from '@core/importers/import-error';
import type { ImportPreview } from '@core/importers/importer';
import type { ParseResult } from '@core/importers/imported-records';
import type { DateOrder } from '@core/importers/timestamps';
import type { SlackExportPreview } from '@core/importers/slack/slack-export';
import type { SourceFormat } from '@core/model/source';
import type { WireInput } from './wire-input';

/** Everything a user can choose in the preview; each importer reads the fields it knows. */
export interface ImportChoices {
  timeZone?: string;
  /** Slack: conversation ids to import. */
  conversations?: string[];
  /** Slack: UTC ms, inclusive. */
  window?: { from?: number; to?: number };
  /** Chat logs without dates and call transcripts: the incident's start, UTC ms. */
  startAt?: number;
  /** CSV. */
  mapping?: Partial<CsvColumnMapping>;
  separator?: CsvSeparator;
  /** CSV: how numeric dates (13/06/2024) are read; detected when unset. */
  dateOrder?: DateOrder;
}

export type AnyPreview = ImportPreview | SlackExportPreview | CsvTimelinePreview;

export interface FormatScore {
  id: SourceFormat;
  label: string;
  confidence: number;
}

export type WorkerRequest =
  | { type: 'analyse'; requestId: number; input: WireInput; choices: ImportChoices }
  | { type: 'preview'; requestId: number; input: WireInput; format: SourceFormat; choices: ImportChoices }
  | { type: 'count'; requestId: number; input: WireInput; folders: string[]; window?: { from?: number; to?: number } }
  | { type: 'import'; requestId: number; incidentId: string; input: WireInput; format: SourceFormat; choices: ImportChoices }
  | { type: 'cancel'; requestId: number };

/**
 * The worker cannot reach the desktop bridge: it asks the window for byte ranges of
 * desktop-picked files (`read`), the window answers (`bytes`).
 */
export interface ByteReadRequest {
  type: 'read';
  readId: number;
  handle: string;
  offset: number;
  length: number;
}
export type ByteReadAnswer = { type: 'bytes'; readId: number; bytes: Uint8Array } | { type: 'bytes'; readId: number; error: string };

export interface ImportPhaseProgress {
  /** `waiting`: another import into the same incident (maybe in another window) runs first. */
  phase: 'hashing' | 'reading' | 'waiting' | 'writing' | 'committing';
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  events: number;
  /** While saving: how many events the parse produced. */
  eventsTotal?: number;
}

export interface ImportSummary {
  /** Null when nothing was kept: these exact bytes were imported before and added nothing new. */
  sourceId: string | null;
  fileName: string;
  format: SourceFormat;
  sha256: string;
  added: number;
  duplicates: number;
  skipped: ParseResult['skipped'];
  warnings: string[];
  /** When the same bytes were committed to this incident before. */
  earlierImportAt: number | null;
}

export interface SerializedError {
  code: ImportErrorCode | 'INTERNAL';
  message: string;
  location: ImportErrorLocation | null;
}

export type WorkerResponse =
  | { type: 'analysed'; requestId: number; format: SourceFormat | null; scores: FormatScore[]; preview: AnyPreview | null; error: SerializedError | null }
  | { type: 'preview'; requestId: number; preview: AnyPreview }
  | { type: 'count'; requestId: number; folder: string; count: number | null }
  | { type: 'progress'; requestId: number; progress: ImportPhaseProgress }
  | { type: 'done'; requestId: number; summary?: ImportSummary }
  | { type: 'error'; requestId: number; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ImportError) return { code: error.code, message: error.message, location: { ...error.location } };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), location: null };
}

/** One line for the UI naming the file, entry, line and field when known. */
export function describeError(error: SerializedError): string {
  if (error.location && error.code !== 'INTERNAL') return new ImportError(error.code, error.message, error.location).describe();
  return error.message;
}
