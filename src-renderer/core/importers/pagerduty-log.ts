import { z } from 'zod';
import type { EventKind } from '../model/event';
import type { ImportInput } from './byte-source';
import { links, ResultCollector, webLink } from './event-builder';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ParseResult, ImportWarning } from './imported-records';
import { throwIfAborted, type BaseImportOptions, type ImportHooks, type Importer, type ImportPreview } from './importer';
import { inputFiles, readJsonFile, sniffText, type InputFile } from './input-files';
import { isJsonObject, validateShape } from './json-input';
import { resolveLimits, type ImportLimits } from './limits';
import { stableHash, stableStringify } from './stable-hash';
import { parseTimestamp } from './timestamps';

export type PagerDutyOptions = BaseImportOptions;

/**
 * Log entry types by what they mean on a review timeline. PagerDuty names them `<name>_log_entry`;
 * the bare names are accepted too. Types that end in `_log_entry` but are not listed here (PagerDuty
 * adds new ones) are imported as 'system' events with a warning; any other type means the record
 * is not a PagerDuty log entry at all and fails with UNKNOWN_LOG_TYPE naming the entry.
 */
const KIND_BY_TYPE: Record<string, EventKind> = {
  trigger: 'page',
  acknowledge: 'page',
  unacknowledge: 'page',
  resolve: 'page',
  assign: 'page',
  delegate: 'page',
  escalate: 'page',
  notify: 'page',
  snooze: 'page',
  annotate: 'note',
  exhaust_escalation_path: 'system',
  reach_ack_limit: 'system',
  reach_trigger_limit: 'system',
  repeat_escalation_path: 'system',
  urgency_change: 'system',
  priority_change: 'system',
  link: 'system',
  unlink: 'system',
  merge: 'system',
};

const LOG_SUFFIX = '_log_entry';
const MAX_FOLDER_FILES = 10;

const reference = z.looseObject({ id: z.string().optional(), type: z.string().optional(), summary: z.string().optional() });
const timeValue = z.union([z.string(), z.number()]);

const logEntrySchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  created_at: timeValue,
  summary: z.string().optional(),
  html_url: z.string().optional(),
  agent: reference.nullish(),
  channel: z.looseObject({ type: z.string().optional(), summary: z.string().optional() }).nullish(),
  service: reference.nullish(),
  note: z.string().nullish(),
});
type LogEntry = z.infer<typeof logEntrySchema>;

const noteSchema = z.looseObject({
  id: z.string().optional(),
  content: z.string(),
  created_at: timeValue,
  user: reference.nullish(),
});

const incidentSchema = z.looseObject({
  id: z.string().optional(),
  incident_number: z.number().optional(),
  title: z.string().optional(),
  summary: z.string().optional(),
  html_url: z.string().optional(),
});

interface Documents {
  entries: { value: unknown[]; where: ImportErrorLocation }[];
  notes: { value: unknown[]; where: ImportErrorLocation }[];
  incident: unknown;
  warnings: ImportWarning[];
}

/** The top-level shapes that make a file part of a PagerDuty incident record. */
function classify(value: unknown): { entries?: unknown[]; notes?: unknown[]; incident?: unknown } | null {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return isJsonObject(first) && typeof first.type === 'string' && first.type.endsWith(LOG_SUFFIX) ? { entries: value } : null;
  }
  if (!isJsonObject(value)) return null;
  const found: { entries?: unknown[]; notes?: unknown[]; incident?: unknown } = {};
  if (Array.isArray(value.log_entries)) found.entries = value.log_entries;
  if (Array.isArray(value.notes)) found.notes = value.notes;
  if (isJsonObject(value.incident)) found.incident = value.incident;
  return found.entries || found.notes || found.incident ? found : null;
}

async function readDocuments(input: ImportInput, limits: ImportLimits, signal: ImportHooks['signal']): Promise<Documents> {
  const files = inputFiles(input);
  const docs: Documents = { entries: [], notes: [], incident: null, warnings: [] };
  for (const file of files) {
    throwIfAborted(signal, file.where);
    const { value, warnings } = await readJsonFile(file, limits);
    docs.warnings.push(...warnings);
    const found = classify(value);
    if (!found) {
      if (files.length === 1) {
        throw new ImportError('WRONG_SHAPE', 'expected a PagerDuty log_entries response (an object with a "log_entries" list)', { ...file.where, field: 'log_entries' });
      }
      docs.warnings.push({ message: 'not part of a PagerDuty incident record; ignored', entry: file.label });
      continue;
    }
    if (found.entries) docs.entries.push({ value: found.entries, where: file.where });
    if (found.notes) docs.notes.push({ value: found.notes, where: file.where });
    if (found.incident) docs.incident = found.incident;
  }
  if (docs.entries.length === 0) {
    const where = files[0]?.where ?? { file: input.kind === 'file' ? input.source.name : input.folder.name };
    throw new ImportError('EMPTY', 'no PagerDuty log entries found (expected a "log_entries" list)', { ...where, field: 'log_entries' });
  }
  return docs;
}

function entryKind(type: string, index: number, where: ImportErrorLocation, collector: ResultCollector): EventKind {
  const bare = type.endsWith(LOG_SUFFIX) ? type.slice(0, -LOG_SUFFIX.length) : type;
  const known = Object.hasOwn(KIND_BY_TYPE, bare) ? KIND_BY_TYPE[bare] : undefined;
  if (known) return known;
  if (type.endsWith(LOG_SUFFIX)) {
    collector.warn({ message: `log entry type "${type}" is not known; imported as a system event`, ...(where.entry ? { entry: where.entry } : {}) });
    return 'system';
  }
  throw new ImportError('UNKNOWN_LOG_TYPE', `log entry ${index} has unknown type "${type}"`, { ...where, field: `log_entries[${index}].type` });
}

