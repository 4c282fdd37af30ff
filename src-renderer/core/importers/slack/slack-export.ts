/**
 * Slack workspace export importer (ZIP or unpacked folder).
 *
 * Decisions worth knowing when reading the results:
 * - A conversation's day files are a bag: their names' zone is undocumented, so they only serve
 *   to skip whole files (±1 day margin); messages are ordered and windowed by their own `ts`.
 * - `ts` stays the message id (`originalTime`, dedupeKey `slack-export:<conversation id>:<ts>`).
 * - Joins, leaves, topic/purpose/name changes and pins become 'system' events (who joined when
 *   is the Assemble stage); edit/delete notices (`message_changed` …) are skipped and counted.
 * - Text is plain: mrkdwn tokens become names and links, formatting markers stay as typed,
 *   `rich_text` blocks win over `text` when present.
 * - Preview reads only the top-level lists; `countMessages` reads one conversation on demand.
 */
import type { ImportInput, VirtualFolder } from '../byte-source';
import { ImportError } from '../import-error';
import type { ActorRef, ImportedEvent, ImportWarning, ParseResult } from '../imported-records';
import { inputName, throwIfAborted, type BaseImportOptions, type ImportHooks, type Importer, type ImportPreview } from '../importer';
import { resolveLimits } from '../limits';
import { decodeUtf8 } from '../text-decode';
import { dayFilesFor, readDayFiles } from './conversation-reader';
import { mentionNames, readCatalog, type SlackCatalog, type SlackConversation, type SlackConversationKind } from './conversations';
import { DAY_FILE_MARGIN_DAYS, dayFileMayOverlap, inWindow, type TimeWindow } from './day-files';
import { findExportLayout } from './export-layout';
import { messageToEvent, NOTICE_SUBTYPES, type MessageContext } from './messages';
import { mayBeZip, openSlackInput } from './open-input';

export { openSlackInput };
import { folderBudget, type EntryContext } from './read-entry';
import { SKIP_REASON, SkipCounter } from './skip-counter';
import { orderAndDedupe, replyCounts } from './threads';
import { slackTsToMs } from './slack-ts';

export interface SlackImportOptions extends BaseImportOptions {
  /** Conversation ids (SlackConversationSummary.id) to import; all when absent. */
  conversations?: readonly string[];
  /** Only messages whose time falls inside [from, to] (UTC ms, inclusive) are imported. */
  window?: TimeWindow;
}

export interface SlackConversationSummary {
  id: string;
  folder: string;
  label: string;
  kind: SlackConversationKind;
  memberIds: string[];
  dayFileCount: number;
  /** First and last `YYYY-MM-DD` in day-file names (zone unknown: see `dayFileZone`). */
  firstDay: string | null;
  lastDay: string | null;
  /** Uncompressed bytes of its day files as the archive declares them: a size hint for the UI. */
  declaredBytes: number;
}

export interface SlackExportPreview extends ImportPreview {
  format: 'slack-export';
  conversations: SlackConversationSummary[];
  users: ActorRef[];
  /** Day-file names carry a date in an undocumented zone; filtering by name allows this margin. */
  dayFileZone: { known: false; marginDays: number; note: string };
}

const DAY_FILE_ZONE_NOTE =
  'Slack does not document the time zone of day-file names; each file is treated as covering its date ±1 day and messages are placed by their own timestamps.';

/** Confidence from entry names alone: top-level lists plus `<folder>/YYYY-MM-DD.json` day files. */
export async function detectSlackExport(input: ImportInput): Promise<number> {
  try {
    if (!(await mayBeZip(input))) return 0;
    const layout = findExportLayout(await openSlackInput(input, {}));
    const lists = ['users.json', 'channels.json', 'org_users.json', 'groups.json', 'dms.json', 'mpims.json'].filter((name) =>
      layout.topLevel.has(name as never),
    ).length;
    const hasDays = layout.folders.size > 0;
    if (lists > 0 && hasDays) return 0.95;
    if (lists >= 2) return 0.7;
    if (lists === 1) return 0.4;
    // Day files alone (an export trimmed to its conversation folders): look inside one.
    if (hasDays && (await dayFileLooksLikeSlack(layout))) return 0.8;
    return 0;
  } catch {
    return 0;
  }
}

const SNIFF_DAY_FILE_BYTES = 4 * 1024 * 1024;

