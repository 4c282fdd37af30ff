import type { EventLink } from '../../model/event';

/** How mentions are named; the user directory and the conversation list provide these. */
export interface MentionNames {
  /** Display name of a user id; unknown ids come back as the id itself. */
  user(id: string): string;
  /** Name of a conversation id, or null when the export does not list it. */
  channel(id: string): string | null;
}

export interface PlainText {
  text: string;
  links: EventLink[];
  /** Names that mention tokens became (without the `@`), so the whole name renders as a mention. */
  mentions: string[];
}

/** Only these schemes become clickable links; anything else stays as text. */
const LINK_SCHEME = /^(https?:\/\/|mailto:)/i;
const ENTITY = /&(amp|lt|gt);/g;
const ENTITY_CHARS: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
const TOKEN = /<([^<>\n]*)>/g;

/** Slack escapes exactly these three; decoding in one pass means `&amp;lt;` becomes `&lt;`, not `<`. */
export function decodeSlackEntities(text: string): string {
  return text.replace(ENTITY, (_match, name: string) => ENTITY_CHARS[name] ?? _match);
}

export function isLinkUrl(url: string): boolean {
  return LINK_SCHEME.test(url);
}

/**
 * Slack mrkdwn to plain text (never HTML). Tokens in angle brackets become readable names and
 * links are collected separately. Formatting markers (`*bold*`, `_italic_`, `~strike~`, code
 * fences) stay as typed: they are readable as plain text and stripping them would mangle text
 * such as `a*b*c` that was never meant as formatting.
 */
export function mrkdwnToPlain(raw: string, names: MentionNames): PlainText {
  const links: EventLink[] = [];
  const mentions: string[] = [];
  let text = '';
  let last = 0;
  for (const match of raw.matchAll(TOKEN)) {
    text += decodeSlackEntities(raw.slice(last, match.index));
    const token = renderToken(match[0], match[1] ?? '', names, links);
    if (token.startsWith('@') && /^<[@!]/.test(match[0]) && !mentions.includes(token.slice(1))) mentions.push(token.slice(1));
    text += token;
    last = match.index + match[0].length;
  }
  text += decodeSlackEntities(raw.slice(last));
  return { text, links, mentions };
}

function renderToken(whole: string, inner: string, names: MentionNames, links: EventLink[]): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : decodeSlackEntities(inner.slice(bar + 1));

  if (/^@[UWB][A-Z0-9]+$/.test(target)) {
    const id = target.slice(1);
    const known = names.user(id);
    return '@' + (known === id && label ? label : known);
  }
  if (/^#[CGD][A-Z0-9]+$/.test(target)) {
    const id = target.slice(1);
    return '#' + (label || names.channel(id) || id);
  }
  if (target.startsWith('!')) return renderCommand(target.slice(1), label);

  const url = decodeSlackEntities(target);
  if (isLinkUrl(url)) {
    const shown = label || (url.toLowerCase().startsWith('mailto:') ? url.slice('mailto:'.length) : url);
    links.push({ url, label: shown });
    return shown;
  }
  // Not a Slack token (e.g. a hand-written `<script>` in an edited export): keep it literally.
  return decodeSlackEntities(whole);
}

function renderCommand(command: string, label: string | null): string {
  const [name = '', argument] = command.split('^', 2);
  switch (name) {
    case 'here':
    case 'channel':
    case 'everyone':
      return '@' + name;
    case 'subteam':
      if (label) return label.startsWith('@') ? label : '@' + label;
      return '@' + (argument ?? 'team');
    case 'date':
      return label ?? '';
    default:
      return label ?? '@' + name;
  }
}

/** Labels Slack wrote next to user-group and channel ids in mrkdwn, reused for rich-text blocks that carry only ids. */
export function harvestTokenLabels(raw: string): { subteams: Map<string, string>; channels: Map<string, string> } {
  const subteams = new Map<string, string>();
  const channels = new Map<string, string>();
  for (const match of raw.matchAll(TOKEN)) {
    const inner = match[1] ?? '';
    const bar = inner.indexOf('|');
    if (bar === -1) continue;
    const target = inner.slice(0, bar);
    const label = decodeSlackEntities(inner.slice(bar + 1));
    if (target.startsWith('!subteam^')) subteams.set(target.slice('!subteam^'.length), label);
    else if (target.startsWith('#')) channels.set(target.slice(1), label);
  }
  return { subteams, channels };
}
