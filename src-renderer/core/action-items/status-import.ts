import { parse as parseDate, isValid, format } from 'date-fns';
import Papa from 'papaparse';
import { z } from 'zod';
import type { ActionItem, ActionStatus } from '../model/action-item';
import type { Person } from '../model/person';
import { restoreCsvCell } from './csv-safety';
import { endOfLocalDate, localDateKey } from './due-date';
import { DEBRIEF_UPDATED_COLUMN, idFromDebriefLabel } from './handoff-item';
import { BLOCKED_LABEL } from './linear-csv';
import { isIsoDate } from './sla-policy';
import { StatusImportError, type StatusImportErrorCode } from './status-import-error';
import { statusFromName } from './status-names';

export const STATUS_IMPORT_MAX_CHARS = 5_000_000;
export const STATUS_IMPORT_MAX_ROWS = 20_000;

export interface StatusImportContext {
  items: readonly ActionItem[];
  /** The user's zone: a due date `YYYY-MM-DD` means the end of that local day. */
  timeZone: string;
  /** Owners' person records, so an assignee written as an email matches the same owner. */
  people?: ReadonlyMap<string, Pick<Person, 'displayName' | 'email'>>;
}

export type FieldChange =
  | { field: 'status'; from: ActionStatus; to: ActionStatus }
  | { field: 'owner'; from: string; to: string }
  | { field: 'dueAt'; from: number | null; to: number };

export interface ItemMergePlan {
  itemId: string;
  /** Line the row starts on. */
  line: number;
  /** Safe to apply: the item is unchanged since it was exported. */
  changes: FieldChange[];
  /** The item changed in Debrief after the export: the user decides each of these. */
  conflicts: FieldChange[];
  /** The item's updatedAt written at export, or null when the row does not carry it. */
  exportedUpdatedAt: number | null;
}

export interface StatusImportPlan {
  items: ItemMergePlan[];
  /** Matched items the file leaves as they are. */
  unchanged: string[];
  /** Rows naming no item we have. */
  unknown: { line: number; key: string }[];
  errors: StatusImportError[];
  /**
   * False when the file has no `Debrief Updated` column (a hand-made `id,status,owner,due`
   * CSV): nothing could be checked for conflicts, so the UI must say so before applying.
   */
  conflictCheck: boolean;
}

// Header names are matched case-insensitively; the first listed name found wins.
const COLUMN_NAMES = {
  id: ['debrief id', 'debrief_id', 'item id', 'id'],
  key: ['issue key', 'key', 'identifier', 'tracker url', 'issue url', 'url', 'link', 'tracker'],
  status: ['status', 'state'],
  owner: ['assignee', 'owner'],
  due: ['due date', 'due_date', 'duedate', 'due'],
  baseline: [DEBRIEF_UPDATED_COLUMN.toLowerCase()],
} as const;

type ColumnRole = keyof typeof COLUMN_NAMES;

interface Columns {
  single: Partial<Record<ColumnRole, number>>;
  labels: number[];
  header: string[];
}

function findColumns(header: string[]): Columns {
  const lower = header.map((h) => restoreCsvCell(h).trim().toLowerCase());
  const single: Partial<Record<ColumnRole, number>> = {};
  for (const role of Object.keys(COLUMN_NAMES) as ColumnRole[]) {
    for (const name of COLUMN_NAMES[role]) {
      const index = lower.indexOf(name);
      if (index >= 0 && !Object.values(single).includes(index)) {
        single[role] = index;
        break;
      }
    }
  }
  const labels = lower.flatMap((h, i) => (h === 'labels' || h === 'label' ? [i] : []));
  return { single, labels, header };
}

/** Untrusted cells, validated into what a row means. */
const issue = (ctx: z.RefinementCtx, code: StatusImportErrorCode, message: string, column: string) =>
  ctx.addIssue({ code: 'custom', message, params: { importCode: code }, path: [column] });

