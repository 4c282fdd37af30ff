/**
 * Microsoft Teams messages as Microsoft Graph returns them (`GET /chats/{id}/messages`,
 * `GET /teams/{id}/channels/{id}/messages` and `…/messages/{id}/replies`): `{ "@odata.context",
 * "value": [chatMessage] }`, one page per file; pages picked together or as a folder import as one.
 * A chatMessage has `id`, `replyToId` (channel replies), `messageType` (`message`,
 * `systemEventMessage`), `createdDateTime`, `lastEditedDateTime`, `deletedDateTime`,
 * `from{user|application{id,displayName}}` (null for system events), `body{contentType, content}`
 * (HTML bodies are converted to text, never rendered), `attachments[]`, `reactions[]`.
 */
import { z } from 'zod';
import type { EventKind } from '../model/event';
import type { ImportInput } from './byte-source';
import { links, ResultCollector, webLink } from './event-builder';
import { ImportError } from './import-error';
import type { ParseResult } from './imported-records';
import { type BaseImportOptions, checkpoint, type Importer, type ImportHooks, inputName, previewOf, throwIfAborted } from './importer';
import { inputFiles, readJsonFile, sniffText } from './input-files';
import { isJsonObject, validateShape } from './json-input';
import { resolveLimits } from './limits';
import { teamsHtmlToText } from './teams-html';
import { parseTimestamp } from './timestamps';

const text = z.string().nullish();
const identity = z.looseObject({ id: text, displayName: text }).nullish();
const messageSchema = z.looseObject({
  id: z.string().min(1),
  replyToId: text,
  messageType: text,
  createdDateTime: z.string(),
  lastEditedDateTime: text,
  deletedDateTime: text,
  subject: text,
  from: z.looseObject({ user: identity, application: identity }).nullish(),
  body: z.looseObject({ contentType: text, content: text }).nullish(),
  attachments: z.array(z.looseObject({ name: text, contentUrl: text })).nullish(),
  reactions: z.array(z.looseObject({ reactionType: text, displayName: text })).nullish(),
  eventDetail: z.looseObject({ '@odata.type': text }).nullish(),
  channelIdentity: z.looseObject({ channelId: text }).nullish(),
});
type Message = z.output<typeof messageSchema>;

/** `#microsoft.graph.callEndedEventMessageDetail` → "Call ended". */
function eventDetailText(message: Message): string {
  const type = message.eventDetail?.['@odata.type'] ?? '';
  const name = /([A-Za-z]+)EventMessageDetail$/.exec(type)?.[1];
  if (!name) return 'System event';
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function bodyText(message: Message): { text: string; mentions: string[]; links: { url: string; label: string }[] } {
  const content = message.body?.content ?? '';
  if (message.body?.contentType === 'html') return teamsHtmlToText(content);
  return { text: content.trim(), mentions: [], links: [] };
}

/** Teams' named reactions as the emoji short names the timeline draws; newer ones are the emoji itself. */
const REACTION_EMOJI: Record<string, string> = { like: 'thumbsup', heart: 'heart', laugh: 'laughing', surprised: 'open_mouth', sad: 'cry', angry: 'angry' };

/** Reactions by type (`like`, `heart`, or an emoji), counted. */
function foldReactions(reactions: Message['reactions']): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const reaction of reactions ?? []) {
    const type = reaction.reactionType || reaction.displayName || '?';
    const name = REACTION_EMOJI[type] ?? type;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count }));
}

