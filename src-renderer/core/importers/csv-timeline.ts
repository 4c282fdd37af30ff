import Papa from 'papaparse';
import { EVENT_KINDS, type EventKind } from '../model/event';
import type { ImportInput } from './byte-source';
import { links, ResultCollector, webLink } from './event-builder';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ImportedEvent, ImportWarning, ParseResult } from './imported-records';
import { checkpoint, type AbortFlag, type BaseImportOptions, type ImportHooks, type Importer, type ImportPreview } from './importer';
import { inputFiles, readTextFile, sniffText, type InputFile } from './input-files';
import { resolveLimits, type ImportLimits } from './limits';
import { stableHash, stableStringify } from './stable-hash';
import { impliedDateOrder, isNaiveTimestamp, numericDateParts, parseTimestamp, tryParseTimestamp, type DateOrder } from './timestamps';

export const CSV_FIELDS = ['time', 'actor', 'message', 'source', 'kind', 'url', 'id'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
/** Which header feeds each event field; null when no column does. */
export type CsvColumnMapping = Record<CsvField, string | null>;

export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

export interface CsvTimelineOptions extends BaseImportOptions {
  /** Overrides the guessed mapping field by field; a null removes a guess. */
  mapping?: Partial<CsvColumnMapping>;
  /** Auto-detected when unset. */
  separator?: CsvSeparator;
  /** How numeric dates (13/06/2024) are read; detected from the time column when unset. */
  dateOrder?: DateOrder;
}

/** What the time column says about numeric dates such as 12/05/2020. */
export interface CsvDateOrder {
  /** No time is written as a numeric date: the order does not matter. */
  numeric: boolean;
  /** The order a row settles (a first number above 12 means day first), null when none does. */
  detected: DateOrder | null;
  /** What parse uses: the chosen order, else the detected one. */
  used: DateOrder | null;
}

export interface CsvTimelinePreview extends ImportPreview {
  headers: string[];
  /** The guessed mapping with the options' overrides applied: what parse would use. */
  mapping: CsvColumnMapping;
  separator: CsvSeparator;
  /** The first data rows, cells as written. */
  rows: string[][];
  dates: CsvDateOrder;
  /** What would make the import fail (a row that cannot be read, dates whose order is unknown); Import stays disabled while there are any. */
  errors: ImportWarning[];
}

const PREVIEW_ROWS = 10;

/** Header spellings per field, compared after lower-casing and dropping everything but letters and digits. */
const HEADER_GUESSES: Record<CsvField, string[]> = {
  time: ['timestamp', 'time', 'datetime', 'date', 'when', 'at', 'createdat', 'occurredat', 'eventtime', 'timeutc', 'ts'],
  actor: ['actor', 'user', 'author', 'who', 'person', 'owner', 'username', 'name', 'by'],
  message: ['message', 'text', 'description', 'summary', 'event', 'details', 'note', 'body', 'title', 'comment'],
  source: ['source', 'system', 'tool', 'origin', 'channel'],
  kind: ['kind', 'eventtype', 'type', 'category'],
  url: ['url', 'link', 'href', 'permalink'],
  id: ['id', 'eventid', 'uuid', 'key', 'externalid'],
};

const KIND_SYNONYMS: Record<string, EventKind> = {
  deployment: 'deploy',
  release: 'deploy',
  rollback: 'deploy',
  alarm: 'alert',
  firing: 'alert',
  trigger: 'page',
  paged: 'page',
  escalate: 'page',
  acknowledge: 'page',
  ack: 'page',
  resolve: 'page',
  annotation: 'note',
  comment: 'note',
  status: 'status-update',
  statusupdate: 'status-update',
  update: 'status-update',
  chat: 'message',
  slack: 'message',
};

function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Guesses which header feeds each field; each header is used at most once, earlier spellings win. */
export function guessCsvMapping(headers: readonly string[]): CsvColumnMapping {
  const mapping: CsvColumnMapping = { time: null, actor: null, message: null, source: null, kind: null, url: null, id: null };
  const used = new Set<string>();
  const normalised = headers.map(normaliseHeader);
  for (const field of CSV_FIELDS) {
    for (const guess of HEADER_GUESSES[field]) {
      const index = normalised.findIndex((header, i) => header === guess && !used.has(headers[i] ?? ''));
      const header = headers[index];
      if (index >= 0 && header !== undefined) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

export function csvKind(value: string): EventKind {
  const key = value.trim().toLowerCase();
  if ((EVENT_KINDS as readonly string[]).includes(key)) return key as EventKind;
  const normalised = key.replace(/[^a-z]/g, '');
  return Object.hasOwn(KIND_SYNONYMS, normalised) ? (KIND_SYNONYMS[normalised] ?? 'note') : 'note';
}

interface CsvRow {
  cells: string[];
  /** 1-based physical line where the row starts (multi-line cells span more). */
  line: number;
}

interface CsvTable {
  headers: string[];
  headerLine: number;
  rows: CsvRow[];
  separator: CsvSeparator;
  emptyRows: number;
}

interface TableReading {
  maxRows?: number;
  /** Given (parse), the tokenizer pauses every `yieldEvery` rows so a Cancel is taken mid-file. */
  signal?: AbortFlag;
  yieldEvery?: number;
}

/** Rows between pauses while a parse tokenizes: ~10 ms of work, so Cancel gets in at once. */
const ROWS_PER_YIELD = 10_000;
/**
 * PapaParse reads a string in slices of this size. A pause re-slices only the current slice (a
 * whole-text pause copies the rest of the text each time: 10 s instead of 1 s for 60 MB).
 */
const CHUNK_CHARS = 1024 * 1024;

/**
 * Parses CSV text keeping each row's physical starting line, which is what users see in an editor:
 * a row spans one line plus the line breaks inside its cells. With a signal, PapaParse is paused
 * every few thousand rows and resumed after `checkpoint`: a 64 MB file tokenizes for about a
 * second, too long to leave Cancel waiting.
 */
function readTable(text: string, where: ImportErrorLocation, separator: CsvSeparator | undefined, reading: TableReading = {}): Promise<CsvTable> {
  const { maxRows = Infinity, signal, yieldEvery = ROWS_PER_YIELD } = reading;
  const rows: CsvRow[] = [];
  let headers: string[] | null = null;
  let headerLine = 1;
  let detected: CsvSeparator = separator ?? ',';
  let line = 1;
  let emptyRows = 0;
  // Empty rows count once a row with content follows: the newline that ends the file is not one.
  let pendingEmpty = 0;
  let sinceYield = 0;
  let failure: ImportError | null = null;

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (failure) reject(failure);
      else if (!headers) reject(new ImportError('EMPTY', 'the file has no header row', where));
      else resolve({ headers, headerLine, rows, separator: detected, emptyRows });
    };
    Papa.parse<string[]>(text, {
      delimiter: separator ?? '',
      delimitersToGuess: [...CSV_SEPARATORS],
      skipEmptyLines: false,
      chunkSize: CHUNK_CHARS,
      complete: finish,
      step: (result, handle) => {
        const lineBreak = result.meta.linebreak === '\r' ? '\r' : '\n';
        const startLine = line;
        const cells = result.data;
        line++;
        for (const cell of cells) for (let i = cell.indexOf(lineBreak); i >= 0; i = cell.indexOf(lineBreak, i + 1)) line++;
        if (CSV_SEPARATORS.includes(result.meta.delimiter as CsvSeparator)) detected = result.meta.delimiter as CsvSeparator;
        const error = result.errors.find((candidate) => candidate.type !== 'Delimiter');
        if (error) {
          failure = new ImportError('BAD_CSV', `${error.message.replace(/\.$/, '')} (row starting on this line)`, { ...where, line: startLine });
          handle.abort();
          return;
        }
        if (cells.every((cell) => cell.trim() === '')) {
          if (headers) pendingEmpty++;
        } else if (!headers) {
          headers = cells.map((cell) => cell.trim());
          headerLine = startLine;
        } else {
          emptyRows += pendingEmpty;
          pendingEmpty = 0;
          rows.push({ cells, line: startLine });
          if (rows.length >= maxRows) {
            handle.abort();
            return;
          }
        }
        if (signal && ++sinceYield >= yieldEvery) {
          sinceYield = 0;
          handle.pause();
          checkpoint(signal, where).then(
            () => handle.resume(),
            (cancelled: unknown) => {
              failure = cancelled instanceof ImportError ? cancelled : new ImportError('CANCELLED', 'the import was cancelled', where);
              finish();
            },
          );
        }
      },
    });
  });
}

function resolveMapping(headers: string[], overrides: Partial<CsvColumnMapping> | undefined): CsvColumnMapping {
  const mapping = guessCsvMapping(headers);
  for (const field of CSV_FIELDS) {
    if (overrides && Object.hasOwn(overrides, field)) mapping[field] = overrides[field] ?? null;
  }
  return mapping;
}

function columnIndexes(headers: string[], mapping: CsvColumnMapping, where: ImportErrorLocation): Record<CsvField, number> {
  const indexes = {} as Record<CsvField, number>;
  for (const field of CSV_FIELDS) {
    const header = mapping[field];
    const index = header === null ? -1 : headers.indexOf(header);
    if (header !== null && index < 0) {
      throw new ImportError('BAD_CSV', `the column "${header}" chosen for ${field} is not in the header`, { ...where, field: header });
    }
    indexes[field] = index;
  }
  if (indexes.time < 0) {
    throw new ImportError('BAD_CSV', 'no column holds the time of each row; choose the time column', { ...where, field: 'time' });
  }
  return indexes;
}

interface RowContext {
  table: CsvTable;
  mapping: CsvColumnMapping;
  indexes: Record<CsvField, number>;
  where: ImportErrorLocation;
  timeZone: string | undefined;
  dateOrder: DateOrder | undefined;
  collector: ResultCollector;
}

function addRow(row: CsvRow, context: RowContext): void {
  const { indexes, mapping, where, collector } = context;
  const cell = (field: CsvField) => (indexes[field] >= 0 ? (row.cells[indexes[field]] ?? '') : '');
  const rowWhere = { ...where, line: row.line };
  const time = parseTimestamp(cell('time').trim(), { ...rowWhere, field: mapping.time ?? 'time' }, {
    ...(context.timeZone ? { timeZone: context.timeZone } : {}),
    ...(context.dateOrder ? { dateOrder: context.dateOrder } : {}),
  });
  const record: Record<string, string> = {};
  context.table.headers.forEach((header, i) => {
    // defineProperty: a column named '__proto__' stays a column instead of changing the prototype.
    if (!Object.hasOwn(record, header)) Object.defineProperty(record, header, { value: row.cells[i] ?? '', enumerable: true, writable: true, configurable: true });
  });
  const id = cell('id').trim();
  const actor = cell('actor').trim();
  const kindCell = cell('kind');
  const content = { time: cell('time'), actor, message: cell('message'), source: cell('source'), kind: kindCell, url: cell('url') };
  collector.addEvent(
    {
      kind: kindCell.trim() ? csvKind(kindCell) : 'note',
      // Without an id column the row's content is its identity, so re-importing an edited file
      // keeps unchanged rows.
      originalId: id || stableHash(stableStringify(content)),
      at: time.at,
      originalTime: time.original,
      text: cell('message'),
      actorExternalId: actor || null,
      actorName: actor,
      channel: cell('source').trim(),
      links: links(webLink(cell('url'), 'Link')),
      raw: record,
    },
    rowWhere,
  );
  if (actor) collector.addActor(actor, actor);
}

interface DateOrderScan extends CsvDateOrder {
  /** Why parse cannot go on without a choice: names the line and column; null when it can. */
  problem: ImportError | null;
}

/**
 * Reads the whole time column for numeric dates: a first number above 12 settles day first, a
 * second one above 12 month first. Rows that settle both ways, or none while some dates read
 * differently each way (05/06/2024), need the user's choice; the problem names the line.
 */
function scanDateOrder(table: CsvTable, timeIndex: number, field: string, where: ImportErrorLocation, chosen: DateOrder | undefined): DateOrderScan {
  let numeric = false;
  let ambiguous: CsvRow | null = null;
  const settled: Partial<Record<DateOrder, CsvRow>> = {};
  for (const row of table.rows) {
    const parts = numericDateParts(row.cells[timeIndex] ?? '');
    if (!parts) continue;
    numeric = true;
    const order = impliedDateOrder(parts);
    if (order) settled[order] ??= row;
    else if (parts.first !== parts.second) ambiguous ??= row;
    if (settled['day-first'] && settled['month-first']) break;
  }
  const dayFirst = settled['day-first'];
  const monthFirst = settled['month-first'];
  const detected = dayFirst && !monthFirst ? 'day-first' : monthFirst && !dayFirst ? 'month-first' : null;
  const used = chosen ?? detected;
  let problem: ImportError | null = null;
  if (!chosen && dayFirst && monthFirst) {
    const value = (row: CsvRow) => (row.cells[timeIndex] ?? '').trim();
    problem = new ImportError(
      'BAD_DATE',
      `the "${field}" column mixes date formats: line ${dayFirst.line} has "${value(dayFirst)}" (day first) and line ${monthFirst.line} has "${value(monthFirst)}" (month first)`,
      { ...where, line: monthFirst.line, field },
    );
  } else if (!used && ambiguous) {
    const value = (ambiguous.cells[timeIndex] ?? '').trim();
    const parts = numericDateParts(value);
    const reading = parts ? ` (${parts.first} ${MONTHS[parts.second - 1] ?? '?'} or ${MONTHS[parts.first - 1] ?? '?'} ${parts.second})` : '';
    problem = new ImportError('BAD_DATE', `"${value}" can be read day first or month first${reading} and no row settles it: choose the date format`, {
      ...where,
      line: ambiguous.line,
      field,
    });
  }
  return { numeric, detected, used: problem && !chosen ? null : used, problem };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function naiveWarning(table: CsvTable, indexes: Record<CsvField, number>, timeZone: string | undefined): ImportWarning | null {
  const naive = table.rows.filter((row) => isNaiveTimestamp((row.cells[indexes.time] ?? '').trim())).length;
  if (naive === 0) return null;
  return { message: `${naive} ${naive === 1 ? 'row gives' : 'rows give'} a time without a zone; read as ${timeZone ?? 'UTC'}` };
}

async function loadTable(file: InputFile, options: CsvTimelineOptions, limits: ImportLimits, reading: TableReading = {}) {
  const { text, warnings } = await readTextFile(file, limits);
  if (text.trim() === '') throw new ImportError('EMPTY', 'the file is empty', file.where);
  return { table: await readTable(text, file.where, options.separator, reading), warnings };
}

function singleFile(input: ImportInput): InputFile {
  const files = inputFiles(input);
  const [file] = files;
  if (files.length !== 1 || !file) {
    throw new ImportError('BAD_CSV', 'a CSV timeline is one file, not a folder', { file: input.kind === 'file' ? input.source.name : input.folder.name });
  }
  return file;
}

async function parseCsv(input: ImportInput, options: CsvTimelineOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const file = singleFile(input);
  const { table, warnings } = await loadTable(file, options, limits, { signal: hooks.signal });
  if (table.rows.length === 0) throw new ImportError('EMPTY', 'the file has a header but no rows', { ...file.where, line: table.headerLine });
  const mapping = resolveMapping(table.headers, options.mapping);
  const indexes = columnIndexes(table.headers, mapping, file.where);
  const dates = scanDateOrder(table, indexes.time, mapping.time ?? 'time', file.where, options.dateOrder);
  if (dates.problem) throw dates.problem;
  const collector = new ResultCollector('csv-timeline', limits);
  warnings.forEach((warning) => collector.warn(warning));
  const context: RowContext = { table, mapping, indexes, where: file.where, timeZone: options.timeZone, dateOrder: dates.used ?? undefined, collector };
  for (const [i, row] of table.rows.entries()) {
    if (i % 1000 === 0) {
      await checkpoint(hooks.signal, file.where);
      hooks.onProgress?.({ filesDone: 0, filesTotal: 1, bytesDone: 0, bytesTotal: file.size, events: collector.eventCount });
    }
    addRow(row, context);
  }
  const naive = naiveWarning(table, indexes, options.timeZone);
  if (naive) collector.warn(naive);
  if (table.emptyRows > 0) collector.skip('empty row', table.emptyRows);
  hooks.onProgress?.({ filesDone: 1, filesTotal: 1, bytesDone: file.size, bytesTotal: file.size, events: collector.eventCount });
  return collector.result();
}

/**
 * Shows headers, the mapping parse would use, the separator and the first rows. Unlike parse it
 * does not fail on a missing time column or a bad row: the user fixes those from this preview.
 */
async function previewCsv(input: ImportInput, options: CsvTimelineOptions): Promise<CsvTimelinePreview> {
  const limits = resolveLimits(options.limits);
  const file = singleFile(input);
  const { table, warnings } = await loadTable(file, options, limits);
  const mapping = resolveMapping(table.headers, options.mapping);
  const collector = new ResultCollector('csv-timeline', limits);
  const previewWarnings: ImportWarning[] = [...warnings];
  const errors: ImportWarning[] = [];
  let sample: ImportedEvent[] = [];
  let dates: CsvDateOrder = { numeric: false, detected: null, used: options.dateOrder ?? null };
  try {
    const indexes = columnIndexes(table.headers, mapping, file.where);
    const scan = scanDateOrder(table, indexes.time, mapping.time ?? 'time', file.where, options.dateOrder);
    dates = { numeric: scan.numeric, detected: scan.detected, used: scan.used };
    if (scan.problem) errors.push({ message: scan.problem.describe(), line: scan.problem.location.line });
    const context: RowContext = { table, mapping, indexes, where: file.where, timeZone: options.timeZone, dateOrder: scan.used ?? undefined, collector };
    for (const row of table.rows.slice(0, PREVIEW_ROWS)) {
      try {
        addRow(row, context);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        // While the order is unknown every ambiguous row fails alike: the one problem above says it.
        if (!scan.problem) errors.push({ message: error.describe(), line: row.line });
      }
    }
    sample = collector.result().events;
    const naive = naiveWarning(table, indexes, options.timeZone);
    if (naive) previewWarnings.push(naive);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    previewWarnings.push({ message: error.message });
  }
  return {
    format: 'csv-timeline',
    headers: table.headers,
    mapping,
    separator: table.separator,
    rows: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells),
    sample,
    eventCount: table.rows.length,
    warnings: previewWarnings,
    dates,
    errors,
  };
}

async function detectCsv(input: ImportInput): Promise<number> {
  const files = inputFiles(input);
  if (files.length !== 1 || !files[0]) return 0;
  try {
    const head = await sniffText(files[0]);
    const trimmed = head.trimStart();
    if (trimmed === '' || trimmed.startsWith('{') || trimmed.startsWith('[') || head.includes('\u0000')) return 0;
    // The sniffed head may end mid-row; only whole lines are judged.
    const complete = files[0].size > head.length ? head.slice(0, Math.max(head.lastIndexOf('\n'), 0)) : head;
    const table = await readTable(complete, files[0].where, undefined, { maxRows: 5 });
    if (table.headers.length < 2) return 0;
    const mapping = guessCsvMapping(table.headers);
    if (mapping.time === null) return 0.1;
    const timeIndex = table.headers.indexOf(mapping.time);
    const first = table.rows[0];
    if (!first) return 0.4;
    const consistent = table.rows.every((row) => row.cells.length === table.headers.length);
    const parses = tryParseTimestamp((first.cells[timeIndex] ?? '').trim()) !== null;
    return parses ? (consistent ? 0.85 : 0.7) : 0.3;
  } catch (error) {
    if (error instanceof ImportError) return 0;
    throw error;
  }
}

export const csvTimelineImporter: Importer<CsvTimelineOptions, CsvTimelinePreview> = {
  id: 'csv-timeline',
  label: 'CSV timeline',
  detect: detectCsv,
  preview: previewCsv,
  parse: parseCsv,
};