/** The smallest day file is a JSON array of objects with a Slack `ts` string. */
async function dayFileLooksLikeSlack(layout: ReturnType<typeof findExportLayout>): Promise<boolean> {
  const days = [...layout.folders.values()].flat().sort((a, b) => a.entry.size - b.entry.size);
  const smallest = days[0];
  if (!smallest || smallest.entry.size > SNIFF_DAY_FILE_BYTES) return false;
  const bytes = await (smallest.entry.readPrefix ? smallest.entry.readPrefix(SNIFF_DAY_FILE_BYTES + 1) : smallest.entry.read());
  if (bytes.length > SNIFF_DAY_FILE_BYTES) return false;
  const text = decodeUtf8(bytes.subarray(0, 64 * 1024)).text.trimStart();
  return text.startsWith('[') && (/^\[\s*\]$/.test(text) || /"ts"\s*:\s*"\d+\.\d+"/.test(text));
}

/** Conversations, people and day-file spans, reading only the small top-level lists. */
export async function previewSlackExport(input: ImportInput, options: SlackImportOptions = {}): Promise<SlackExportPreview> {
  const limits = resolveLimits(options.limits);
  const folder = await openSlackInput(input, limits);
  const warnings: ImportWarning[] = [];
  const catalog = await loadCatalog(folder, { file: inputName(input), limits, warnings, budget: folderBudget(folder, limits) });
  return {
    format: 'slack-export',
    // Day files are not decompressed in a preview; countMessages fills counts in per conversation.
    sample: [],
    eventCount: null,
    warnings,
    conversations: catalog.conversations.map(summarize),
    users: catalog.users.listed(),
    dayFileZone: { known: false, marginDays: DAY_FILE_MARGIN_DAYS, note: DAY_FILE_ZONE_NOTE },
  };
}

/**
 * Messages one conversation would import within the time window, if one is given (edit/delete
 * notices, duplicate ts and unreadable timestamps left out, as the import leaves them out). Reads
 * only that conversation's day files (not even users.json), and of those only the ones the window
 * may reach, so the UI can fill counts in one conversation at a time; open a ZIP once with
 * `openSlackInput` and pass its folder. `hooks.signal` stops it between two day files (CANCELLED):
 * a count still running when the user presses Import would take the worker from the import.
 */
export async function countMessages(
  folder: VirtualFolder,
  conversation: Pick<SlackConversationSummary, 'folder'>,
  options: BaseImportOptions & { window?: TimeWindow } = {},
  hooks: Pick<ImportHooks, 'signal'> = {},
): Promise<number> {
  const limits = resolveLimits(options.limits);
  const context: EntryContext = { file: folder.name, limits, warnings: [], budget: folderBudget(folder, limits) };
  const days = (findExportLayout(folder).folders.get(conversation.folder) ?? []).filter((day) => dayFileMayOverlap(day.date, options.window));
  const { unique } = orderAndDedupe(await readDayFiles(days, context, { isCancelled: () => hooks.signal?.aborted === true }));
  return unique.filter(({ message }) => {
    if (NOTICE_SUBTYPES.has(message.subtype ?? '')) return false;
    const at = slackTsToMs(message.ts);
    return at !== null && inWindow(at, options.window);
  }).length;
}

/** Messages converted between two progress reports (a report is a clock read when the caller throttles). */
const REPORT_EVERY_MESSAGES = 1000;

export async function parseSlackExport(input: ImportInput, options: SlackImportOptions = {}, hooks: ImportHooks = {}): Promise<ParseResult> {
  const file = inputName(input);
  const limits = resolveLimits(options.limits);
  const warnings: ImportWarning[] = [];
  const folder = await openSlackInput(input, limits);
  const context: EntryContext = { file, limits, warnings, budget: folderBudget(folder, limits) };
  const catalog = await loadCatalog(folder, context);
  const chosen = chooseConversations(catalog, options.conversations, warnings);
  const window = options.window;
  const plan = chosen.map((conversation) => ({ conversation, days: dayFilesFor(conversation, window) }));
  const filesTotal = plan.reduce((sum, item) => sum + item.days.length, 0);
  const bytesTotal = plan.reduce((sum, item) => sum + item.days.reduce((bytes, day) => bytes + day.entry.size, 0), 0);

  const skipped = new SkipCounter();
  const events: ImportedEvent[] = [];
  const actors = new Map<string, ActorRef>();
  const names = mentionNames(catalog);
  let filesDone = 0;
  let bytesDone = 0;
  const report = () => hooks.onProgress?.({ filesDone, filesTotal, bytesDone, bytesTotal, events: events.length });
  // The line says "Reading" as soon as the day files are known, not once the first one is read.
  report();

  for (const { conversation, days } of plan) {
    throwIfAborted(hooks.signal, { file });
    const read = await readDayFiles(days, context, {
      isCancelled: () => hooks.signal?.aborted === true,
      onFileDone: (bytes) => {
        filesDone++;
        bytesDone += bytes;
        report();
      },
    });
    const { unique, duplicates } = orderAndDedupe(read);
    skipped.add(SKIP_REASON.duplicateTs, duplicates);
    const replies = replyCounts(unique);
    catalog.users.learnBots(unique.map(({ message }) => message));
    const messageContext: MessageContext = { conversation, names, users: catalog.users, limits, skipped };
    for (let i = 0; i < unique.length; i++) {
      const { message, entry, index } = unique[i];
      // A conversation of thousands of messages is converted after its last day file: the line
      // keeps moving through it (the events count grows) instead of standing still.
      if (i % REPORT_EVERY_MESSAGES === REPORT_EVERY_MESSAGES - 1) report();
      if (NOTICE_SUBTYPES.has(message.subtype ?? '')) {
        skipped.add(SKIP_REASON.changeNotice);
        continue;
      }
      const converted = messageToEvent(message, messageContext, { file, entry, field: `[${index}]` });
      if (!converted) continue;
      if (!inWindow(converted.event.at, window)) {
        skipped.add(SKIP_REASON.outsideWindow);
        continue;
      }
      converted.event.replyCount = converted.event.threadParentKey === null ? (replies.get(message.ts) ?? 0) : 0;
      if (converted.actor) actors.set(converted.actor.externalId, converted.actor);
      events.push(converted.event);
    }
    report();
  }
  if (events.length === 0 && catalog.conversations.length === 0) {
    throw new ImportError('EMPTY', 'this Slack export holds no conversations', { file });
  }
  if (events.length === 0) {
    const why = nothingImportedReason(chosen, skipped, window !== undefined && (window.from !== undefined || window.to !== undefined));
    if (why) warnings.push({ message: why });
  }
  events.sort((a, b) => a.at - b.at);
  return { format: 'slack-export', events, actors: [...actors.values()], warnings, skipped: skipped.toArray() };
}

