import type { EventKind, EventLink } from '../../model/event';
import { dedupeKeyFor } from '../event-builder';
import type { ImportErrorLocation } from '../import-error';
import type { ActorRef, ImportedEvent } from '../imported-records';
import { checkTextLength, type ImportLimits } from '../limits';
import { legacyAttachmentsToText, sharedFiles } from './attachments';
import { richTextBlocksToPlain } from './blocks';
import type { SlackConversation } from './conversations';
import { harvestTokenLabels, mrkdwnToPlain, type MentionNames } from './mrkdwn';
import { foldReactions } from './reactions';
import { SKIP_REASON, type SkipCounter } from './skip-counter';
import type { SlackFile, SlackMessage } from './slack-schemas';
import { slackTsToMs } from './slack-ts';
import type { UserDirectory } from './users';

/**
 * Membership and channel-setting changes are kept as 'system' events rather than skipped:
 * who joined when is the Assemble stage of the incident, and topic changes often carry status
 * ("IC: …", "monitoring").
 */
export const SYSTEM_SUBTYPES = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'group_topic',
  'group_purpose',
  'group_name',
  'channel_archive',
  'channel_unarchive',
  'group_archive',
  'group_unarchive',
  'pinned_item',
  'unpinned_item',
  // An integration added to or removed from the channel (and where bots get their names).
  'bot_add',
  'bot_remove',
]);

/** Notices about other messages; the messages themselves are in the export already. */
export const NOTICE_SUBTYPES = new Set(['message_changed', 'message_deleted', 'message_replied']);

/** `slack-export:<conversation id>:<ts>`: ts is unique only within a conversation. */
export function slackDedupeKey(conversationId: string, ts: string): string {
  return dedupeKeyFor('slack-export', `${conversationId}:${ts}`);
}

export interface MessageContext {
  conversation: SlackConversation;
  names: MentionNames;
  users: UserDirectory;
  limits: ImportLimits;
  skipped: SkipCounter;
}

export interface ConvertedMessage {
  event: ImportedEvent;
  actor: ActorRef | null;
}

/** One Slack message as a timeline event; thread counts are filled in by threads.ts. */
export function messageToEvent(message: SlackMessage, context: MessageContext, location: ImportErrorLocation): ConvertedMessage | null {
  const at = slackTsToMs(message.ts);
  if (at === null) {
    context.skipped.add(SKIP_REASON.badTs);
    return null;
  }
  const raw = message.text ?? '';
  checkTextLength(context.limits, raw, { ...location, field: appendField(location.field, 'text') });

  const labels = harvestTokenLabels(raw);
  const body =
    (message.blocks && richTextBlocksToPlain(message.blocks, context.names, labels)) || mrkdwnToPlain(raw, context.names);
  const links: EventLink[] = [...body.links];
  const mentions = [...body.mentions];
  const parts = body.text.trim() === '' ? [] : [body.text];
  if (message.attachments?.length) {
    const legacy = legacyAttachmentsToText(message.attachments, context.names);
    if (legacy.text) parts.push(legacy.text);
    links.push(...legacy.links);
    mentions.push(...legacy.mentions);
  }
  const files = sharedFiles(messageFiles(message));
  context.skipped.add(SKIP_REASON.unavailableFile, files.unavailable);
  if (parts.length === 0 && files.attachments.length > 0) {
    parts.push('Shared ' + files.attachments.map((file) => file.name).join(', '));
  }
  const text = parts.join('\n');
  checkTextLength(context.limits, text, { ...location, field: appendField(location.field, 'text') });

  const actor = context.users.author(message);
  const subtype = message.subtype ?? '';
  const kind: EventKind = SYSTEM_SUBTYPES.has(subtype) ? 'system' : 'message';
  const isReply = !!message.thread_ts && message.thread_ts !== message.ts;
  const event: ImportedEvent = {
    sourceFormat: 'slack-export',
    dedupeKey: slackDedupeKey(context.conversation.id, message.ts),
    kind,
    at,
    originalTime: message.ts,
    actorExternalId: actor?.externalId ?? null,
    actorName: actor?.name ?? '',
    channel: context.conversation.label,
    text,
    ...(mentions.length ? { mentions: [...new Set(mentions)] } : {}),
    links: uniqueLinks(links),
    threadParentKey: isReply && message.thread_ts ? slackDedupeKey(context.conversation.id, message.thread_ts) : null,
    ...(isReply && subtype === 'thread_broadcast' ? { alsoInChannel: true } : {}),
    replyCount: 0,
    edited: !!message.edited,
    deleted: subtype === 'tombstone',
    reactions: foldReactions(message.reactions ?? []),
    attachments: files.attachments,
    raw: message,
  };
  return { event, actor };
}

/** `files[]`, plus the single `file` of uploads and file comments before 2019 (once, by id). */
function messageFiles(message: SlackMessage): SlackFile[] {
  const files = [...(message.files ?? [])];
  const legacy = message.file;
  if (legacy && !files.some((file) => legacy.id && file.id === legacy.id)) files.push(legacy);
  return files;
}

function uniqueLinks(links: readonly EventLink[]): EventLink[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && (seen.add(link.url), true));
}

function appendField(base: string | undefined, field: string): string {
  return base ? `${base}.${field}` : field;
}