function entryText(entry: LogEntry, kind: EventKind): string {
  const summary = entry.summary ?? entry.type;
  const channelSummary = entry.channel?.summary;
  // For notes PagerDuty puts the note itself in channel.summary and only "Note added" in summary.
  if (kind === 'note') return entry.note ?? channelSummary ?? summary;
  if (channelSummary && channelSummary !== summary) return `${summary}: ${channelSummary}`;
  return summary;
}

async function parsePagerDuty(input: ImportInput, options: PagerDutyOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const docs = await readDocuments(input, limits, hooks.signal);
  const collector = new ResultCollector('pagerduty', limits);
  for (const warning of docs.warnings) collector.warn(warning);
  const timeOptions = options.timeZone ? { timeZone: options.timeZone } : {};

  let channel = 'PagerDuty';
  if (docs.incident) {
    const incident = validateShape(incidentSchema, docs.incident, { file: docs.entries[0]?.where.file ?? '' }, 'incident');
    const title = incident.title ?? incident.summary;
    if (title) channel = incident.incident_number !== undefined ? `#${incident.incident_number} ${title}` : title;
  }

  const annotations = new Set<string>();
  const total = docs.entries.reduce((sum, doc) => sum + doc.value.length, 0);
  for (const doc of docs.entries) {
    for (let index = 0; index < doc.value.length; index++) {
      if (index % 500 === 0) {
        throwIfAborted(hooks.signal, doc.where);
        hooks.onProgress?.({ filesDone: 0, filesTotal: docs.entries.length, bytesDone: 0, bytesTotal: 0, events: collector.eventCount });
      }
      const raw = doc.value[index];
      const entry = validateShape(logEntrySchema, raw, doc.where, `log_entries[${index}]`);
      const kind = entryKind(entry.type, index, doc.where, collector);
      const time = parseTimestamp(entry.created_at, { ...doc.where, field: `log_entries[${index}].created_at` }, timeOptions);
      const agent = entry.agent;
      const actorId = agent?.id ?? null;
      if (actorId) collector.addActor(actorId, agent?.summary ?? actorId, null, agent?.type !== 'user_reference');
      const text = entryText(entry, kind);
      if (kind === 'note') annotations.add(`${time.at}\u0000${text.trim()}`);
      collector.addEvent(
        {
          kind,
          originalId: entry.id,
          at: time.at,
          originalTime: time.original,
          text,
          actorExternalId: actorId,
          actorName: agent?.summary ?? '',
          channel: entry.service?.summary ? `${channel} (${entry.service.summary})` : channel,
          links: links(webLink(entry.html_url, 'PagerDuty')),
          raw,
        },
        { ...doc.where, field: `log_entries[${index}]` },
      );
    }
  }
  if (total === 0) throw new ImportError('EMPTY', 'the log_entries list is empty', { ...(docs.entries[0]?.where ?? { file: '' }), field: 'log_entries' });

  for (const doc of docs.notes) {
    for (let index = 0; index < doc.value.length; index++) {
      const raw = doc.value[index];
      const note = validateShape(noteSchema, raw, doc.where, `notes[${index}]`);
      const time = parseTimestamp(note.created_at, { ...doc.where, field: `notes[${index}].created_at` }, timeOptions);
      // Every note also appears as an annotate log entry; keep one copy.
      if (annotations.has(`${time.at}\u0000${note.content.trim()}`)) {
        collector.skip('note already in log entries');
        continue;
      }
      const userId = note.user?.id ?? null;
      if (userId) collector.addActor(userId, note.user?.summary ?? userId);
      collector.addEvent(
        {
          kind: 'note',
          originalId: `note:${note.id ?? stableHash(stableStringify(raw))}`,
          at: time.at,
          originalTime: time.original,
          text: note.content,
          actorExternalId: userId,
          actorName: note.user?.summary ?? '',
          channel,
          raw,
        },
        { ...doc.where, field: `notes[${index}]` },
      );
    }
  }
  hooks.onProgress?.({ filesDone: docs.entries.length, filesTotal: docs.entries.length, bytesDone: 0, bytesTotal: 0, events: collector.eventCount });
  return collector.result();
}

async function detectPagerDuty(input: ImportInput): Promise<number> {
  const files = inputFiles(input);
  if (files.length === 0 || files.length > MAX_FOLDER_FILES) return 0;
  let best = 0;
  for (const file of files) best = Math.max(best, await sniffFile(file));
  return best;
}

async function sniffFile(file: InputFile): Promise<number> {
  try {
    const head = (await sniffText(file)).trimStart();
    if (!head.startsWith('{') && !head.startsWith('[')) return 0;
    const hasList = /"log_entries"\s*:\s*\[/.test(head);
    const hasType = /"type"\s*:\s*"[a-z_]+_log_entry"/.test(head);
    if (hasList && hasType) return 0.95;
    if (hasList) return 0.7;
    if (hasType && head.startsWith('[')) return 0.6;
    return 0;
  } catch (error) {
    if (error instanceof ImportError) return 0;
    throw error;
  }
}

export const pagerdutyLogImporter: Importer<PagerDutyOptions> = {
  id: 'pagerduty',
  label: 'PagerDuty incident log',
  detect: detectPagerDuty,
  async preview(input: ImportInput, options: PagerDutyOptions): Promise<ImportPreview> {
    const result = await parsePagerDuty(input, options);
    return { format: 'pagerduty', sample: result.events.slice(0, 10), eventCount: result.events.length, warnings: result.warnings };
  },
  parse: parsePagerDuty,
};
