import { emojiFor } from './emoji';

/**
 * Chat message text (Slack mrkdwn as the importers store it: tokens already resolved to names,
 * formatting markers kept as typed) parsed once into a small tree that the timeline, the meeting
 * view and the Markdown export all render from. Every node keeps offsets into the text, so search
 * hits, links and redacted spans, which are ranges of the same text, still apply.
 *
 * The rules follow Slack's: `*bold*`, `_italic_`, `~strike~` only open after a non-word character
 * and close before one (so `snake_case_name` and `a*b*c` stay text), `code` spans and ``` blocks
 * are literal, `>` and `>>>` quote, `-`/`•`/`1.` lines are lists, `:short_name:` is an emoji
 * (with `::skin-tone-N:`), and `@` starts a mention that runs over the whole known name.
 */

/** Offsets are [start, end) in the parsed text. */
export type ChatInline =
  | { type: 'text'; start: number; end: number }
  /** start/end include the markers; children cover the text between them. */
  | { type: 'bold' | 'italic' | 'strike'; start: number; end: number; children: ChatInline[] }
  /** The code's own characters, without the backticks. */
  | { type: 'code'; start: number; end: number }
  /** The whole `:name:` (and `::skin-tone-N:`) token; char is null for a workspace's custom emoji. */
  | { type: 'emoji'; start: number; end: number; name: string; char: string | null }
  /** `@` and the name. */
  | { type: 'mention'; start: number; end: number };

export type ChatBlock =
  /** One line of text; an empty line has no children. */
  | { type: 'paragraph'; children: ChatInline[] }
  /** The characters between the fences (a newline right after the opening fence is not part of it). */
  | { type: 'code-block'; start: number; end: number }
  | { type: 'quote'; lines: ChatInline[][] }
  | { type: 'list'; ordered: boolean; items: ChatListItem[] };

export interface ChatListItem {
  /** The number an ordered item was written with. */
  number: number | null;
  children: ChatInline[];
}

export interface ChatTextOptions {
  /**
   * Names the source mentioned (`<@U123>` resolved to "Kenji Sato"), so a mention covers the
   * whole name, spaces included. Without a known name a mention runs to the end of the word.
   */
  mentions?: readonly string[];
}

const FENCE = '```';
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const MARKERS: Record<string, 'bold' | 'italic' | 'strike'> = { '*': 'bold', _: 'italic', '~': 'strike' };
const EMOJI = /:([a-z0-9_+'-]+):(?::(skin-tone-[2-6]):)?/y;
const MENTION_WORD = /@[\p{L}\p{N}._-]*[\p{L}\p{N}]/uy;
const BULLET = /^[ \t]*[-•◦▪*][ \t]+/;
const NUMBERED = /^[ \t]*(\d{1,4})[.)][ \t]+/;
const QUOTE = /^>[ \t]?/;

const isWord = (char: string | undefined) => char !== undefined && WORD.test(char);
const isSpace = (char: string | undefined) => char !== undefined && SPACE.test(char);

/** Parses chat text into blocks; never throws, and any text it does not read as markup stays text. */
export function parseChatText(text: string, options: ChatTextOptions = {}): ChatBlock[] {
  const mentions = [...new Set(options.mentions ?? [])].filter((name) => name.trim() !== '').sort((a, b) => b.length - a.length);
  const inline = (start: number, end: number) => parseInline(text, start, end, mentions);
  const blocks: ChatBlock[] = [];
  let cursor = 0;
  while (cursor <= text.length) {
    const open = text.indexOf(FENCE, cursor);
    const close = open === -1 ? -1 : text.indexOf(FENCE, open + FENCE.length);
    if (open === -1 || close === -1) {
      parseLines(text, cursor, text.length, inline, blocks);
      break;
    }
    // A fence on its own line: the line break before it ends the text, not an empty line.
    const before = text[open - 1] === '\n' ? open - 1 : open;
    if (before > cursor) parseLines(text, cursor, before, inline, blocks);
    let start = open + FENCE.length;
    let end = close;
    if (text[start] === '\n') start++;
    if (end > start && text[end - 1] === '\n') end--;
    blocks.push({ type: 'code-block', start, end });
    cursor = close + FENCE.length;
    // The line break after a closing fence belongs to the fence.
    if (text[cursor] === '\n') cursor++;
    if (cursor >= text.length) break;
  }
  return trimEmptyParagraphs(blocks);
}

function parseLines(text: string, from: number, to: number, inline: (start: number, end: number) => ChatInline[], blocks: ChatBlock[]): void {
  let quoteRest = false;
  let lineStart = from;
  while (lineStart <= to) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > to ? to : newline;
    const line = text.slice(lineStart, lineEnd);
    const last = blocks[blocks.length - 1];
    if (!quoteRest && line.startsWith('>>>')) {
      quoteRest = true;
      const skip = line.startsWith('>>> ') ? 4 : 3;
      pushQuoteLine(blocks, inline(lineStart + skip, lineEnd));
    } else if (quoteRest) {
      pushQuoteLine(blocks, inline(lineStart, lineEnd));
    } else if (QUOTE.test(line)) {
      const skip = QUOTE.exec(line)?.[0].length ?? 1;
      pushQuoteLine(blocks, inline(lineStart + skip, lineEnd));
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const numbered = NUMBERED.exec(line);
      const marker = numbered?.[0].length ?? BULLET.exec(line)?.[0].length ?? 0;
      const ordered = numbered !== null;
      const item: ChatListItem = { number: numbered ? Number(numbered[1]) : null, children: inline(lineStart + marker, lineEnd) };
      if (last?.type === 'list' && last.ordered === ordered && !lastWasBreak(blocks)) last.items.push(item);
      else blocks.push({ type: 'list', ordered, items: [item] });
    } else {
      blocks.push({ type: 'paragraph', children: inline(lineStart, lineEnd) });
    }
    if (lineEnd >= to) break;
    lineStart = lineEnd + 1;
  }
}