async function parseTeams(input: ImportInput, options: BaseImportOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('teams', limits);
  const files = inputFiles(input).filter((file) => input.kind === 'file' || /\.json$/i.test(file.label));
  const pages: { file: (typeof files)[number]; records: unknown[]; nextLink: boolean; conversation: string | null; channel?: string }[] = [];
  for (const file of files) {
    throwIfAborted(hooks.signal, file.where);
    const { value, warnings } = await readJsonFile(file, limits);
    warnings.forEach((warning) => collector.warn(warning));
    if (!isJsonObject(value) || !Array.isArray(value.value)) {
      if (input.kind === 'folder' && files.length > 1) {
        collector.skip('file that is not a Graph message list');
        continue;
      }
      throw new ImportError('WRONG_SHAPE', 'expected a Microsoft Graph message list (an object with a "value" list of chatMessages)', { ...file.where, field: 'value' });
    }
    const context = value['@odata.context'];
    pages.push({ file, records: value.value, nextLink: typeof value['@odata.nextLink'] === 'string', conversation: typeof context === 'string' ? conversationOf(context) : null });
  }
  // Graph names no chat or channel in a message: the file the user saved stands for it, and the
  // pages of one conversation (its `@odata.context`; pages naming none count as one) take the
  // name of the first of them.
  const channelOf = new Map<string, string>();
  for (const page of pages) {
    const key = page.conversation ?? '';
    const name = channelOf.get(key) ?? (page.file.where.entry ?? page.file.where.file).replace(/\.json$/i, '');
    channelOf.set(key, name);
    page.channel = name;
  }
  // Replies can come on a later page (or from the replies endpoint) than their parent: count them first.
  const messages: { message: Message; raw: unknown; where: { file: string; entry?: string }; field: string; channel: string }[] = [];
  for (const { file, records, channel = '' } of pages) {
    for (let index = 0; index < records.length; index++) {
      if (index % 2000 === 0) await checkpoint(hooks.signal, file.where);
      const field = `value[${index}]`;
      messages.push({ message: validateShape(messageSchema, records[index], file.where, field), raw: records[index], where: file.where, field, channel });
    }
  }
  const replies = new Map<string, number>();
  for (const { message } of messages) if (message.replyToId) replies.set(message.replyToId, (replies.get(message.replyToId) ?? 0) + 1);
  for (const { message, raw, where, field, channel } of messages) {
    const time = parseTimestamp(message.createdDateTime, { ...where, field: `${field}.createdDateTime` }, options.timeZone ? { timeZone: options.timeZone } : {});
    const person = message.from?.user ?? message.from?.application ?? null;
    const actorId = person?.id ?? null;
    const actorName = person?.displayName || actorId || '';
    if (actorId) collector.addActor(actorId, actorName, null, !message.from?.user && !!message.from?.application);
    const system = message.messageType !== 'message' && message.messageType != null;
    const deleted = !!message.deletedDateTime;
    const body = bodyText(message);
    const attachments = (message.attachments ?? [])
      .filter((attachment) => attachment.name || attachment.contentUrl)
      .map((attachment) => ({ name: attachment.name || 'attachment', url: webLink(attachment.contentUrl, attachment.name || 'attachment')?.url ?? null }));
    let line = system ? eventDetailText(message) : body.text;
    if (message.subject && !system) line = line ? `${message.subject}\n${line}` : message.subject;
    if (line === '' && attachments.length > 0) line = `Shared ${attachments.map((attachment) => attachment.name).join(', ')}`;
    if (deleted && line === '') line = 'This message has been deleted.';
    const kind: EventKind = system ? 'system' : 'message';
    collector.addEvent(
      {
        kind,
        originalId: message.id,
        at: time.at,
        originalTime: time.original,
        text: line,
        actorExternalId: actorId,
        actorName,
        channel,
        links: links(...body.links.map((link) => webLink(link.url, link.label))),
        threadParentKey: message.replyToId ? `teams:${message.replyToId}` : null,
        replyCount: replies.get(message.id) ?? 0,
        edited: !!message.lastEditedDateTime,
        deleted,
        reactions: foldReactions(message.reactions),
        attachments,
        mentions: body.mentions,
        raw,
      },
      { ...where, field },
    );
  }
  const lastPage = pages.at(-1);
  if (lastPage?.nextLink && pages.every((page) => page.nextLink)) {
    collector.warn({ message: 'the Graph response has more pages ("@odata.nextLink"): fetch them too and pick the pages together', entry: lastPage.file.label });
  }
  if (collector.eventCount === 0) throw new ImportError('EMPTY', pages.length > 0 ? 'the Teams message list is empty' : 'no Microsoft Graph message list found', { file: inputName(input) });
  return collector.result();
}

async function detectTeams(input: ImportInput): Promise<number> {
  let best = 0;
  for (const file of inputFiles(input).slice(0, 10)) {
    try {
      const head = (await sniffText(file, 16 * 1024)).replace(/^\ufeff/, '').trimStart();
      if (!head.startsWith('{') || !/"value"\s*:\s*\[/.test(head)) continue;
      const chatMessage = /"messageType"\s*:/.test(head) && /"createdDateTime"\s*:/.test(head);
      if (!chatMessage) continue;
      best = Math.max(best, /graph\.microsoft\.com|"@odata\.context"|"chatId"\s*:/.test(head) ? 0.95 : 0.7);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
  return best;
}

/**
 * The chat or channel an `@odata.context` names, without what follows it: a channel's messages
 * (`#teams('t')/channels('c')/messages`), one message's replies (`…/messages('m')/replies`) and a
 * chat's messages (`#chats('x')/messages`, also under `users('u')/`) of one conversation agree.
 */
function conversationOf(context: string): string | null {
  return /#(?:users\('[^']*'\)\/)?(teams\('[^']*'\)\/channels\('[^']*'\)|chats\('[^']*'\))/.exec(context)?.[1] ?? null;
}

/**
 * The conversation a Graph message page's head belongs to, so that its pages picked one by one
 * import as one source: the `@odata.context` (written first), else the first message's `chatId`
 * or channel. Pages naming none of these group together. Null when the head is not such a page.
 */
export function teamsConversationKey(head: string): string | null {
  const text = head.replace(/^\ufeff/, '').trimStart();
  if (!text.startsWith('{') || !/"value"\s*:\s*\[/.test(text) || !/"messageType"\s*:/.test(text) || !/"createdDateTime"\s*:/.test(text)) return null;
  const context = /"@odata\.context"\s*:\s*"([^"]*)"/.exec(text)?.[1];
  const conversation = context ? conversationOf(context) : null;
  if (conversation) return conversation;
  const chat = /"chatId"\s*:\s*"([^"]+)"/.exec(text)?.[1] ?? /"channelId"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  return chat ?? 'unnamed';
}

export const teamsImporter: Importer = {
  id: 'teams',
  label: 'Microsoft Teams messages (Graph API JSON)',
  detect: detectTeams,
  preview: (input: ImportInput, options: BaseImportOptions) => previewOf('teams', parseTeams(input, options)),
  parse: parseTeams,
};
