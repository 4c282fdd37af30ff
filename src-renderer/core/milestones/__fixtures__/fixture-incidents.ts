import { z } from 'zod';
import { fileInput, folderInput } from '../../importers/__fixtures__/read-fixture';
import type { ActorRef, ImportedEvent, ParseResult } from '../../importers/imported-records';
import { csvTimelineImporter } from '../../importers/csv-timeline';
import { pagerdutyLogImporter } from '../../importers/pagerduty-log';
import { slackExportImporter } from '../../importers/slack/slack-export';
import { statuspageImporter } from '../../importers/statuspage';
import { suggestMilestones, type SuggestionEvent } from '../suggest-milestones';
import { suggestionAccuracy, type AccuracyRow } from '../suggestion-accuracy';

/**
 * Test and bench only: the fixture incidents under this folder, each one outage told by a Slack
 * export, a PagerDuty log, a Statuspage incident and a deploy CSV, parsed by the real importers,
 * with `truth.json` saying what really happened (stage times, severity changes, people, metrics).
 * Core is compiled without Node types, so node:fs is loaded through a specifier the type checker
 * does not resolve, and typed by the calls used here.
 */
export const FIXTURE_INCIDENTS = ['inc-311-checkout', 'search-latency', 'login-outage'] as const;

const iso = z.string().transform((s, ctx) => {
  const at = Date.parse(s);
  if (Number.isNaN(at)) ctx.addIssue({ code: 'custom', message: `not an ISO time: ${s}` });
  return at;
});
export const truthSchema = z.object({
  title: z.string(),
  style: z.string(),
  timeZone: z.string(),
  startedAt: iso,
  milestones: z.record(z.string(), iso),
  severityChanges: z.array(z.object({ at: iso, to: z.string() })),
  people: z.array(z.object({ name: z.string(), aliases: z.array(z.string()) })),
  metrics: z.record(z.string(), z.number()),
});
export type IncidentTruth = z.infer<typeof truthSchema>;

export interface FixtureIncident {
  name: string;
  truth: IncidentTruth;
  /** Every imported event, with its dedupe key as id (as stored events would have their own ids). */
  events: (SuggestionEvent & Pick<ImportedEvent, 'actorExternalId' | 'dedupeKey'>)[];
  actors: ActorRef[];
  /** One parse per source file, as an import would write them. */
  parses: ParseResult[];
}

interface NodeFs {
  readFileSync(path: string): Uint8Array;
  readdirSync(path: string, options: { recursive: true }): string[];
  statSync(path: string): { isFile(): boolean };
}
interface NodeUrl {
  fileURLToPath(url: string): string;
}
const FS = 'node:fs';
const URL_MODULE = 'node:url';

async function folderOf(): Promise<{ fs: NodeFs; folder: string }> {
  const fs = (await import(/* @vite-ignore */ FS)) as NodeFs;
  const url = (await import(/* @vite-ignore */ URL_MODULE)) as NodeUrl;
  const here = url.fileURLToPath((import.meta as unknown as { url: string }).url);
  return { fs, folder: here.slice(0, here.lastIndexOf('/')) };
}

export async function loadFixtureIncident(name: string): Promise<FixtureIncident> {
  const { fs, folder } = await folderOf();
  const dir = `${folder}/${name}`;
  const read = (file: string) => fs.readFileSync(`${dir}/${file}`);
  const slackFiles: Record<string, Uint8Array> = {};
  for (const path of fs.readdirSync(`${dir}/slack-export`, { recursive: true })) {
    if (fs.statSync(`${dir}/slack-export/${path}`).isFile()) slackFiles[path] = read(`slack-export/${path}`);
  }
  const results = await Promise.all([
    slackExportImporter.parse(folderInput('slack-export', slackFiles), {}),
    pagerdutyLogImporter.parse(fileInput('pagerduty-log.json', read('pagerduty-log.json')), {}),
    statuspageImporter.parse(fileInput('statuspage.json', read('statuspage.json')), {}),
    csvTimelineImporter.parse(fileInput('deploys.csv', read('deploys.csv')), {}),
  ]);
  const truth = truthSchema.parse(JSON.parse(new TextDecoder().decode(read('truth.json'))));
  return {
    name,
    truth,
    events: results.flatMap((r) => r.events.map((e) => ({ ...e, id: e.dedupeKey }))),
    actors: results.flatMap((r) => r.actors),
    parses: results,
  };
}

/** Suggestions against the truth for every fixture incident: what the bench prints and the tests assert. */
export async function measureFixtureAccuracy(): Promise<{ incident: FixtureIncident; rows: AccuracyRow[] }[]> {
  const out: { incident: FixtureIncident; rows: AccuracyRow[] }[] = [];
  for (const name of FIXTURE_INCIDENTS) {
    const incident = await loadFixtureIncident(name);
    out.push({ incident, rows: suggestionAccuracy(suggestMilestones(incident.events, []), incident.truth) });
  }
  return out;
}
