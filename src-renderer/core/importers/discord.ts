/**
 * DiscordChatExporter JSON (`DiscordChatExporter.Cli export -f Json`, one file per channel, or
 * several picked together or as a folder): `{guild, channel, dateRange, exportedAt, messages[],
 * messageCount}`. A message has a snowflake `id` (kept as text: it is the dedupe id), a `type`
 * (`Default`, `Reply`, or a system notice such as `ChannelPinnedMessage`), `timestamp` in ISO 8601
 * with the exporter's offset, `content` with mentions already rendered, `author{id,name,nickname,
 * isBot}`, `attachments[]`, `embeds[]`, `reactions[{emoji{name},count}]` and, for replies,
 * `reference{messageId}`.
 */
import { z } from 'zod';
import type { EventKind } from '../model/event';
import type { ImportInput } from './byte-source';
import { links, ResultCollector, webLink } from './event-builder';
import { ImportError, type ImportErrorLocation } from './import-error';
import type { ParseResult } from './imported-records';
import { type BaseImportOptions, type Importer, type ImportHooks, inputName, previewOf, throwIfAborted } from './importer';
import { inputFiles, sniffText } from './input-files';
import { streamJsonObject, type StreamedItem } from './json-stream';
import { isJsonObject, validateShape } from './json-input';
import { resolveLimits } from './limits';
import { parseTimestamp } from './timestamps';

const text = z.string().nullish();
const authorSchema = z.looseObject({ id: z.string(), name: text, nickname: text, isBot: z.boolean().nullish() });
const messageSchema = z.looseObject({
  id: z.string().min(1),
  type: text,
  timestamp: z.string(),
  timestampEdited: text,
  content: text,
  author: authorSchema,
  attachments: z.array(z.looseObject({ url: text, fileName: text })).nullish(),
  embeds: z.array(z.looseObject({ title: text, url: text, description: text })).nullish(),
  reactions: z.array(z.looseObject({ emoji: z.looseObject({ name: text, code: text }), count: z.number().nullish() })).nullish(),
  reference: z.looseObject({ messageId: text }).nullish(),
  mentions: z.array(z.looseObject({ name: text, nickname: text })).nullish(),
});
const channelSchema = z.looseObject({ name: text, category: text });

/** What Discord shows for a system notice whose `content` is empty. */
const NOTICE: Record<string, string> = {
  ChannelPinnedMessage: 'Pinned a message',
  GuildMemberJoin: 'Joined the server',
  ThreadCreated: 'Started a thread',
  RecipientAdd: 'Added someone to the group',
  RecipientRemove: 'Removed someone from the group',
  Call: 'Started a call',
  ChannelNameChange: 'Changed the channel name',
  ChannelIconChange: 'Changed the channel icon',
};

function kindOf(type: string | null | undefined): EventKind {
  return !type || type === 'Default' || type === 'Reply' ? 'message' : 'system';
}

interface DiscordContext {
  collector: ResultCollector;
  zone: { timeZone?: string };
  where: ImportErrorLocation;
}

function addMessage(context: DiscordContext, raw: unknown, index: number, line: number, channelName: string): void {
  const field = `messages[${index}]`;
  const where = { ...context.where, line };
  const message = validateShape(messageSchema, raw, where, field);
  const time = parseTimestamp(message.timestamp, { ...where, field: `${field}.timestamp` }, context.zone);
  const author = message.author;
  const name = author.nickname || author.name || author.id;
  context.collector.addActor(author.id, name, null, author.isBot === true);
  const attachments = (message.attachments ?? []).map((attachment) => ({
    name: attachment.fileName || 'attachment',
    url: webLink(attachment.url, attachment.fileName || 'attachment')?.url ?? null,
  }));
  const embeds = message.embeds ?? [];
  let body = message.content ?? '';
  if (body === '' && embeds.length > 0) body = embeds.map((embed) => [embed.title, embed.description].filter(Boolean).join(': ')).filter(Boolean).join('\n');
  if (body === '' && attachments.length > 0) body = `Shared ${attachments.map((attachment) => attachment.name).join(', ')}`;
  if (body === '' && message.type) body = NOTICE[message.type] ?? message.type;
  context.collector.addEvent(
    {
      kind: kindOf(message.type),
      originalId: message.id,
      at: time.at,
      originalTime: time.original,
      text: body,
      actorExternalId: author.id,
      actorName: name,
      channel: channelName,
      links: links(...embeds.map((embed) => webLink(embed.url, embed.title || 'Link'))),
      edited: !!message.timestampEdited,
      reactions: (message.reactions ?? []).map((reaction) => ({ name: reaction.emoji.code || reaction.emoji.name || '?', count: reaction.count ?? 1 })),
      attachments,
      // DiscordChatExporter writes mentions as "@Nickname" (or "@name"): those names, as they appear.
      mentions: (message.mentions ?? []).map((person) => person.nickname || person.name || '').filter((who) => who !== '' && body.includes(`@${who}`)),
      raw,
    },
    where,
  );
}

