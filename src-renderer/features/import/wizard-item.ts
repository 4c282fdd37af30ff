import type { Incident } from '@core/model/incident';
import type { SourceFormat } from '@core/model/source';
import type { CsvTimelinePreview } from '@core/importers/csv-timeline';
import type { SlackExportPreview } from '@core/importers/slack/slack-export';
import type { PickedInput } from './picked-input';
import type { AnyPreview, FormatScore, ImportChoices, ImportSummary, SerializedError } from './worker-protocol';

const TWO_HOURS = 2 * 60 * 60 * 1000;

/** One input in the wizard, from analysis through its result. */
export interface WizardItem {
  input: PickedInput;
  analysing: boolean;
  format: SourceFormat | null;
  scores: FormatScore[];
  preview: AnyPreview | null;
  error: SerializedError | null;
  choices: ImportChoices;
  /** Slack: conversation folder → message count (null: could not be counted). */
  counts: Record<string, number | null>;
  include: boolean;
  result?: { summary?: ImportSummary; error?: SerializedError };
}

/** Default window: the incident from two hours before its start to two hours after resolution. */
export function defaultWindow(incident: Incident): ImportChoices['window'] {
  if (incident.startedAt === null && incident.resolvedAt === null) return undefined;
  return {
    from: incident.startedAt !== null ? incident.startedAt - TWO_HOURS : undefined,
    to: incident.resolvedAt !== null ? incident.resolvedAt + TWO_HOURS : undefined,
  };
}

export function newItem(input: PickedInput, incident: Incident): WizardItem {
  return {
    input,
    analysing: true,
    format: null,
    scores: [],
    preview: null,
    error: null,
    choices: { timeZone: incident.timeZone, window: defaultWindow(incident), ...(incident.startedAt !== null ? { startAt: incident.startedAt } : {}) },
    counts: {},
    include: true,
  };
}

export function isSlackPreview(preview: AnyPreview | null): preview is SlackExportPreview {
  return preview?.format === 'slack-export' && 'conversations' in preview;
}

export function isCsvPreview(preview: AnyPreview | null): preview is CsvTimelinePreview {
  return preview?.format === 'csv-timeline' && 'headers' in preview;
}

/** Whether the item can be imported as it stands. */
export function readyToImport(item: WizardItem): boolean {
  if (!item.include || item.analysing || !item.format || !item.preview) return false;
  if (isSlackPreview(item.preview)) return (item.choices.conversations ?? item.preview.conversations.map((c) => c.id)).length > 0;
  // A CSV whose preview shows errors would fail: Import stays disabled until the user fixes them.
  if (isCsvPreview(item.preview)) return item.preview.mapping.time !== null && item.preview.errors.length === 0;
  return true;
}

/** What the Import button would do now. */
export interface ImportPlan {
  /** The items an import takes, in their order. */
  ready: WizardItem[];
  /** Included items whose file is still being checked: Import waits for them. */
  checking: WizardItem[];
  canImport: boolean;
}

/**
 * Import waits until every included file has been checked: a click while one is still being
 * read would otherwise leave that file out without a word (it is not "ready" yet).
 */
export function importPlan(items: readonly WizardItem[]): ImportPlan {
  const ready = items.filter(readyToImport);
  const checking = items.filter((item) => item.include && item.analysing);
  return { ready, checking, canImport: ready.length > 0 && checking.length === 0 };
}
