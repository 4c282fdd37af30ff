import { z } from 'zod';
import type { EventKind } from '../model/event';
import type { ImportInput } from './byte-source';
import { links, ResultCollector, webLink } from './event-builder';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ParseResult, ImportWarning } from './imported-records';
import { type BaseImportOptions, checkpoint, type Importer, type ImportHooks, inputName, previewOf, throwIfAborted } from './importer';
import { inputFiles, readJsonOrJsonLines, sniffText, type InputFile } from './input-files';
import { isJsonObject, validateShape } from './json-input';
import { resolveLimits, type ImportLimits } from './limits';
import { stableHash, stableStringify } from './stable-hash';
import { parseTimestamp } from './timestamps';
import { webhookEvent, webhookLogEntries, webhookRecords, type WebhookRecord } from './pagerduty-webhooks';

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

// PagerDuty's schema marks most strings nullable (`summary`, `html_url`, `self` on non-trigger
// entries, references to deleted users): every documented nullable is `.nullish()` here.
const text = z.string().nullish();
const reference = z.looseObject({ id: text, type: text, summary: text, html_url: text });
const timeValue = z.union([z.string(), z.number()]);

const logEntrySchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  created_at: timeValue,
  summary: text,
  html_url: text,
  self: text,
  agent: reference.nullish(),
  channel: z.looseObject({ type: text, summary: text }).nullish(),
  service: reference.nullish(),
  incident: reference.nullish(),
  note: text,
});
type LogEntry = z.infer<typeof logEntrySchema>;

const noteSchema = z.looseObject({
  id: text,
  content: z.string(),
  created_at: timeValue,
  user: reference.nullish(),
});

const incidentSchema = z.looseObject({
  id: text,
  incident_number: z.number().nullish(),
  title: text,
  summary: text,
  html_url: text,
});

interface Documents {
  entries: { value: unknown[]; where: ImportErrorLocation; field: string }[];
  notes: { value: unknown[]; where: ImportErrorLocation }[];
  webhooks: { records: WebhookRecord[]; where: ImportErrorLocation }[];
  incident: unknown;
  warnings: ImportWarning[];
}

interface Parts {
  entries?: unknown[];
  notes?: unknown[];
  incident?: unknown;
  webhooks?: WebhookRecord[];
}

/** The top-level shapes that make a file part of a PagerDuty incident record. */
function classify(value: unknown): Parts | null {
  const webhooks = webhookRecords(value);
  if (webhooks) return { webhooks };
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return isJsonObject(first) && typeof first.type === 'string' && first.type.endsWith(LOG_SUFFIX) ? { entries: value } : null;
  }
  if (!isJsonObject(value)) return null;
  const found: Parts = {};
  if (Array.isArray(value.log_entries)) found.entries = value.log_entries;
  if (Array.isArray(value.notes)) found.notes = value.notes;
  if (isJsonObject(value.incident)) found.incident = value.incident;
  return found.entries || found.notes || found.incident ? found : null;
}

