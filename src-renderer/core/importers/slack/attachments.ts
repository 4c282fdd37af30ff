import type { EventAttachment, EventLink } from '../../model/event';
import { isLinkUrl, mrkdwnToPlain, type MentionNames } from './mrkdwn';
import type { SlackAttachment, SlackFile } from './slack-schemas';

const UNAVAILABLE_FILE_MODES = new Set(['tombstone', 'hidden_by_limit']);

/**
 * Legacy `attachments[]` (what alerting bots such as PagerDuty post) as readable lines: pretext,
 * title, text and `title: value` fields. The fallback is used only when nothing else is there,
 * since it usually repeats the title.
 */
export function legacyAttachmentsToText(attachments: readonly SlackAttachment[], names: MentionNames): { text: string; links: EventLink[]; mentions: string[] } {
  const links: EventLink[] = [];
  const mentions: string[] = [];
  const blocks: string[] = [];
  const plain = (raw: string) => {
    const result = mrkdwnToPlain(raw, names);
    links.push(...result.links);
    mentions.push(...result.mentions);
    return result.text;
  };
  for (const attachment of attachments) {
    const lines: string[] = [];
    if (attachment.pretext) lines.push(plain(attachment.pretext));
    if (attachment.title) {
      const title = plain(attachment.title);
      lines.push(title);
      if (attachment.title_link && isLinkUrl(attachment.title_link)) links.push({ url: attachment.title_link, label: title });
    }
    if (attachment.text) lines.push(plain(attachment.text));
    for (const field of attachment.fields ?? []) {
      const title = field.title == null ? '' : String(field.title);
      const value = field.value == null ? '' : plain(String(field.value));
      if (title || value) lines.push(title ? `${plain(title)}: ${value}` : value);
    }
    if (lines.length === 0 && attachment.fallback) lines.push(plain(attachment.fallback));
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  return { text: blocks.join('\n'), links, mentions };
}

/** Shared files by name and link; files the export does not hold (deleted, over the plan's limit) are counted out. */
export function sharedFiles(files: readonly SlackFile[]): { attachments: EventAttachment[]; unavailable: number } {
  const attachments: EventAttachment[] = [];
  let unavailable = 0;
  for (const file of files) {
    if (file.mode && UNAVAILABLE_FILE_MODES.has(file.mode)) {
      unavailable++;
      continue;
    }
    const url = [file.permalink, file.url_private].find((candidate): candidate is string => !!candidate && isLinkUrl(candidate)) ?? null;
    attachments.push({ name: file.name || file.title || file.id || 'file', url });
  }
  return { attachments, unavailable };
}
