import { z } from 'zod';
import type { ImportInput } from './byte-source';
import { links, ResultCollector, webLink } from './event-builder';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ParseResult } from './imported-records';
import { type BaseImportOptions, type Importer, type ImportHooks, previewOf, throwIfAborted } from './importer';
import { inputFiles, readTextFile, sniffText } from './input-files';
import { locateJsonError, parseJsonLines, parseJsonText, validateShape, type JsonLine } from './json-input';
import { resolveLimits, type ImportLimits } from './limits';
import { stableHash, stableStringify } from './stable-hash';
import { parseTimestamp } from './timestamps';

export type AlertmanagerOptions = BaseImportOptions;

/** Go's zero time: Alertmanager's endsAt while an alert is still firing. */
const ZERO_TIME = /^0001-01-01T00:00:00(?:\.0+)?Z$/;

const labelMap = z.record(z.string(), z.string());

const alertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']).optional(),
  labels: labelMap.default({}),
  annotations: labelMap.default({}),
  startsAt: z.string().min(1),
  endsAt: z.string().nullish(),
  generatorURL: z.string().nullish(),
  fingerprint: z.string().nullish(),
});
type Alert = z.infer<typeof alertSchema>;

const payloadSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: z.string().optional(),
  externalURL: z.string().nullish(),
  alerts: z.array(z.unknown()),
});

interface Payload {
  value: unknown;
  where: ImportErrorLocation;
  path: string;
}

/** One webhook body, a JSON array of bodies, or NDJSON with one body per line. */
function readPayloads(text: string, where: ImportErrorLocation, limits: ImportLimits): Payload[] {
  const trimmed = text.trimStart();
  if (trimmed === '') throw new ImportError('EMPTY', 'the file is empty', where);
  let lines: JsonLine[] | null = null;
  let whole: unknown;
  try {
    whole = parseJsonText(text, where, limits);
  } catch (error) {
    // Not one JSON document: NDJSON if it splits into several lines that each parse.
    if (!(error instanceof ImportError) || error.code !== 'INVALID_JSON' || !trimmed.startsWith('{')) throw error;
    // A pretty-printed document with a typo must report its own line, not fail as NDJSON on line 1.
    if (locateJsonError((trimmed.split('\n', 1)[0] ?? '').trim()) !== null) throw error;
    lines = parseJsonLines(text, where, limits);
  }
  if (lines) return lines.map((line) => ({ value: line.value, where: { ...where, line: line.line }, path: '' }));
  if (Array.isArray(whole)) return whole.map((value, index) => ({ value, where, path: `[${index}]` }));
  return [{ value: whole, where, path: '' }];
}

function alertText(alert: Alert, status: 'firing' | 'resolved'): string {
  const name = alert.labels.alertname ?? 'alert';
  const summary = alert.annotations.summary ?? alert.annotations.description ?? alert.annotations.message ?? '';
  const head = `${status === 'firing' ? 'FIRING' : 'RESOLVED'}: ${name}${summary ? ` — ${summary}` : ''}`;
  const labelLine = Object.entries(alert.labels)
    .filter(([key]) => key !== 'alertname')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return labelLine ? `${head}\n${labelLine}` : head;
}

async function parseAlertmanager(input: ImportInput, options: AlertmanagerOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('alertmanager', limits);
  const files = inputFiles(input);
  if (files.length === 0) throw new ImportError('EMPTY', 'nothing to import', { file: input.kind === 'file' ? input.source.name : input.folder.name });
  const timeOptions = options.timeZone ? { timeZone: options.timeZone } : {};
  let alerts = 0;
  for (const [fileIndex, file] of files.entries()) {
    throwIfAborted(hooks.signal, file.where);
    const { text, warnings } = await readTextFile(file, limits);
    warnings.forEach((warning) => collector.warn(warning));
    for (const payload of readPayloads(text, file.where, limits)) {
      const body = validateShape(payloadSchema, payload.value, payload.where, payload.path);
      for (let i = 0; i < body.alerts.length; i++) {
        const field = `${payload.path}${payload.path ? '.' : ''}alerts[${i}]`;
        const raw = body.alerts[i];
        const alert = validateShape(alertSchema, raw, payload.where, field);
        alerts++;
        const status = alert.status ?? body.status ?? 'firing';
        const endsAt = alert.endsAt && !ZERO_TIME.test(alert.endsAt.trim()) ? alert.endsAt : null;
        if (status === 'resolved' && !endsAt) {
          throw new ImportError('BAD_DATE', 'a resolved alert has no end time', { ...payload.where, field: `${field}.endsAt` });
        }
        // A firing alert happens at startsAt; a resolution at endsAt. Repeated notifications of
        // the same state carry the same fingerprint and times and collapse into one event.
        const timeField = status === 'resolved' ? 'endsAt' : 'startsAt';
        const time = parseTimestamp(status === 'resolved' ? endsAt : alert.startsAt, { ...payload.where, field: `${field}.${timeField}` }, timeOptions);
        const fingerprint = alert.fingerprint ?? stableHash(stableStringify(alert.labels));
        collector.addEvent(
          {
            kind: 'alert',
            originalId: `${fingerprint}:${status}:${time.original}`,
            at: time.at,
            originalTime: time.original,
            text: alertText(alert, status),
            actorName: 'Alertmanager',
            channel: body.receiver ?? 'Alertmanager',
            links: links(webLink(alert.generatorURL, 'Source'), webLink(alert.annotations.runbook_url, 'Runbook')),
            raw,
          },
          { ...payload.where, field },
        );
      }
    }
    hooks.onProgress?.({ filesDone: fileIndex + 1, filesTotal: files.length, bytesDone: 0, bytesTotal: 0, events: collector.eventCount });
  }
  if (alerts === 0) throw new ImportError('EMPTY', 'no alerts found', { ...(files[0]?.where ?? { file: '' }), field: 'alerts' });
  return collector.result();
}

async function detectAlertmanager(input: ImportInput): Promise<number> {
  const files = inputFiles(input);
  if (files.length !== 1 || !files[0]) return 0;
  try {
    const head = (await sniffText(files[0])).trimStart();
    if (!head.startsWith('{') && !head.startsWith('[')) return 0;
    const hasAlerts = /"alerts"\s*:\s*\[/.test(head);
    const hasAlertFields = /"startsAt"\s*:/.test(head) || /"fingerprint"\s*:/.test(head);
    const hasWebhookFields = /"groupKey"\s*:/.test(head) || /"receiver"\s*:/.test(head);
    if (hasAlerts && (hasAlertFields || hasWebhookFields)) return 0.95;
    if (hasAlerts) return 0.5;
    return 0;
  } catch (error) {
    if (error instanceof ImportError) return 0;
    throw error;
  }
}

export const alertmanagerImporter: Importer<AlertmanagerOptions> = {
  id: 'alertmanager',
  label: 'Alertmanager webhook',
  detect: detectAlertmanager,
  preview: (input: ImportInput, options: AlertmanagerOptions) => previewOf('alertmanager', parseAlertmanager(input, options)),
  parse: parseAlertmanager,
};

