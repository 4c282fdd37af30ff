import type { SourceFormat } from '../model/source';
import { alertmanagerImporter } from './alertmanager';
import type { ImportInput } from './byte-source';
import { chatLogImporter } from './chat-log';
import { discordImporter } from './discord';
import { githubDeploymentsImporter } from './github-deployments';
import { csvTimelineImporter } from './csv-timeline';
import { ImportError } from './import-error';
import { inputName, type Importer } from './importer';
import { kubernetesEventsImporter } from './kubernetes-events';
import { mattermostImporter } from './mattermost';
import { opsgenieImporter } from './opsgenie';
import { pagerdutyLogImporter } from './pagerduty-log';
import { slackExportImporter } from './slack/slack-export';
import { slackdumpImporter } from './slackdump';
import { statuspageImporter } from './statuspage';
import { teamsImporter } from './teams';
import { transcriptImporter } from './transcript';
import { explainUnrecognised } from './unrecognised';

/**
 * Every format the app can import. A new format is one new module exporting an `Importer`
 * and one line here.
 */
export const IMPORTERS: readonly Importer[] = [
  slackExportImporter,
  pagerdutyLogImporter,
  statuspageImporter,
  alertmanagerImporter,
  csvTimelineImporter,
  chatLogImporter,
  transcriptImporter,
  opsgenieImporter,
  mattermostImporter,
  discordImporter,
  teamsImporter,
  githubDeploymentsImporter,
  kubernetesEventsImporter,
  slackdumpImporter,
];

/** Below this no importer is trusted to know the input. */
export const MIN_CONFIDENCE = 0.3;

export interface FormatMatch {
  importer: Importer;
  confidence: number;
  /** Every importer's confidence, best first, for a "did you mean" list in the UI. */
  scores: { id: SourceFormat; label: string; confidence: number }[];
}

export function getImporter(id: SourceFormat, importers: readonly Importer[] = IMPORTERS): Importer {
  const importer = importers.find((candidate) => candidate.id === id);
  if (!importer) throw new ImportError('UNKNOWN_FORMAT', `there is no importer for "${id}"`, { file: id });
  return importer;
}

/** Asks every importer how sure it is and returns the best, or UNKNOWN_FORMAT. */
export async function detectFormat(input: ImportInput, importers: readonly Importer[] = IMPORTERS): Promise<FormatMatch> {
  const scores: FormatMatch['scores'] = [];
  let best: { importer: Importer; confidence: number } | null = null;
  for (const importer of importers) {
    let confidence = 0;
    try {
      confidence = clamp(await importer.detect(input));
    } catch (error) {
      // A detector that cannot read the input simply does not recognise it.
      if (!(error instanceof ImportError)) throw error;
    }
    scores.push({ id: importer.id, label: importer.label, confidence });
    if (!best || confidence > best.confidence) best = { importer, confidence };
  }
  scores.sort((a, b) => b.confidence - a.confidence);
  if (!best || best.confidence < MIN_CONFIDENCE) {
    const reason = await explainUnrecognised(input);
    if (reason) throw reason;
    throw new ImportError(
      'UNKNOWN_FORMAT',
      `not a format Debrief can import (tried ${importers.map((importer) => importer.label).join(', ')})`,
      { file: inputName(input) },
    );
  }
  return { importer: best.importer, confidence: best.confidence, scores };
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
