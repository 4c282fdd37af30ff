/**
 * Kubernetes events (`kubectl get events -o json`, a `List`/`EventList` of core/v1 or
 * events.k8s.io/v1 Events) and Argo CD, whose controller reports syncs as events on its
 * `Application` objects (`OperationStarted`, `OperationCompleted`, `ResourceUpdated`…) and whose
 * `argocd app get <app> -o json` keeps the deploy history (`status.history[]`, with the running
 * `status.operationState`). Events are read as they are written; a Warning is an alert, an Argo CD
 * sync or a rollout (`ScalingReplicaSet`) a deploy, everything else a system event. A repeated
 * event (`count` > 1) is one event at its first time, saying how often and until when.
 */
import { z } from 'zod';
import type { EventKind } from '../model/event';
import type { ImportInput } from './byte-source';
import { ResultCollector } from './event-builder';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ParseResult } from './imported-records';
import { checkpoint, inputName, throwIfAborted, type BaseImportOptions, type ImportHooks, type Importer, type ImportPreview } from './importer';
import { inputFiles, readJsonOrJsonLines, sniffText } from './input-files';
import { isJsonObject, validateShape } from './json-input';
import { resolveLimits } from './limits';
import { parseTimestamp } from './timestamps';

const text = z.string().nullish();
const objectRef = z.looseObject({ kind: text, name: text, namespace: text }).nullish();
const metadata = z.looseObject({ name: text, namespace: text, uid: text, creationTimestamp: text }).nullish();
const eventSchema = z.looseObject({
  metadata,
  involvedObject: objectRef,
  regarding: objectRef,
  reason: text,
  message: text,
  note: text,
  type: text,
  source: z.looseObject({ component: text, host: text }).nullish(),
  reportingComponent: text,
  reportingController: text,
  firstTimestamp: text,
  lastTimestamp: text,
  eventTime: text,
  deprecatedFirstTimestamp: text,
  deprecatedLastTimestamp: text,
  count: z.number().nullish(),
  deprecatedCount: z.number().nullish(),
  series: z.looseObject({ count: z.number().nullish(), lastObservedTime: text }).nullish(),
});
const historySchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  revision: text,
  revisions: z.array(z.string()).nullish(),
  deployedAt: z.string(),
  deployStartedAt: text,
  initiatedBy: z.looseObject({ username: text, automated: z.boolean().nullish() }).nullish(),
  source: z.looseObject({ repoURL: text, path: text, targetRevision: text, chart: text }).nullish(),
});
const operationSchema = z.looseObject({
  phase: text,
  message: text,
  startedAt: z.string(),
  finishedAt: text,
  operation: z.looseObject({ initiatedBy: z.looseObject({ username: text, automated: z.boolean().nullish() }).nullish() }).nullish(),
  syncResult: z.looseObject({ revision: text }).nullish(),
});
const applicationSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string(), namespace: text }),
  status: z.looseObject({ history: z.array(z.unknown()).nullish(), operationState: z.unknown().nullish() }).nullish(),
});

const ARGO_COMPONENT = /^argocd/;
const ARGO_CD = 'argocd';
const ROLLOUT_REASONS = new Set(['ScalingReplicaSet', 'DeploymentRollback', 'SuccessfulRescale']);

function kindOf(event: z.output<typeof eventSchema>, objectKind: string, component: string): EventKind {
  if (objectKind === 'Application' || ARGO_COMPONENT.test(component)) return 'deploy';
  if (ROLLOUT_REASONS.has(event.reason ?? '')) return 'deploy';
  if (event.type === 'Warning') return 'alert';
  return 'system';
}

function shortRevision(revision: string | null | undefined): string {
  return revision && /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 7) : revision ?? '';
}

function isApplication(value: Record<string, unknown>): boolean {
  return value.kind === 'Application' || (typeof value.apiVersion === 'string' && value.apiVersion.startsWith('argoproj.io/'));
}

