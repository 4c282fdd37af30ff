/**
 * slackdump (github.com/rusq/slackdump), the tool people use to save Slack without admin rights:
 * - `slackdump dump`: one `<channel id>.json` per conversation, `{channel_id, name, thread_ts?,
 *   messages[]}`, each message a Slack API message whose thread rides along as
 *   `slackdump_thread_replies[]`;
 * - its chunk archive (v3.0 `archive`, and `convert -f chunk`): a folder of `<id>.json.gz` (or
 *   `.jsonl`) files, one JSON chunk a line, `{t, ts, id, r?, p?, m[], u[], ch[], ci?}` where `t` 0
 *   is a channel's messages, 1 a thread's, 3 users, 4 channels, 5 one channel's info;
 * - `slackdump export` writes a standard Slack export ZIP, which the Slack importer reads.
 * - its newer `archive` output, a SQLite database (`slackdump.sqlite`), read with sql.js
 *   (slackdump-sqlite.ts).
 * Messages are converted exactly as Slack exports' are.
 */
import { Gunzip } from 'fflate';
import { z } from 'zod';
import type { ImportInput } from './byte-source';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ActorRef, ImportedEvent, ImportWarning, ParseResult } from './imported-records';
import { checkpoint, inputName, throwIfAborted, type BaseImportOptions, type ImportHooks, type Importer, type ImportPreview } from './importer';
import { inputFiles, readTextFile, type InputFile } from './input-files';
import { isJsonObject, parseJsonText, validateShape } from './json-input';
import { limitExceeded, resolveLimits, type ImportLimits } from './limits';
import type { SlackConversation } from './slack/conversations';
import { messageToEvent, NOTICE_SUBTYPES, type MessageContext } from './slack/messages';
import { SkipCounter, SKIP_REASON } from './slack/skip-counter';
import { slackChannelSchema, slackMessageSchema, slackUserSchema, type SlackMessage, type SlackUser } from './slack/slack-schemas';
import { orderAndDedupe, replyCounts, type LocatedMessage } from './slack/threads';
import { UserDirectory } from './slack/users';
import { looksLikeSlackdumpDatabase, readSlackdumpDatabase } from './slackdump-sqlite';
import { decodeUtf8, refuseBinary } from './text-decode';

const FORMAT = 'slackdump';
const SQLITE_MAGIC = 'SQLite format 3\u0000';
const GZIP = [0x1f, 0x8b];
const SNIFF_BYTES = 64 * 1024;
const CHUNK_MESSAGES = 0;
const CHUNK_THREAD = 1;
const CHUNK_USERS = 3;
const CHUNK_CHANNELS = 4;
const CHUNK_CHANNEL_INFO = 5;

const dumpSchema = z.looseObject({ channel_id: z.string().min(1), name: z.string().nullish(), thread_ts: z.string().nullish(), messages: z.array(z.unknown()) });
const chunkSchema = z.looseObject({
  t: z.number(),
  id: z.string().nullish(),
  p: z.unknown().nullish(),
  m: z.array(z.unknown()).nullish(),
  u: z.array(z.unknown()).nullish(),
  ch: z.array(z.unknown()).nullish(),
  ci: z.unknown().nullish(),
});

interface Conversation {
  id: string;
  name: string;
  members: string[];
  messages: LocatedMessage[];
}

/** The bytes of a file, gunzipped when gzip, stopping at the first chunk over the one-file cap. */
async function readMaybeGzip(file: InputFile, limits: ImportLimits): Promise<Uint8Array> {
  const bytes = await file.read(limits);
  if (bytes[0] !== GZIP[0] || bytes[1] !== GZIP[1]) return bytes;
  const parts: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limits.maxEntryBytes) throw limitExceeded('maxEntryBytes', limits.maxEntryBytes, file.where);
    parts.push(chunk);
  });
  try {
    gunzip.push(bytes, true);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('TRUNCATED_ARCHIVE', 'the gzip file is damaged or cut short', file.where, { cause: error });
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function readText(file: InputFile, limits: ImportLimits): Promise<{ text: string; warnings: ImportWarning[] }> {
  if (!/\.gz$/i.test(file.label)) return readTextFile(file, limits);
  const bytes = await readMaybeGzip(file, limits);
  refuseBinary(bytes, file.where);
  return { text: decodeUtf8(bytes).text, warnings: [] };
}

/** The first bytes a gzip file's start inflates to (at most 64 KB), for sniffing; empty when it is not gzip after all. */
function gunzipStart(head: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    if (total >= SNIFF_BYTES) return;
    parts.push(chunk);
    total += chunk.length;
  });
  try {
    // Not final: the head is only the start of the file.
    gunzip.push(head, false);
  } catch {
    return new Uint8Array(0);
  }
  const out = new Uint8Array(Math.min(total, SNIFF_BYTES));
  let offset = 0;
  for (const part of parts) {
    if (offset >= out.length) break;
    out.set(part.subarray(0, out.length - offset), offset);
    offset += part.length;
  }
  return out;
}