async function loadCatalog(folder: VirtualFolder, context: EntryContext): Promise<SlackCatalog> {
  const catalog = await readCatalog(folder, context);
  if (catalog.layout.topLevel.size === 0 && catalog.layout.folders.size === 0) {
    throw new ImportError('UNKNOWN_FORMAT', 'not a Slack export: no users.json, channels.json or day files found', { file: context.file });
  }
  return catalog;
}

function chooseConversations(catalog: SlackCatalog, ids: readonly string[] | undefined, warnings: ImportWarning[]): SlackConversation[] {
  if (!ids) return catalog.conversations;
  const wanted = new Set(ids);
  const chosen = catalog.conversations.filter((conversation) => wanted.has(conversation.id));
  for (const id of wanted) {
    if (!chosen.some((conversation) => conversation.id === id)) warnings.push({ message: `conversation ${id} is not in this export` });
  }
  return chosen;
}

/** Why an import of this export adds nothing, in the user's words, or null when it is plain. */
function nothingImportedReason(chosen: readonly SlackConversation[], skipped: SkipCounter, windowed: boolean): string | null {
  if (chosen.length === 0) return 'no conversation was chosen, so nothing was imported';
  const empty = chosen.filter((conversation) => conversation.dayFiles.length === 0);
  if (empty.length === chosen.length) {
    const direct = empty.filter((conversation) => conversation.kind === 'dm' || conversation.kind === 'group-dm').length;
    const what = direct === empty.length ? (direct === 1 ? '1 direct message' : `${direct} direct messages`) : empty.length === 1 ? '1 conversation' : `${empty.length} conversations`;
    return `nothing to import: the export lists ${what} but holds none of ${empty.length === 1 ? 'its' : 'their'} messages (Slack's standard export leaves direct messages and private channels out; a workspace owner can export all conversations)`;
  }
  const dates = chosen.flatMap((conversation) => conversation.dayFiles.map((day) => day.date)).sort();
  const span = dates.length > 0 ? ` (the chosen conversations run from ${dates[0]} to ${dates[dates.length - 1]})` : '';
  if (skipped.get(SKIP_REASON.outsideWindow) > 0 || windowed) return `no message falls inside the time window${span}; widen it, or leave it empty, to import them`;
  return null;
}

function summarize(conversation: SlackConversation): SlackConversationSummary {
  const days = conversation.dayFiles;
  return {
    id: conversation.id,
    folder: conversation.folder,
    label: conversation.label,
    kind: conversation.kind,
    memberIds: conversation.memberIds,
    dayFileCount: days.length,
    firstDay: days[0]?.date ?? null,
    lastDay: days[days.length - 1]?.date ?? null,
    declaredBytes: days.reduce((sum, day) => sum + day.entry.size, 0),
  };
}

export const slackExportImporter: Importer<SlackImportOptions, SlackExportPreview> = {
  id: 'slack-export',
  label: 'Slack workspace export (ZIP or folder)',
  detect: detectSlackExport,
  preview: previewSlackExport,
  parse: parseSlackExport,
};