/**
 * A channel export is read as a stream (json-stream.ts): a 100k-message channel is ~100 MB, over
 * the one-file cap, and only one message at a time is held as bytes. DiscordChatExporter writes
 * `channel` before `messages`; messages met before it wait for it.
 */
async function parseDiscord(input: ImportInput, options: BaseImportOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('discord', limits);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const files = inputFiles(input).filter((file) => input.kind === 'file' || /\.json$/i.test(file.label));
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  let bytesBefore = 0;
  let found = false;
  for (const [fileIndex, file] of files.entries()) {
    throwIfAborted(hooks.signal, file.where);
    const skippable = input.kind === 'folder' && files.length > 1;
    const notDiscord = new ImportError('WRONG_SHAPE', 'expected a DiscordChatExporter JSON export (an object with "channel" and "messages")', { ...file.where, field: 'messages' });
    const context: DiscordContext = { collector, zone, where: file.where };
    const waiting: StreamedItem[] = [];
    let channelName: string | null = null;
    const channelOf = (members: Readonly<Record<string, unknown>>): string | null => {
      if (channelName === null && isJsonObject(members.channel)) channelName = validateShape(channelSchema, members.channel, file.where, 'channel').name ?? '';
      return channelName;
    };
    let streamed;
    try {
      streamed = await streamJsonObject(
        file,
        'messages',
        (item, members) => {
          const channel = channelOf(members);
          if (channel === null) waiting.push(item);
          else addMessage(context, item.value, item.index, item.line, channel);
        },
        {
          limits,
          ...(hooks.signal ? { signal: hooks.signal } : {}),
          onBytes: (done) => hooks.onProgress?.({ filesDone: fileIndex, filesTotal: files.length, bytesDone: bytesBefore + done, bytesTotal, events: collector.eventCount }),
          notAnObject: () => notDiscord,
        },
      );
    } catch (error) {
      if (error !== notDiscord || !skippable) throw error;
      collector.skip('file that is not a DiscordChatExporter channel');
      continue;
    }
    bytesBefore += file.size;
    streamed.warnings.forEach((warning) => collector.warn(warning));
    const channel = channelOf(streamed.members);
    if (!streamed.found || channel === null) {
      if (skippable) {
        collector.skip('file that is not a DiscordChatExporter channel');
        continue;
      }
      throw notDiscord;
    }
    found = true;
    for (const item of waiting) addMessage(context, item.value, item.index, item.line, channel);
  }
  if (!found || collector.eventCount === 0) throw new ImportError('EMPTY', found ? 'the Discord export holds no messages' : 'no DiscordChatExporter channel export found', { file: inputName(input) });
  return collector.result();
}

async function detectDiscord(input: ImportInput): Promise<number> {
  let best = 0;
  for (const file of inputFiles(input).slice(0, 10)) {
    try {
      const head = (await sniffText(file, 16 * 1024)).replace(/^\ufeff/, '').trimStart();
      if (!head.startsWith('{') || !/"messages"\s*:\s*\[/.test(head) || !/"channel"\s*:\s*\{/.test(head)) continue;
      const dce = /"guild"\s*:\s*\{/.test(head) && /"exportedAt"\s*:/.test(head);
      best = Math.max(best, dce ? 0.95 : /"author"\s*:\s*\{/.test(head) ? 0.6 : 0.4);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
  return best;
}

/**
 * The channel a DiscordChatExporter file's head names (`guild.id` and `channel.id`, which the
 * exporter writes before any message): files of one channel (its `--partition` pages, or the same
 * channel exported twice) share it. Null when the head is not a DiscordChatExporter export.
 */
export function discordChannelKey(head: string): string | null {
  const text = head.replace(/^\ufeff/, '').trimStart();
  if (!text.startsWith('{') || !/"guild"\s*:\s*\{/.test(text) || !/"exportedAt"\s*:/.test(text)) return null;
  const guild = /"guild"\s*:\s*\{\s*"id"\s*:\s*"([^"]*)"/.exec(text)?.[1];
  const channel = /"channel"\s*:\s*\{\s*"id"\s*:\s*"([^"]*)"/.exec(text)?.[1];
  return guild !== undefined && channel !== undefined ? `${guild}/${channel}` : null;
}

export const discordImporter: Importer = {
  id: 'discord',
  label: 'Discord (DiscordChatExporter JSON)',
  detect: detectDiscord,
  preview: (input: ImportInput, options: BaseImportOptions) => previewOf('discord', parseDiscord(input, options)),
  parse: parseDiscord,
};
