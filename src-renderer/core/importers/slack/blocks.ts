import type { EventLink } from '../../model/event';
import { isLinkUrl, type MentionNames, type PlainText } from './mrkdwn';
import { richTextElementSchema, type RichTextElement } from './slack-schemas';

/** Labels found next to ids elsewhere in the message (rich text carries only the ids). */
export interface BlockLabels {
  subteams: ReadonlyMap<string, string>;
  channels: ReadonlyMap<string, string>;
}

/**
 * Plain text of a message's `rich_text` blocks, or null when there are none (or none readable),
 * in which case the caller falls back to the mrkdwn `text`. Styles (bold, italic, strike, code)
 * are written as mrkdwn markers, as the sender typed them.
 */
export function richTextBlocksToPlain(
  blocks: readonly unknown[],
  names: MentionNames,
  labels: BlockLabels,
): PlainText | null {
  const parts: string[] = [];
  const links: EventLink[] = [];
  const mentions: string[] = [];
  // Mentions are collected from the names the elements render as (`@` + name).
  const mentionNames: MentionNames = {
    user: (id) => {
      const name = names.user(id);
      if (!mentions.includes(name)) mentions.push(name);
      return name;
    },
    channel: names.channel,
  };
  for (const block of blocks) {
    const parsed = richTextElementSchema.safeParse(block);
    if (!parsed.success || parsed.data.type !== 'rich_text') continue;
    parts.push(renderContainers(parsed.data.elements ?? [], mentionNames, labels, links));
  }
  if (parts.length === 0) return null;
  return { text: parts.join('\n'), links, mentions };
}

function renderContainers(
  elements: readonly RichTextElement[],
  names: MentionNames,
  labels: BlockLabels,
  links: EventLink[],
): string {
  let out = '';
  for (const element of elements) {
    const inner = element.elements ?? [];
    switch (element.type) {
      case 'rich_text_list': {
        const ordered = element.style === 'ordered';
        const lines = inner.map((item, i) => (ordered ? `${i + 1}. ` : '- ') + renderContainers([item], names, labels, links));
        out += ensureLineStart(out) + lines.join('\n') + '\n';
        break;
      }
      case 'rich_text_preformatted':
        out += ensureLineStart(out) + '```\n' + renderInline(inner, names, labels, links) + '\n```\n';
        break;
      case 'rich_text_quote':
        out +=
          ensureLineStart(out) +
          renderInline(inner, names, labels, links)
            .split('\n')
            .map((line) => '> ' + line)
            .join('\n') +
          '\n';
        break;
      case 'rich_text_section':
        out += renderInline(inner, names, labels, links);
        break;
      default:
        out += renderInline([element], names, labels, links);
    }
  }
  return out.replace(/\n+$/, '');
}

/**
 * Rich-text styles written back as the mrkdwn markers the message was typed with (`*bold*`,
 * `_italic_`, `~strike~`, `code`), so one parser (core/chat-text) renders both kinds of message.
 * Spaces stay outside the markers, where Slack's rules (and ours) need them.
 */
function styled(text: string, style: RichTextElement['style']): string {
  if (!style || typeof style !== 'object' || text.trim() === '') return text;
  const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
  let out = body;
  if (style.code === true) out = '`' + out + '`';
  if (style.strike === true) out = '~' + out + '~';
  if (style.italic === true) out = '_' + out + '_';
  if (style.bold === true) out = '*' + out + '*';
  return lead + out + trail;
}

function ensureLineStart(out: string): string {
  return out === '' || out.endsWith('\n') ? '' : '\n';
}

function renderInline(
  elements: readonly RichTextElement[],
  names: MentionNames,
  labels: BlockLabels,
  links: EventLink[],
): string {
  let out = '';
  for (const element of elements) {
    switch (element.type) {
      case 'text':
        out += styled(element.text ?? '', element.style);
        break;
      case 'link': {
        const url = element.url ?? '';
        const label = element.text || url;
        if (isLinkUrl(url)) links.push({ url, label });
        out += styled(label, element.style);
        break;
      }
      case 'user':
        out += '@' + (element.user_id ? names.user(element.user_id) : 'unknown');
        break;
      case 'channel': {
        const id = element.channel_id ?? '';
        out += '#' + (labels.channels.get(id) ?? names.channel(id) ?? id);
        break;
      }
      case 'usergroup': {
        const id = element.usergroup_id ?? '';
        const label = labels.subteams.get(id);
        out += label ? (label.startsWith('@') ? label : '@' + label) : '@' + id;
        break;
      }
      case 'broadcast':
        out += '@' + (element.range ?? 'here');
        break;
      case 'emoji': {
        const tone = (element as { skin_tone?: unknown }).skin_tone;
        out += `:${element.name ?? ''}:` + (typeof tone === 'number' && tone >= 2 && tone <= 6 ? `:skin-tone-${tone}:` : '');
        break;
      }
      case 'date':
        out += element.fallback ?? '';
        break;
      case 'color':
        out += element.value ?? '';
        break;
      default:
        // Unknown inline elements still show whatever text they carry; nested ones are walked.
        out += element.text ?? '';
        if (element.elements) out += renderContainers(element.elements, names, labels, links);
    }
  }
  return out;
}