function lastWasBreak(blocks: readonly ChatBlock[]): boolean {
  const last = blocks[blocks.length - 1];
  return last?.type === 'paragraph' && last.children.length === 0;
}

function pushQuoteLine(blocks: ChatBlock[], line: ChatInline[]): void {
  const last = blocks[blocks.length - 1];
  if (last?.type === 'quote') last.lines.push(line);
  else blocks.push({ type: 'quote', lines: [line] });
}

function trimEmptyParagraphs(blocks: ChatBlock[]): ChatBlock[] {
  const empty = (block: ChatBlock | undefined) => block?.type === 'paragraph' && block.children.length === 0;
  let start = 0;
  let end = blocks.length;
  while (start < end && empty(blocks[start])) start++;
  while (end > start && empty(blocks[end - 1])) end--;
  return blocks.slice(start, end);
}

function parseInline(text: string, from: number, to: number, mentions: readonly string[]): ChatInline[] {
  const nodes: ChatInline[] = [];
  let plainStart = from;
  const flush = (end: number) => {
    if (end > plainStart) nodes.push({ type: 'text', start: plainStart, end });
  };
  let i = from;
  while (i < to) {
    const char = text[i];
    const before = i > 0 ? text[i - 1] : undefined;
    let node: ChatInline | null = null;
    if (char === '`') {
      const close = text.indexOf('`', i + 1);
      if (close !== -1 && close < to && close > i + 1) node = { type: 'code', start: i + 1, end: close };
      if (node) {
        flush(i);
        nodes.push(node);
        i = close + 1;
        plainStart = i;
        continue;
      }
    } else if (char !== undefined && char in MARKERS && !isWord(before) && before !== char && !isSpace(text[i + 1]) && i + 1 < to) {
      const close = closingMarker(text, char, i + 1, to);
      if (close !== -1) {
        flush(i);
        nodes.push({ type: MARKERS[char], start: i, end: close + 1, children: parseInline(text, i + 1, close, mentions) });
        i = close + 1;
        plainStart = i;
        continue;
      }
    } else if (char === ':') {
      EMOJI.lastIndex = i;
      const match = EMOJI.exec(text);
      const name = match?.[1] ?? '';
      const tone = match?.[2] ?? null;
      const emoji = emojiFor(name, tone);
      // After a word only a known, longer name counts (`oncall:fire:`), never `a:b:c` or 10:30:45;
      // unknown names are custom emoji only when they read as names (`:30:` in a time is not one).
      const fits = isWord(before) ? emoji !== null && name.length >= 3 : emoji !== null || /[a-z]/.test(name);
      if (match && i + match[0].length <= to && fits) {
        flush(i);
        node = { type: 'emoji', start: i, end: i + match[0].length, name: tone ? `${name}::${tone}` : name, char: emoji };
        nodes.push(node);
        i = node.end;
        plainStart = i;
        continue;
      }
    } else if (char === '@' && !isWord(before) && before !== '@') {
      const end = mentionEnd(text, i, to, mentions);
      if (end !== -1) {
        flush(i);
        nodes.push({ type: 'mention', start: i, end });
        i = end;
        plainStart = i;
        continue;
      }
    }
    i++;
  }
  flush(to);
  return nodes;
}

/** The first marker that can close: after a non-space, before a non-word character, not empty. */
function closingMarker(text: string, marker: string, from: number, to: number): number {
  for (let j = text.indexOf(marker, from + 1); j !== -1 && j < to; j = text.indexOf(marker, j + 1)) {
    if (!isSpace(text[j - 1]) && !isWord(text[j + 1]) && text[j + 1] !== marker) return j;
  }
  return -1;
}

function mentionEnd(text: string, at: number, to: number, mentions: readonly string[]): number {
  for (const name of mentions) {
    const end = at + 1 + name.length;
    if (end <= to && text.startsWith(name, at + 1) && !isWord(text[end])) return end;
  }
  MENTION_WORD.lastIndex = at;
  const match = MENTION_WORD.exec(text);
  return match && at + match[0].length <= to ? at + match[0].length : -1;
}

/** The text a reader sees, markers and fences dropped, emoji as characters: for previews and matching. */
export function chatTextToPlain(text: string, blocks: readonly ChatBlock[] = parseChatText(text)): string {
  const inline = (nodes: readonly ChatInline[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'bold':
          case 'italic':
          case 'strike':
            return inline(node.children);
          case 'emoji':
            return node.char ?? text.slice(node.start, node.end);
          default:
            return text.slice(node.start, node.end);
        }
      })
      .join('');
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return inline(block.children);
        case 'code-block':
          return text.slice(block.start, block.end);
        case 'quote':
          return block.lines.map(inline).join('\n');
        case 'list':
          return block.items.map((item, i) => (block.ordered ? `${item.number ?? i + 1}. ` : '• ') + inline(item.children)).join('\n');
      }
    })
    .join('\n');
}

/** Every leaf range of the tree (text, mention, code, emoji, code block), in reading order. */
export function chatLeafRanges(blocks: readonly ChatBlock[]): [number, number][] {
  const out: [number, number][] = [];
  const inline = (nodes: readonly ChatInline[]) => {
    for (const node of nodes) {
      if (node.type === 'bold' || node.type === 'italic' || node.type === 'strike') inline(node.children);
      else out.push([node.start, node.end]);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') inline(block.children);
    else if (block.type === 'code-block') out.push([block.start, block.end]);
    else if (block.type === 'quote') block.lines.forEach(inline);
    else block.items.forEach((item) => inline(item.children));
  }
  return out;
}