async function parseKubernetesEvents(input: ImportInput, options: BaseImportOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('kubernetes-events', limits);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};

  const addEvent = (raw: unknown, where: ImportErrorLocation, field: string) => {
    const event = validateShape(eventSchema, raw, where, field);
    const object = event.involvedObject ?? event.regarding ?? null;
    const component = event.source?.component || event.reportingController || event.reportingComponent || '';
    const first = event.firstTimestamp ?? event.deprecatedFirstTimestamp ?? event.eventTime ?? event.lastTimestamp ?? event.metadata?.creationTimestamp;
    const timeField = event.firstTimestamp ? 'firstTimestamp' : event.deprecatedFirstTimestamp ? 'deprecatedFirstTimestamp' : event.eventTime ? 'eventTime' : event.lastTimestamp ? 'lastTimestamp' : 'metadata.creationTimestamp';
    const time = parseTimestamp(first, { ...where, field: `${field ? `${field}.` : ''}${timeField}` }, zone);
    const count = event.series?.count ?? event.count ?? event.deprecatedCount ?? 1;
    const last = event.series?.lastObservedTime ?? event.lastTimestamp ?? event.deprecatedLastTimestamp ?? null;
    const objectName = object ? `${object.kind ?? 'object'}/${object.name ?? '?'}` : '';
    const repeated = count > 1 ? ` (${count} times${last && last !== first ? `, last at ${last}` : ''})` : '';
    const line = `${event.reason ?? 'Event'}${objectName ? ` ${objectName}` : ''}: ${event.message ?? event.note ?? ''}`.trim() + repeated;
    const actor = component || null;
    if (actor) collector.addActor(actor, actor, null, true);
    const namespace = object?.namespace ?? event.metadata?.namespace ?? '';
    collector.addEvent(
      {
        kind: kindOf(event, object?.kind ?? '', component),
        originalId: `event:${event.metadata?.uid ?? `${namespace}/${event.metadata?.name ?? ''}/${time.original}/${line}`}`,
        at: time.at,
        originalTime: time.original,
        text: line,
        actorExternalId: actor,
        actorName: actor ?? '',
        channel: namespace,
        raw,
      },
      { ...where, field },
    );
  };

  const addApplication = (raw: Record<string, unknown>, where: ImportErrorLocation, field: string) => {
    const prefix = field ? `${field}.` : '';
    const app = validateShape(applicationSchema, raw, where, field);
    const name = app.metadata.name;
    const historyStarts = new Set<string>();
    (app.status?.history ?? []).forEach((entry, index) => {
      const entryField = `${prefix}status.history[${index}]`;
      const history = validateShape(historySchema, entry, where, entryField);
      const time = parseTimestamp(history.deployStartedAt ?? history.deployedAt, { ...where, field: `${entryField}.${history.deployStartedAt ? 'deployStartedAt' : 'deployedAt'}` }, zone);
      if (history.deployStartedAt) historyStarts.add(history.deployStartedAt);
      const revision = shortRevision(history.revision ?? history.revisions?.[0]);
      const target = history.source?.chart ?? history.source?.path ?? '';
      const who = history.initiatedBy?.automated ? 'automated sync' : history.initiatedBy?.username ?? '';
      // A sync nobody started (automated, or an Argo CD too old to record who) is Argo CD's own.
      const user = history.initiatedBy?.automated ? null : history.initiatedBy?.username ?? null;
      if (user) collector.addActor(user, user);
      else collector.addActor(ARGO_CD, 'Argo CD', null, true);
      const finished = history.deployStartedAt && history.deployStartedAt !== history.deployedAt ? `, finished ${history.deployedAt}` : '';
      collector.addEvent(
        {
          kind: 'deploy',
          originalId: `app:${app.metadata.namespace ?? ''}/${name}/history/${history.id}`,
          at: time.at,
          originalTime: time.original,
          text: `Argo CD synced ${name} to ${revision || 'a new revision'}${target ? ` (${target})` : ''}${who ? ` by ${who}` : ''}${finished}`,
          actorExternalId: user ?? ARGO_CD,
          actorName: user ?? 'Argo CD',
          channel: `argocd/${name}`,
          raw: entry,
        },
        { ...where, field: entryField },
      );
    });
    const state = app.status?.operationState;
    if (state) {
      const operationField = `${prefix}status.operationState`;
      const operation = validateShape(operationSchema, state, where, operationField);
      const time = parseTimestamp(operation.startedAt, { ...where, field: `${operationField}.startedAt` }, zone);
      // The last sync that succeeded is also the newest history entry: tell it once.
      if (operation.phase === 'Succeeded' && historyStarts.has(operation.startedAt)) {
        collector.skip('Argo CD sync already in the history');
        return;
      }
      const user = operation.operation?.initiatedBy?.username ?? null;
      if (user) collector.addActor(user, user);
      else collector.addActor(ARGO_CD, 'Argo CD', null, true);
      const revision = shortRevision(operation.syncResult?.revision);
      collector.addEvent(
        {
          kind: 'deploy',
          originalId: `app:${app.metadata.namespace ?? ''}/${name}/operation/${operation.startedAt}`,
          at: time.at,
          originalTime: time.original,
          text: `Argo CD sync of ${name}${revision ? ` to ${revision}` : ''}: ${operation.phase ?? 'started'}${operation.message ? ` — ${operation.message}` : ''}`,
          actorExternalId: user ?? ARGO_CD,
          actorName: user ?? 'Argo CD',
          channel: `argocd/${name}`,
          raw: state,
        },
        { ...where, field: operationField },
      );
    }
  };

  for (const file of inputFiles(input)) {
    throwIfAborted(hooks.signal, file.where);
    const { value, warnings } = await readJsonOrJsonLines(file, limits);
    warnings.forEach((warning) => collector.warn(warning));
    const list = isJsonObject(value) && Array.isArray(value.items) ? value.items : Array.isArray(value) ? value : [value];
    const base = isJsonObject(value) && Array.isArray(value.items) ? 'items' : '';
    for (let index = 0; index < list.length; index++) {
      if (index % 2000 === 0) await checkpoint(hooks.signal, file.where);
      const record: unknown = list[index];
      const field = list === value || base ? `${base}[${index}]` : '';
      if (!isJsonObject(record)) throw new ImportError('WRONG_SHAPE', 'expected a Kubernetes Event or an Argo CD Application (an object)', { ...file.where, ...(field ? { field } : {}) });
      if (isApplication(record)) addApplication(record, file.where, field);
      else if (record.kind === 'Event' || 'involvedObject' in record || 'regarding' in record) addEvent(record, file.where, field);
      else collector.skip(`${typeof record.kind === 'string' ? record.kind.slice(0, 40) : 'object'} that is not an Event`);
    }
  }
  if (collector.eventCount === 0) throw new ImportError('EMPTY', 'no Kubernetes events or Argo CD sync history found', { file: inputName(input) });
  return collector.result();
}

async function detectKubernetesEvents(input: ImportInput): Promise<number> {
  let best = 0;
  for (const file of inputFiles(input).slice(0, 10)) {
    try {
      const head = (await sniffText(file, 16 * 1024)).replace(/^\ufeff/, '').trimStart();
      if (!head.startsWith('{') && !head.startsWith('[')) continue;
      const events = /"kind"\s*:\s*"(?:Event|EventList)"/.test(head) || (/"involvedObject"\s*:/.test(head) && /"reason"\s*:/.test(head));
      const argo = /"apiVersion"\s*:\s*"argoproj\.io\//.test(head) && /"kind"\s*:\s*"Application"/.test(head);
      if (events || argo) best = Math.max(best, 0.9);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
  return best;
}

export const kubernetesEventsImporter: Importer = {
  id: 'kubernetes-events',
  label: 'Kubernetes events and Argo CD sync history (JSON)',
  detect: detectKubernetesEvents,
  async preview(input: ImportInput, options: BaseImportOptions): Promise<ImportPreview> {
    const result = await parseKubernetesEvents(input, options);
    return { format: 'kubernetes-events', sample: result.events.slice(0, 10), eventCount: result.events.length, warnings: result.warnings };
  },
  parse: parseKubernetesEvents,
};
