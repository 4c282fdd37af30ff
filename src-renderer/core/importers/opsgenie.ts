/**
 * Opsgenie alert logs (`GET /v2/alerts/{id}/logs`) and notes (`GET /v2/alerts/{id}/notes`):
 * `{ "data": [ { "log" | "note", "type", "owner", "createdAt", "offset" } ], "paging", "requestId" }`.
 * Several pages or the notes can be picked together as a folder. `offset` is unique per record
 * and is the dedupe id; `owner` is an email or "System".
 */
import { z } from 'zod';
import type { EventKind } from '../model/event';
import type { ImportInput } from './byte-source';
import { ResultCollector } from './event-builder';
import { ImportError } from './import-error';
import type { ParseResult } from './imported-records';
import { type BaseImportOptions, type Importer, type ImportHooks, inputName, previewOf, throwIfAborted } from './importer';
import { inputFiles, readJsonFile, sniffText } from './input-files';
import { isJsonObject, validateShape } from './json-input';
import { resolveLimits } from './limits';
import { stableHash, stableStringify } from './stable-hash';
import { parseTimestamp } from './timestamps';

const text = z.string().nullish();
const recordSchema = z.looseObject({ log: text, note: text, type: text, owner: text, createdAt: z.union([z.string(), z.number()]), offset: text });

/** What an Opsgenie log line means on a review timeline. */
function kindOf(type: string | null | undefined, line: string): EventKind {
  if (type === 'alertRecipient' || /acknowledged|closed|assigned|escalat|notif/i.test(line)) return 'page';
  if (type === 'system' && /created/i.test(line)) return 'alert';
  return 'system';
}

async function parseOpsgenie(input: ImportInput, options: BaseImportOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('opsgenie', limits);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  let found = false;
  for (const file of inputFiles(input)) {
    throwIfAborted(hooks.signal, file.where);
    const { value, warnings } = await readJsonFile(file, limits);
    warnings.forEach((warning) => collector.warn(warning));
    if (!isJsonObject(value) || !Array.isArray(value.data) || typeof value.requestId !== 'string') {
      throw new ImportError('WRONG_SHAPE', 'expected an Opsgenie alert logs or notes response (an object with a "data" list)', { ...file.where, field: 'data' });
    }
    found = true;
    value.data.forEach((raw: unknown, index) => {
      const field = `data[${index}]`;
      const record = validateShape(recordSchema, raw, file.where, field);
      const line = record.note ?? record.log ?? '';
      const time = parseTimestamp(record.createdAt, { ...file.where, field: `${field}.createdAt` }, zone);
      const owner = record.owner && record.owner !== 'System' ? record.owner : null;
      if (owner) collector.addActor(owner, owner, owner.includes('@') ? owner : null);
      const isNote = record.note != null;
      collector.addEvent(
        {
          kind: isNote ? 'note' : kindOf(record.type, line),
          originalId: `${isNote ? 'note' : 'log'}:${record.offset ?? stableHash(stableStringify(raw))}`,
          at: time.at,
          originalTime: time.original,
          text: line,
          actorExternalId: owner,
          actorName: owner ?? '',
          channel: 'Opsgenie',
          raw,
        },
        { ...file.where, field },
      );
    });
  }
  if (!found || collector.eventCount === 0) throw new ImportError('EMPTY', 'no Opsgenie log or note records found', { file: inputName(input) });
  return collector.result();
}

async function detectOpsgenie(input: ImportInput): Promise<number> {
  let best = 0;
  for (const file of inputFiles(input).slice(0, 10)) {
    try {
      const head = (await sniffText(file, 16 * 1024)).trimStart();
      if (!head.startsWith('{') || !/"data"\s*:\s*\[/.test(head)) continue;
      const hasRecord = /"(?:log|note)"\s*:\s*"/.test(head) && /"createdAt"\s*:/.test(head) && /"offset"\s*:/.test(head);
      if (hasRecord) best = Math.max(best, /"requestId"\s*:|api\.opsgenie\.com/.test(head) ? 0.95 : 0.8);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
  return best;
}

export const opsgenieImporter: Importer = {
  id: 'opsgenie',
  label: 'Opsgenie alert log and notes',
  detect: detectOpsgenie,
  preview: (input: ImportInput, options: BaseImportOptions) => previewOf('opsgenie', parseOpsgenie(input, options)),
  parse: parseOpsgenie,
};
