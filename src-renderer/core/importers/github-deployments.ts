/**
 * GitHub deployments, from the REST API or from webhooks:
 * - `GET /repos/{owner}/{repo}/deployments`: a list of deployments `{id, sha, ref, task,
 *   environment, description, creator{login}, created_at, statuses_url, repository_url}`;
 * - `GET …/deployments/{id}/statuses`: a list of statuses `{id, state (queued|pending|in_progress|
 *   success|failure|error|inactive), description, environment, target_url, log_url,
 *   environment_url, creator{login}, created_at, deployment_url}`;
 * - webhook payloads `deployment` and `deployment_status` (`{action, deployment, deployment_status?,
 *   repository{full_name}, sender}`), one payload, a list, or one per line.
 * Every record becomes a deploy event; ids are GitHub's, so lists and webhooks of the same
 * deployment picked together (or imported twice) never repeat it.
 */
import { z } from 'zod';
import type { ImportInput } from './byte-source';
import { links, ResultCollector, webLink } from './event-builder';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ParseResult } from './imported-records';
import { type BaseImportOptions, checkpoint, type Importer, type ImportHooks, inputName, previewOf, throwIfAborted } from './importer';
import { inputFiles, readJsonOrJsonLines, sniffText } from './input-files';
import { isJsonObject, validateShape } from './json-input';
import { resolveLimits } from './limits';
import { parseTimestamp } from './timestamps';

const text = z.string().nullish();
const id = z.union([z.number(), z.string().min(1)]);
const creator = z.looseObject({ login: text, id: z.union([z.number(), z.string()]).nullish() }).nullish();
const deploymentSchema = z.looseObject({
  id,
  sha: text,
  ref: text,
  task: text,
  environment: text,
  description: text,
  creator,
  created_at: z.string(),
  repository_url: text,
  url: text,
});
const statusSchema = z.looseObject({
  id,
  state: z.string(),
  description: text,
  environment: text,
  target_url: text,
  log_url: text,
  environment_url: text,
  creator,
  created_at: z.string(),
  deployment_url: text,
  repository_url: text,
});
type Deployment = z.output<typeof deploymentSchema>;

/** `https://api.github.com/repos/acme/shop` → `acme/shop`. */
function repositoryOf(url: string | null | undefined): string {
  return /\/repos\/([^/]+\/[^/]+)/.exec(url ?? '')?.[1] ?? '';
}

function isStatus(value: Record<string, unknown>): boolean {
  return typeof value.state === 'string' && ('deployment_url' in value || 'target_url' in value || 'log_url' in value);
}

function isDeployment(value: Record<string, unknown>): boolean {
  return typeof value.created_at === 'string' && ('sha' in value || 'statuses_url' in value) && 'environment' in value;
}