async function readDocuments(input: ImportInput, limits: ImportLimits, signal: ImportHooks['signal']): Promise<Documents> {
  const files = inputFiles(input);
  const docs: Documents = { entries: [], notes: [], webhooks: [], incident: null, warnings: [] };
  for (const file of files) {
    throwIfAborted(signal, file.where);
    const { value, warnings } = await readJsonOrJsonLines(file, limits);
    docs.warnings.push(...warnings);
    const found = classify(value);
    if (!found) {
      if (files.length === 1) {
        throw new ImportError('WRONG_SHAPE', 'expected a PagerDuty log_entries response (an object with a "log_entries" list) or webhook payloads', { ...file.where, field: 'log_entries' });
      }
      docs.warnings.push({ message: 'not part of a PagerDuty incident record; ignored', entry: file.label });
      continue;
    }
    if (found.entries) docs.entries.push({ value: found.entries, where: file.where, field: 'log_entries' });
    if (found.notes) docs.notes.push({ value: found.notes, where: file.where });
    if (found.incident) docs.incident = found.incident;
    if (found.webhooks) {
      docs.webhooks.push({ records: found.webhooks, where: file.where });
      for (const record of found.webhooks) {
        const carried = webhookLogEntries(record);
        if (carried.length > 0) docs.entries.push({ value: carried, where: file.where, field: `${record.field}.log_entries` });
      }
    }
  }
  if (docs.entries.length === 0 && docs.webhooks.length === 0) {
    const where = files[0]?.where ?? { file: input.kind === 'file' ? input.source.name : input.folder.name };
    throw new ImportError('EMPTY', 'no PagerDuty log entries found (expected a "log_entries" list or webhook payloads)', { ...where, field: 'log_entries' });
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
  throw new ImportError('UNKNOWN_LOG_TYPE', `log entry ${index} has unknown type "${type}"`, where);
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
    const incident = validateShape(incidentSchema, docs.incident, { file: inputName(input) }, 'incident');
    const title = incident.title ?? incident.summary;
    if (title) channel = incident.incident_number != null ? `#${incident.incident_number} ${title}` : title;
  }

  const annotations = new Set<string>();
  const total = docs.entries.reduce((sum, doc) => sum + doc.value.length, 0);
  for (const doc of docs.entries) {
    for (let index = 0; index < doc.value.length; index++) {
      if (index % 500 === 0) {
        await checkpoint(hooks.signal, doc.where);
        hooks.onProgress?.({ filesDone: 0, filesTotal: docs.entries.length, bytesDone: 0, bytesTotal: 0, events: collector.eventCount });
      }
      const raw = doc.value[index];
      const field = `${doc.field}[${index}]`;
      const entry = validateShape(logEntrySchema, raw, doc.where, field);
      const kind = entryKind(entry.type, index, { ...doc.where, field: `${field}.type` }, collector);
      const time = parseTimestamp(entry.created_at, { ...doc.where, field: `${field}.created_at` }, timeOptions);
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
        { ...doc.where, field },
      );
    }
  }
  for (const doc of docs.webhooks) {
    throwIfAborted(hooks.signal, doc.where);
    for (const record of doc.records) {
      const draft = webhookEvent(record, { ...doc.where, field: record.field }, timeOptions);
      if (!draft) {
        if (webhookLogEntries(record).length === 0) collector.skip('webhook not about an incident');
        continue;
      }
      if (draft.kind === 'note') {
        const key = `${draft.at}\u0000${draft.text.trim()}`;
        if (annotations.has(key)) {
          collector.skip('note already in log entries');
          continue;
        }
        annotations.add(key);
      }
      if (draft.actorExternalId) collector.addActor(draft.actorExternalId, draft.actorName || draft.actorExternalId);
      collector.addEvent({ ...draft, channel }, { ...doc.where, field: record.field });
    }
  }
  if (total === 0 && collector.eventCount === 0) throw new ImportError('EMPTY', 'the log_entries list is empty', { ...(docs.entries[0]?.where ?? { file: '' }), field: 'log_entries' });

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
    return sniffPagerDuty(await sniffText(file));
  } catch (error) {
    if (error instanceof ImportError) return 0;
    throw error;
  }
}

const WEBHOOK_V3 = /"event_type"\s*:\s*"incident\./;
const WEBHOOK_LEGACY = /"messages"\s*:\s*\[/;
const LEGACY_TYPE = /"(?:type|event)"\s*:\s*"incident\.[a-z_]+"/;

/** Confidence that a file starting with `text` is a log_entries response or webhook payloads. */
function sniffPagerDuty(text: string): number {
  const head = text.trimStart();
  if (!head.startsWith('{') && !head.startsWith('[')) return 0;
  const hasList = /"log_entries"\s*:\s*\[/.test(head);
  const hasType = /"type"\s*:\s*"[a-z_]+_log_entry"/.test(head);
  if (hasList && hasType) return 0.95;
  if (WEBHOOK_V3.test(head) || (WEBHOOK_LEGACY.test(head) && LEGACY_TYPE.test(head))) return 0.9;
  if (hasList) return 0.7;
  if (hasType && head.startsWith('[')) return 0.6;
  return 0;
}

/**
 * True when a file starting with `text` is one part of a PagerDuty incident record (log entries,
 * webhooks, notes or the incident object), so that parts picked together import as one source.
 */
export function isPagerDutyRecordPart(text: string): boolean {
  if (sniffPagerDuty(text) > 0) return true;
  const head = text.trimStart();
  if (!head.startsWith('{')) return false;
  const notes = /^\{\s*"notes"\s*:\s*\[/.test(head) && /"content"\s*:/.test(head);
  const incident = /^\{\s*"incident"\s*:\s*\{/.test(head) && /"incident_number"\s*:/.test(head);
  return notes || incident;
}

export const pagerdutyLogImporter: Importer<PagerDutyOptions> = {
  id: 'pagerduty',
  label: 'PagerDuty incident log',
  detect: detectPagerDuty,
  preview: (input: ImportInput, options: PagerDutyOptions) => previewOf('pagerduty', parsePagerDuty(input, options)),
  parse: parsePagerDuty,
};