function isSqlite(head: Uint8Array): boolean {
  return decodeUtf8(head.subarray(0, 16)).text === SQLITE_MAGIC;
}

async function parseSlackdump(input: ImportInput, options: BaseImportOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const file = inputName(input);
  const warnings: ImportWarning[] = [];
  const users: SlackUser[] = [];
  const conversations = new Map<string, Conversation>();
  const conversation = (id: string): Conversation => {
    let found = conversations.get(id);
    if (!found) {
      found = { id, name: '', members: [], messages: [] };
      conversations.set(id, found);
    }
    return found;
  };
  const addMessage = (target: Conversation, raw: unknown, where: ImportErrorLocation, field: string, index: number) => {
    const message = validateShape(slackMessageSchema, raw, where, field);
    target.messages.push({ message, entry: where.entry ?? where.file, index });
    const replies = (raw as { slackdump_thread_replies?: unknown }).slackdump_thread_replies;
    if (Array.isArray(replies)) addMessages(target, replies, where, `${field}.slackdump_thread_replies`);
  };
  const addMessages = (target: Conversation, list: readonly unknown[], where: ImportErrorLocation, field: string) => {
    list.forEach((raw, index) => addMessage(target, raw, where, `${field}[${index}]`, index));
  };
  const addChannel = (raw: unknown, where: ImportErrorLocation, field?: string) => {
    const info = validateShape(slackChannelSchema.partial({ name: true }), raw, where, field);
    const target = conversation(info.id);
    target.name ||= info.name ?? '';
    // A DM's channel object names the other person.
    const user = (raw as { user?: unknown }).user;
    if (typeof user === 'string' && target.members.length === 0) target.members = [user];
  };
  let sqliteRows = 0;
  let recognised = 0;

  for (const entry of inputFiles(input)) {
    throwIfAborted(hooks.signal, entry.where);
    if (!/\.(json|jsonl|json\.gz|jsonl\.gz|sqlite)$/i.test(entry.label) && input.kind === 'folder') continue;
    if (isSqlite(await entry.head(16))) {
      recognised++;
      await readSlackdumpDatabase(
        entry,
        limits,
        {
          // Each row's location names its table and key as the field, the base of any path inside DATA.
          user: (raw, where) => users.push(validateShape(slackUserSchema, raw, where, where.field)),
          channel: (raw, where) => addChannel(raw, where, where.field),
          member: (channelId, userId) => {
            const target = conversation(channelId);
            if (!target.members.includes(userId)) target.members.push(userId);
          },
          message: (channelId, raw, where) => addMessage(conversation(channelId), raw, where, where.field ?? '', sqliteRows++),
        },
        hooks.signal,
      );
      continue;
    }
    const { text, warnings: readWarnings } = await readText(entry, limits);
    warnings.push(...readWarnings);
    const trimmed = text.replace(/^\ufeff/, '').trimStart();
    if (trimmed.startsWith('[')) {
      // A users or channels list saved next to a dump (`slackdump list users -o users.json`).
      const value = parseJsonText(trimmed, entry.where, limits);
      if (!Array.isArray(value)) continue;
      for (const [index, item] of value.entries()) {
        if (!isJsonObject(item) || typeof item.id !== 'string') continue;
        if (/^[UW]/.test(item.id) && ('profile' in item || 'real_name' in item)) users.push(validateShape(slackUserSchema, item, entry.where, `[${index}]`));
        else if ('name' in item && /^[CGD]/.test(item.id)) {
          const channel = validateShape(slackChannelSchema, item, entry.where, `[${index}]`);
          conversation(channel.id).name ||= channel.name;
        }
      }
      continue;
    }
    const firstLine = trimmed.slice(0, trimmed.indexOf('\n') === -1 ? undefined : trimmed.indexOf('\n'));
    if (/^\{\s*"t"\s*:/.test(firstLine) || /\.jsonl?\.gz$|\.jsonl$/i.test(entry.label)) {
      recognised++;
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (i % 500 === 0) await checkpoint(hooks.signal, entry.where);
        const line = lines[i] ?? '';
        if (line.trim() === '') continue;
        const where = { ...entry.where, line: i + 1 };
        const chunk = validateShape(chunkSchema, parseJsonText(line, where, limits), where);
        if (chunk.t === CHUNK_MESSAGES || chunk.t === CHUNK_THREAD) {
          if (!chunk.id) throw new ImportError('WRONG_SHAPE', 'a message chunk names no channel', { ...where, field: 'id' });
          addMessages(conversation(chunk.id), chunk.m ?? [], where, 'm');
        } else if (chunk.t === CHUNK_USERS) {
          (chunk.u ?? []).forEach((user, index) => users.push(validateShape(slackUserSchema, user, where, `u[${index}]`)));
        } else if (chunk.t === CHUNK_CHANNELS || chunk.t === CHUNK_CHANNEL_INFO) {
          const list = chunk.t === CHUNK_CHANNELS ? (chunk.ch ?? []) : chunk.ci ? [chunk.ci] : [];
          list.forEach((raw, index) => addChannel(raw, where, chunk.t === CHUNK_CHANNELS ? `ch[${index}]` : 'ci'));
        }
      }
      continue;
    }
    const value = parseJsonText(text, entry.where, limits);
    if (!isJsonObject(value) || !('channel_id' in value) || !('messages' in value)) {
      if (input.kind === 'folder') continue;
      throw new ImportError('WRONG_SHAPE', 'expected a slackdump dump (an object with "channel_id" and "messages")', { ...entry.where, field: 'channel_id' });
    }
    recognised++;
    const dump = validateShape(dumpSchema, value, entry.where);
    const target = conversation(dump.channel_id);
    target.name ||= dump.name ?? '';
    addMessages(target, dump.messages, entry.where, 'messages');
  }
  if (recognised === 0) throw new ImportError('EMPTY', 'no slackdump dump or archive files found', { file });

  const directory = new UserDirectory(users);
  const skipped = new SkipCounter();
  const events: ImportedEvent[] = [];
  const actors = new Map<string, ActorRef>();
  const channelNames = new Map([...conversations.values()].filter((c) => c.name && !c.id.startsWith('D')).map((c) => [c.id, c.name]));
  const names = { user: (id: string) => directory.displayName(id), channel: (id: string) => channelNames.get(id) ?? null };
  for (const item of conversations.values()) {
    await checkpoint(hooks.signal, { file });
    const { unique, duplicates } = orderAndDedupe(item.messages);
    skipped.add(SKIP_REASON.duplicateTs, duplicates);
    const replies = replyCounts(unique);
    directory.learnBots(unique.map(({ message }) => message));
    const isDm = item.id.startsWith('D');
    const label = isDm ? `DM: ${item.members.map((id) => directory.displayName(id)).join(', ') || item.name || item.id}` : item.name ? `#${item.name}` : item.id;
    const slackConversation: SlackConversation = { id: item.id, folder: item.name || item.id, label, kind: isDm ? 'dm' : 'channel', memberIds: item.members, dayFiles: [] };
    const context: MessageContext = { conversation: slackConversation, names, users: directory, limits, skipped };
    for (const { message, entry, index } of unique) {
      if (NOTICE_SUBTYPES.has(message.subtype ?? '')) {
        skipped.add(SKIP_REASON.changeNotice);
        continue;
      }
      const converted = messageToEvent(message as SlackMessage, context, { file, entry, field: `[${index}]` });
      if (!converted) continue;
      const event = asSlackdump(converted.event);
      event.replyCount = event.threadParentKey === null ? (replies.get(message.ts) ?? 0) : 0;
      if (converted.actor) actors.set(converted.actor.externalId, { ...converted.actor, sourceFormat: FORMAT });
      events.push(event);
    }
  }
  if (events.length === 0) throw new ImportError('EMPTY', 'the slackdump files hold no messages', { file });
  events.sort((a, b) => a.at - b.at);
  return { format: FORMAT, events, actors: [...actors.values()], warnings, skipped: skipped.toArray() };
}

