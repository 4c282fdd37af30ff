import { z } from 'zod';
import type { ImportInput } from './byte-source';
import { links, ResultCollector, webLink } from './event-builder';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ParseResult } from './imported-records';
import { throwIfAborted, type BaseImportOptions, type ImportHooks, type Importer, type ImportPreview } from './importer';
import { inputFiles, readJsonFile, sniffText } from './input-files';
import { isJsonObject, validateShape } from './json-input';
import { resolveLimits } from './limits';
import { stableHash, stableStringify } from './stable-hash';
import { isValidTimeZone } from '../time/zones';
import { parseTimestamp } from './timestamps';

/** `timeZone` overrides the page's own zone for timestamps written without an offset. */
export type StatuspageOptions = BaseImportOptions;

const timeValue = z.union([z.string(), z.number()]);

const componentSchema = z.looseObject({
  name: z.string().optional(),
  old_status: z.string().nullish(),
  new_status: z.string().nullish(),
});

const updateSchema = z.looseObject({
  id: z.string().optional(),
  status: z.string().min(1),
  body: z.string().nullish(),
  created_at: timeValue,
  display_at: timeValue.nullish(),
  affected_components: z.array(componentSchema).nullish(),
});

const incidentSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  shortlink: z.string().nullish(),
  impact: z.string().nullish(),
  incident_updates: z.array(z.unknown()),
});

const pageSchema = z.looseObject({ name: z.string().optional(), time_zone: z.string().nullish() });

const STATUS_LABEL: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};

interface Located {
  incidents: unknown[];
  /** JSON path of the incidents list, for error fields. */
  path: (index: number) => string;
  page: unknown;
}

/** incidents.json (`{incidents:[…]}`), a single incident (`{incident:{…}}`) or a bare incident object. */
function locateIncidents(value: unknown, where: ImportErrorLocation): Located {
  if (isJsonObject(value) && Array.isArray(value.incidents)) {
    return { incidents: value.incidents, path: (i) => `incidents[${i}]`, page: value.page };
  }
  if (isJsonObject(value) && isJsonObject(value.incident)) {
    return { incidents: [value.incident], path: () => 'incident', page: value.page };
  }
  if (isJsonObject(value) && Array.isArray(value.incident_updates)) {
    return { incidents: [value], path: () => '', page: undefined };
  }
  throw new ImportError('WRONG_SHAPE', 'expected a Statuspage incidents.json (an object with an "incidents" list)', { ...where, field: 'incidents' });
}

function humanStatus(status: string): string {
  return Object.hasOwn(STATUS_LABEL, status) ? (STATUS_LABEL[status] ?? status) : status.replace(/_/g, ' ');
}

async function parseStatuspage(input: ImportInput, options: StatuspageOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('statuspage', limits);
  const files = inputFiles(input);
  if (files.length === 0) throw new ImportError('EMPTY', 'nothing to import', { file: input.kind === 'file' ? input.source.name : input.folder.name });
  for (const [fileIndex, file] of files.entries()) {
    throwIfAborted(hooks.signal, file.where);
    const { value, warnings } = await readJsonFile(file, limits);
    warnings.forEach((warning) => collector.warn(warning));
    const located = locateIncidents(value, file.where);
    const page = located.page === undefined || located.page === null ? {} : validateShape(pageSchema, located.page, file.where, 'page');
    // Statuspage writes page-local offsets; a naive time (hand-edited files) is read in the page's zone.
    const zone = options.timeZone ?? (page.time_zone && isValidTimeZone(page.time_zone) ? page.time_zone : undefined);
    const timeOptions = zone ? { timeZone: zone } : {};
    const actorName = page.name ? `${page.name} status page` : 'Status page';

    for (let i = 0; i < located.incidents.length; i++) {
      const basePath = located.path(i);
      const incident = validateShape(incidentSchema, located.incidents[i], file.where, basePath);
      const incidentName = incident.name ?? 'Status page incident';
      for (let u = 0; u < incident.incident_updates.length; u++) {
        const field = `${basePath}${basePath ? '.' : ''}incident_updates[${u}]`;
        const raw = incident.incident_updates[u];
        const update = validateShape(updateSchema, raw, file.where, field);
        // created_at is when the update was posted; display_at can be back-dated by its author.
        const time = parseTimestamp(update.created_at, { ...file.where, field: `${field}.created_at` }, timeOptions);
        collector.addEvent(
          {
            kind: 'status-update',
            originalId: update.id ?? stableHash(stableStringify(raw)),
            at: time.at,
            originalTime: time.original,
            text: updateText(update),
            actorName,
            channel: incidentName,
            links: links(webLink(incident.shortlink, 'Status page')),
            raw,
          },
          { ...file.where, field },
        );
      }
    }
    hooks.onProgress?.({ filesDone: fileIndex + 1, filesTotal: files.length, bytesDone: 0, bytesTotal: 0, events: collector.eventCount });
  }
  const result = collector.result();
  if (result.events.length === 0) {
    throw new ImportError('EMPTY', 'no incident updates found', { ...(files[0]?.where ?? { file: '' }), field: 'incidents' });
  }
  return result;
}

function updateText(update: z.infer<typeof updateSchema>): string {
  const lines = [`${humanStatus(update.status)}: ${update.body?.trim() ?? ''}`.trimEnd()];
  for (const component of update.affected_components ?? []) {
    if (!component.name || component.old_status === component.new_status) continue;
    lines.push(`${component.name}: ${humanStatus(component.old_status ?? 'unknown')} → ${humanStatus(component.new_status ?? 'unknown')}`);
  }
  return lines.join('\n');
}

async function detectStatuspage(input: ImportInput): Promise<number> {
  const files = inputFiles(input);
  if (files.length !== 1 || !files[0]) return 0;
  try {
    const head = (await sniffText(files[0])).trimStart();
    if (!head.startsWith('{')) return 0;
    const hasUpdates = /"incident_updates"\s*:\s*\[/.test(head);
    const hasStatus = /"status"\s*:\s*"(investigating|identified|monitoring|resolved|postmortem)"/.test(head);
    if (hasUpdates && hasStatus) return 0.95;
    if (hasUpdates) return 0.75;
    return 0;
  } catch (error) {
    if (error instanceof ImportError) return 0;
    throw error;
  }
}

export const statuspageImporter: Importer<StatuspageOptions> = {
  id: 'statuspage',
  label: 'Statuspage incidents',
  detect: detectStatuspage,
  async preview(input: ImportInput, options: StatuspageOptions): Promise<ImportPreview> {
    const result = await parseStatuspage(input, options);
    return { format: 'statuspage', sample: result.events.slice(0, 10), eventCount: result.events.length, warnings: result.warnings };
  },
  parse: parseStatuspage,
};