function dueKeyFrom(value: string, timeZone: string): string | null {
  if (isIsoDate(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const at = Date.parse(value);
    return Number.isNaN(at) ? null : localDateKey(at, timeZone);
  }
  // Jira's own export writes dates such as "28/Jun/24 12:00 AM".
  for (const pattern of ['dd/MMM/yy h:mm a', 'dd/MMM/yy', 'd/MMM/yy h:mm a', 'd/MMM/yy']) {
    const parsed = parseDate(value, pattern, new Date(2000, 0, 1));
    if (isValid(parsed)) return format(parsed, 'yyyy-MM-dd');
  }
  return null;
}

function rowSchema(timeZone: string) {
  const optionalText = z.string().transform((v) => v.trim() || undefined);
  return z.object({
    id: optionalText,
    key: optionalText,
    labels: z.array(z.string()).transform((cells) => cells.flatMap((c) => c.split(',')).map((l) => l.trim()).filter(Boolean)),
    status: optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined;
      const status = statusFromName(v);
      if (status === null) issue(ctx, 'BAD_STATUS', `"${v}" is not a status Debrief knows`, 'status');
      return status ?? undefined;
    }),
    owner: optionalText,
    due: optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined;
      const key = dueKeyFrom(v, timeZone);
      if (key === null) issue(ctx, 'BAD_DATE', `"${v}" is not a date (write YYYY-MM-DD)`, 'due');
      return key ?? undefined;
    }),
    baseline: optionalText.transform((v, ctx) => {
      if (v === undefined) return null;
      const at = Date.parse(v);
      if (Number.isNaN(at)) issue(ctx, 'BAD_BASELINE', `"${v}" is not the export time Debrief wrote`, 'baseline');
      return Number.isNaN(at) ? null : at;
    }),
  });
}

type ParsedRow = z.output<ReturnType<typeof rowSchema>>;

interface RawRow {
  line: number;
  cells: string[];
}

function readRows(text: string): { header: string[]; rows: RawRow[]; errors: StatusImportError[] } {
  if (text.length > STATUS_IMPORT_MAX_CHARS) {
    throw new StatusImportError('TOO_LARGE', `The file is larger than ${STATUS_IMPORT_MAX_CHARS} characters`);
  }
  const source = text.replace(/^\uFEFF/, '');
  const rows: RawRow[] = [];
  const errors: StatusImportError[] = [];
  let breaksToEnd = 0;
  let previousEnd = 0;
  // Rows are streamed so each knows the line it starts on, even after multi-line cells.
  Papa.parse<string[]>(source, {
    header: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      const breakChar = result.meta.linebreak === '\r' ? '\r' : '\n';
      // meta.cursor is the offset just past the row's line break, so a row starts where the last ended.
      const line = breaksToEnd + 1;
      breaksToEnd += source.slice(previousEnd, result.meta.cursor).split(breakChar).length - 1;
      previousEnd = result.meta.cursor;
      for (const e of result.errors) {
        if (e.code !== 'UndetectableDelimiter') errors.push(new StatusImportError('BAD_CSV', e.message, line));
      }
      const cells = result.data.map((c) => restoreCsvCell(String(c)));
      if (cells.every((c) => c.trim() === '')) return;
      rows.push({ line, cells });
      if (rows.length > STATUS_IMPORT_MAX_ROWS + 1) parser.abort();
    },
  });
  if (rows.length > STATUS_IMPORT_MAX_ROWS + 1) {
    throw new StatusImportError('TOO_LARGE', `The file has more than ${STATUS_IMPORT_MAX_ROWS} rows`);
  }
  const [first, ...rest] = rows;
  if (!first) throw new StatusImportError('EMPTY', 'The file has no header row');
  return { header: first.cells, rows: rest, errors };
}

function trackerKey(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1).toLowerCase();
}

const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

class ItemIndex {
  private readonly byId = new Map<string, ActionItem>();
  private readonly byUrl = new Map<string, ActionItem>();
  private readonly byKey = new Map<string, ActionItem>();