/** The Slack converter's event under slackdump's own keys (same conversation id and ts). */
function asSlackdump(event: ImportedEvent): ImportedEvent {
  const rekey = (key: string) => `${FORMAT}:${key.slice(key.indexOf(':') + 1)}`;
  return { ...event, sourceFormat: FORMAT, dedupeKey: rekey(event.dedupeKey), threadParentKey: event.threadParentKey === null ? null : rekey(event.threadParentKey) };
}

async function detectSlackdump(input: ImportInput): Promise<number> {
  let best = 0;
  for (const file of inputFiles(input).slice(0, 20)) {
    try {
      const head = await file.head(64 * 1024);
      if (looksLikeSlackdumpDatabase(head)) return 0.95;
      const isGzip = head[0] === GZIP[0] && head[1] === GZIP[1];
      const text = decodeUtf8(isGzip ? gunzipStart(head) : head).text.replace(/^\ufeff/, '').trimStart();
      if (/^\{\s*"channel_id"\s*:/.test(text) && /"messages"\s*:\s*\[/.test(text)) best = Math.max(best, 0.9);
      else if (/^\{\s*"t"\s*:\s*\d+\s*,\s*"ts"\s*:\s*\d+/.test(text)) best = Math.max(best, 0.9);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
  return best;
}

export const slackdumpImporter: Importer = {
  id: FORMAT,
  label: 'slackdump (dump, chunk or SQLite archive)',
  detect: detectSlackdump,
  async preview(input: ImportInput, options: BaseImportOptions): Promise<ImportPreview> {
    const result = await parseSlackdump(input, options);
    return { format: FORMAT, sample: result.events.slice(0, 10), eventCount: result.events.length, warnings: result.warnings };
  },
  parse: parseSlackdump,
};