async function parseGithubDeployments(input: ImportInput, options: BaseImportOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('github-deployments', limits);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const deployments = new Map<string, Deployment>();

  const actor = (who: { login?: string | null | undefined } | null | undefined) => {
    const login = who?.login ?? null;
    if (login) collector.addActor(login, login, null, login.endsWith('[bot]'));
    return login;
  };
  const addDeployment = (raw: unknown, where: ImportErrorLocation, field: string, repository: string) => {
    const deployment = validateShape(deploymentSchema, raw, where, field);
    deployments.set(String(deployment.id), deployment);
    const time = parseTimestamp(deployment.created_at, { ...where, field: `${field}.created_at` }, zone);
    const login = actor(deployment.creator);
    const ref = deployment.ref && deployment.sha && deployment.ref !== deployment.sha ? `${deployment.ref} (${deployment.sha.slice(0, 7)})` : deployment.ref || deployment.sha?.slice(0, 7) || '';
    const task = deployment.task && deployment.task !== 'deploy' ? ` [${deployment.task}]` : '';
    const line = `Deployment of ${ref || 'unknown ref'} to ${deployment.environment || 'an environment'} created${task}${deployment.description ? `: ${deployment.description}` : ''}`;
    collector.addEvent(
      {
        kind: 'deploy',
        originalId: `deployment:${deployment.id}`,
        at: time.at,
        originalTime: time.original,
        text: line,
        actorExternalId: login,
        actorName: login ?? '',
        channel: repository || repositoryOf(deployment.repository_url ?? deployment.url),
        raw,
      },
      { ...where, field },
    );
  };
  const addStatus = (raw: unknown, where: ImportErrorLocation, field: string, repository: string, deploymentHint: Deployment | null) => {
    const status = validateShape(statusSchema, raw, where, field);
    const time = parseTimestamp(status.created_at, { ...where, field: `${field}.created_at` }, zone);
    const login = actor(status.creator);
    const deploymentId = /\/deployments\/(\d+)/.exec(status.deployment_url ?? '')?.[1] ?? (deploymentHint ? String(deploymentHint.id) : null);
    const deployment = deploymentHint ?? (deploymentId ? deployments.get(deploymentId) : undefined);
    const environment = status.environment || deployment?.environment || '';
    const what = deployment?.ref ? `${deployment.ref} ` : '';
    const line = `Deployment ${what}to ${environment || 'an environment'}: ${status.state.replace('_', ' ')}${status.description ? ` — ${status.description}` : ''}`;
    collector.addEvent(
      {
        kind: 'deploy',
        originalId: `status:${status.id}`,
        at: time.at,
        originalTime: time.original,
        text: line,
        actorExternalId: login,
        actorName: login ?? '',
        channel: repository || repositoryOf(status.repository_url ?? status.deployment_url),
        links: links(webLink(status.log_url ?? status.target_url, 'Deployment log'), webLink(status.environment_url, environment || 'Environment')),
        raw,
      },
      { ...where, field },
    );
  };

  // Deployments of every file first: statuses (a status list, or its file picked before the
  // deployments' file) can then name their deployment's ref.
  const records: { record: unknown; where: ImportErrorLocation; field: string }[] = [];
  for (const file of inputFiles(input)) {
    throwIfAborted(hooks.signal, file.where);
    const { value, warnings } = await readJsonOrJsonLines(file, limits);
    warnings.forEach((warning) => collector.warn(warning));
    if (Array.isArray(value)) value.forEach((record, index) => records.push({ record, where: file.where, field: `[${index}]` }));
    else records.push({ record: value, where: file.where, field: '' });
  }
  const ordered = records.map((entry, index) => ({ entry, index, rank: rank(entry.record) })).sort((a, b) => a.rank - b.rank || a.index - b.index);
  let n = 0;
  for (const { entry } of ordered) {
    const { record, where, field } = entry;
    if (n++ % 2000 === 0) await checkpoint(hooks.signal, where);
    if (!isJsonObject(record)) throw new ImportError('WRONG_SHAPE', 'expected a GitHub deployment, deployment status or webhook payload (an object)', { ...where, ...(field ? { field } : {}) });
    const repository = isJsonObject(record.repository) && typeof record.repository.full_name === 'string' ? record.repository.full_name : '';
    if (isJsonObject(record.deployment_status) || (isJsonObject(record.deployment) && 'action' in record)) {
      const prefix = field ? `${field}.` : '';
      const deployment = isJsonObject(record.deployment) ? validateShape(deploymentSchema, record.deployment, where, `${prefix}deployment`) : null;
      // A status payload carries its deployment too: both become events (a list picked with it is not repeated).
      if (deployment) addDeployment(record.deployment, where, `${prefix}deployment`, repository);
      if (isJsonObject(record.deployment_status)) addStatus(record.deployment_status, where, `${prefix}deployment_status`, repository, deployment);
    } else if (isStatus(record)) addStatus(record, where, field, '', null);
    else if (isDeployment(record)) addDeployment(record, where, field, '');
    else collector.skip('record that is not a deployment or a deployment status');
  }
  if (collector.eventCount === 0) throw new ImportError('EMPTY', 'no GitHub deployments or deployment statuses found', { file: inputName(input) });
  return collector.result();
}

/** Bare status records after everything else (a status webhook carries its own deployment). */
function rank(record: unknown): number {
  return isJsonObject(record) && isStatus(record) ? 1 : 0;
}

/**
 * The repository a GitHub deployments file's head names (every API record and webhook payload
 * carries `https://api.github.com/repos/{owner}/{repo}/…`): a repository's deployment list, status
 * lists and webhooks picked one by one import as one source. Null for any other file.
 */
export function githubDeploymentsRepositoryKey(head: string): string | null {
  const text = head.replace(/^\ufeff/, '').trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return null;
  const api = /api\.github\.com\/repos\/[^"]+\/deployments/.test(text) || /"statuses_url"\s*:/.test(text);
  const webhook = /"deployment(?:_status)?"\s*:\s*\{/.test(text) && /"action"\s*:/.test(text);
  if (!api && !webhook) return null;
  return /api\.github\.com\/repos\/([^/"]+\/[^/"]+)/.exec(text)?.[1]?.toLowerCase() ?? 'unnamed';
}

async function detectGithubDeployments(input: ImportInput): Promise<number> {
  let best = 0;
  for (const file of inputFiles(input).slice(0, 10)) {
    try {
      if (githubDeploymentsRepositoryKey(await sniffText(file, 16 * 1024)) !== null) best = Math.max(best, 0.9);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
  return best;
}

export const githubDeploymentsImporter: Importer = {
  id: 'github-deployments',
  label: 'GitHub deployments (API or webhook JSON)',
  detect: detectGithubDeployments,
  preview: (input: ImportInput, options: BaseImportOptions) => previewOf('github-deployments', parseGithubDeployments(input, options)),
  parse: parseGithubDeployments,
};