  constructor(items: readonly ActionItem[]) {
    for (const item of items) {
      this.byId.set(item.id, item);
      const url = item.trackerUrl.trim();
      if (!url) continue;
      this.byUrl.set(url.replace(/\/+$/, '').toLowerCase(), item);
      this.byKey.set(trackerKey(url), item);
      // Linear links read /issue/ENG-7/slug, so any segment shaped like an issue key counts too.
      for (const segment of url.split(/[/?#]/)) {
        if (ISSUE_KEY.test(segment)) this.byKey.set(segment.toLowerCase(), item);
      }
    }
  }

  /** Debrief id first (column, then `debrief-<id>` label), then the tracker link or key. */
  find(row: ParsedRow): ActionItem | undefined {
    if (row.id && this.byId.has(row.id)) return this.byId.get(row.id);
    for (const label of row.labels) {
      const id = idFromDebriefLabel(label);
      if (id && this.byId.has(id)) return this.byId.get(id);
    }
    for (const value of [row.key, row.id]) {
      if (!value) continue;
      const found = this.byUrl.get(value.replace(/\/+$/, '').toLowerCase()) ?? this.byKey.get(trackerKey(value));
      if (found) return found;
    }
    return undefined;
  }
}

function ownerNames(item: ActionItem, people: StatusImportContext['people']): string[] {
  const person = item.ownerId === null ? undefined : people?.get(item.ownerId);
  return [item.ownerName, person?.displayName, person?.email ?? undefined]
    .filter((n): n is string => !!n && n.trim() !== '')
    .map((n) => n.trim().toLowerCase());
}

function fieldChanges(item: ActionItem, row: ParsedRow, context: StatusImportContext): FieldChange[] {
  const changes: FieldChange[] = [];
  let status = row.status;
  // Linear has no Blocked state, so our Linear export writes In Progress plus a `blocked` label.
  if (status === 'in-progress' && row.labels.some((l) => l.toLowerCase() === BLOCKED_LABEL)) status = 'blocked';
  if (status !== undefined && status !== item.status) changes.push({ field: 'status', from: item.status, to: status });
  if (row.owner !== undefined && !ownerNames(item, context.people).includes(row.owner.toLowerCase())) {
    const person = item.ownerId === null ? undefined : context.people?.get(item.ownerId);
    changes.push({ field: 'owner', from: person?.email ?? item.ownerName, to: row.owner });
  }
  if (row.due !== undefined) {
    const current = item.dueAt === null ? null : localDateKey(item.dueAt, context.timeZone);
    if (row.due !== current) changes.push({ field: 'dueAt', from: item.dueAt, to: endOfLocalDate(row.due, context.timeZone) });
  }
  return changes;
}

function rowErrors(error: z.ZodError, line: number, columns: Columns, roles: Record<string, number | undefined>): StatusImportError[] {
  return error.issues.map((i) => {
    const role = String(i.path[0] ?? '');
    const params = 'params' in i ? (i.params as { importCode?: StatusImportErrorCode } | undefined) : undefined;
    const index = roles[role];
    return new StatusImportError(params?.importCode ?? 'BAD_CSV', i.message, line, index === undefined ? role : columns.header[index]);
  });
}

/**
 * Reads a CSV of status updates (Debrief's Jira or Linear export edited offline, or a plain
 * `id,status,owner,due` file) and plans, per item, what would change. Nothing is applied here.
 * Empty cells mean "no change". When the row carries the item's updatedAt from export time and
 * the item has changed since, every differing field is a conflict rather than a change: a
 * local edit is never silently overwritten.
 */
export function planStatusImport(text: string, context: StatusImportContext): StatusImportPlan {
  const { header, rows, errors } = readRows(text);
  const columns = findColumns(header);
  const { single } = columns;
  if (single.id === undefined && single.key === undefined && columns.labels.length === 0) {
    throw new StatusImportError('NO_MATCH_COLUMN', 'The file needs a Debrief ID, id, Issue key, URL or Labels column to find each item');
  }
  if (single.status === undefined && single.owner === undefined && single.due === undefined) {
    throw new StatusImportError('NO_UPDATE_COLUMN', 'The file has no Status, Assignee/owner or Due Date column to import');
  }
  const schema = rowSchema(context.timeZone);
  const index = new ItemIndex(context.items);
  const plan: StatusImportPlan = { items: [], unchanged: [], unknown: [], errors, conflictCheck: single.baseline !== undefined };
  const seen = new Map<string, number>();
  const cell = (cells: string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? ''));

  for (const { line, cells } of rows) {
    const parsed = schema.safeParse({
      id: cell(cells, single.id),
      key: cell(cells, single.key),
      labels: columns.labels.map((i) => cell(cells, i)),
      status: cell(cells, single.status),
      owner: cell(cells, single.owner),
      due: cell(cells, single.due),
      baseline: cell(cells, single.baseline),
    });
    if (!parsed.success) {
      plan.errors.push(...rowErrors(parsed.error, line, columns, single));
      continue;
    }
    const row = parsed.data;
    const item = index.find(row);
    if (!item) {
      const key = row.id ?? row.key ?? row.labels.find((l) => idFromDebriefLabel(l) !== null);
      if (key === undefined) plan.errors.push(new StatusImportError('NO_ITEM_KEY', 'The row names no item', line));
      else plan.unknown.push({ line, key });
      continue;
    }
    const earlier = seen.get(item.id);
    if (earlier !== undefined) {
      plan.errors.push(new StatusImportError('DUPLICATE_ROW', `The same item is already updated on line ${earlier}`, line));
      continue;
    }
    seen.set(item.id, line);
    const changes = fieldChanges(item, row, context);
    if (changes.length === 0) {
      plan.unchanged.push(item.id);
      continue;
    }
    const changedSinceExport = row.baseline !== null && item.updatedAt > row.baseline;
    plan.items.push({
      itemId: item.id,
      line,
      changes: changedSinceExport ? [] : changes,
      conflicts: changedSinceExport ? changes : [],
      exportedUpdatedAt: row.baseline,
    });
  }
  return plan;
}
