import { escapeCellPipes, escapeLineStart, escapeText, markdownLink, stripControl } from '../markdown/markdown-escape';
import type { EventLink } from '../model/event';
import { parseChatText, type ChatBlock, type ChatInline } from './chat-text';
import { findLinkSpans, type LinkSpan } from './link-spans';

export interface ChatMarkdownOptions {
  mentions?: readonly string[];
  links?: readonly EventLink[];
  /** What stands between the message's lines: a space in a list item, " / " in a table cell. */
  lineSeparator?: string;
}

/**
 * Chat text as one line of Markdown in the editor's dialect: bold, italic, strike and code as
 * Markdown emphasis and code spans, emoji as characters, links through `markdownLink` (so only
 * safe URLs, with the real host when a label disguises it), everything else escaped by the one
 * Markdown escape. Code blocks become code spans and quotes and lists keep a readable marker, so
 * the line can sit in a list item or a table cell.
 */
export function chatTextToMarkdown(raw: string, options: ChatMarkdownOptions = {}): string {
  const text = stripControl(raw);
  const links = findLinkSpans(text, options.links ?? []);
  const blocks = parseChatText(text, { mentions: options.mentions });
  const lines = blocks.flatMap((block) => blockLines(text, block, links));
  return escapeLineStart(lines.filter((line) => line.trim() !== '').join(options.lineSeparator ?? ' '));
}

/** The same for a GFM table cell: lines joined by " / ", every pipe escaped. */
export function chatTextToTableCell(raw: string, options: Omit<ChatMarkdownOptions, 'lineSeparator'> = {}): string {
  return escapeCellPipes(chatTextToMarkdown(raw, { ...options, lineSeparator: ' / ' }));
}

function blockLines(text: string, block: ChatBlock, links: readonly LinkSpan[]): string[] {
  const inline = (nodes: readonly ChatInline[]) => inlineMarkdown(text, nodes, links).trim();
  switch (block.type) {
    case 'paragraph':
      return [inline(block.children)];
    case 'code-block':
      return [codeSpan(text.slice(block.start, block.end).replace(/\s*\n\s*/g, ' ').trim())];
    case 'quote':
      return block.lines.map((line) => `\\> ${inline(line)}`);
    case 'list':
      return block.items.map((item, i) => (block.ordered ? `${item.number ?? i + 1}\\. ` : '• ') + inline(item.children));
  }
}

function inlineMarkdown(text: string, nodes: readonly ChatInline[], links: readonly LinkSpan[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'mention':
          return textWithLinks(text, node.start, node.end, links);
        case 'bold':
          return wrap('**', inlineMarkdown(text, node.children, links));
        case 'italic':
          return wrap('*', inlineMarkdown(text, node.children, links));
        case 'strike':
          return wrap('~~', inlineMarkdown(text, node.children, links));
        case 'code':
          return codeSpan(text.slice(node.start, node.end));
        case 'emoji':
          return node.char ?? escapeText(text.slice(node.start, node.end));
      }
    })
    .join('');
}

/** Emphasis needs its content to start and end with a non-space; spaces go outside the markers. */
function wrap(marker: string, inner: string): string {
  const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(inner) ?? [];
  return body === '' ? inner : `${lead}${marker}${body}${marker}${trail}`;
}

function textWithLinks(text: string, start: number, end: number, links: readonly LinkSpan[]): string {
  let out = '';
  let cursor = start;
  for (const link of links) {
    if (link.start < cursor || link.end > end) continue;
    out += escapeText(text.slice(cursor, link.start)) + markdownLink(text.slice(link.start, link.end), link.url);
    cursor = link.end;
  }
  return out + escapeText(text.slice(cursor, end));
}

/** A code span whose fence is longer than any backtick run inside it. */
function codeSpan(code: string): string {
  if (code === '') return '';
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') || /^ .* $/.test(code) ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}
