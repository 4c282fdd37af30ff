import { linkText, safeHref, safeLink } from '../links/safe-link';
/**
 * The one Markdown escape, in the dialect the editor writes: template values placed into
 * generated Markdown and the editor's own export both read back as exactly the text they hold,
 * with no emphasis, link, image, raw HTML, code span or block the text did not ask for.
 *
 * - `\` before `\ * _ ` ~ [ ]`; `[` escaped means no link or image can open, so `!`, `(` and `)`
 *   stay as they are;
 * - `<` as `&#60;`, so no tag or autolink can open and the output never holds a tag-like `<x`;
 * - `&` as `&#38;` where it would start a character reference (`&lt;`, `&#60;`);
 * - at a line start, the markers of headings, quotes, lists, tables and setext underlines;
 * - `|` in table cells, where GFM reads it as a cell border even inside code spans.
 */

// A reference a reader would decode (`&#60;`, `&#x3C;`, `&lt;`) must not survive as one, or text
// that spells one comes back as the character it names. `&#38;` is decoded back to a single `&`.
const CHARACTER_REFERENCE = /&(?=#\d+;|#[Xx][\dA-Fa-f]+;|[A-Za-z][\dA-Za-z]*;)/g;

/**
 * The escapes beyond emphasis, code and backslashes (which @lexical/markdown writes itself when
 * the editor exports): character references, `<` and brackets.
 */
export function escapeMarkup(text: string): string {
  return text.replace(CHARACTER_REFERENCE, '&#38;').replace(/</g, '&#60;').replace(/([[\]])/g, '\\$1');
}

/** Every inline escape for plain text (one line's content, not its start). */
export function escapeText(text: string): string {
  return escapeMarkup(text.replace(/([\\*_`~])/g, '\\$1'));
}

/**
 * Characters that start a block when they open a line: headings, quotes, list markers, table
 * rows, setext underlines.
 */
export function escapeLineStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  if (/^[#>+\-=|]/.test(line)) return `\\${line}`;
  return line;
}

const WHITESPACE_REFERENCE: Record<string, string> = { ' ': '&#32;', '\t': '&#9;', '\u00a0': '&#160;' };

function encodeWhitespace(run: string): string {
  return [...run].map((char) => WHITESPACE_REFERENCE[char] ?? char).join('');
}

/**
 * Makes each line of a block's inline Markdown safe to start a line: leading and trailing
 * whitespace become character references (CommonMark readers strip them, and a whitespace-only
 * line would end the block), and a leading block marker is escaped.
 */
export function escapeBlockLines(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const [, leading = '', body = '', trailing = ''] = /^([ \t\u00a0]*)(.*?)([ \t\u00a0]*)$/s.exec(line) ?? [];
      if (body === '') return encodeWhitespace(leading + trailing);
      return encodeWhitespace(leading) + escapeLineStart(body) + encodeWhitespace(trailing);
    })
    .join('\n');
}

/**
 * Escapes every pipe of a table cell's Markdown, inside code spans too, as GFM requires. A pipe
 * already written as `\|` is left alone: GFM reads a backslash and the character after it as one
 * pair, so doubling it would turn `\\|` into an escaped backslash and a cell border.
 */
export function escapeCellPipes(markdown: string): string {
  let out = '';
  let backslashes = 0;
  for (const char of markdown) {
    if (char === '|' && backslashes % 2 === 0) out += '\\';
    out += char;
    backslashes = char === '\\' ? backslashes + 1 : 0;
  }
  return out;
}

export function stripControl(text: string): string {
  // Control characters (other than tab/newline) can hide text in some renderers.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** A line of user text: leading indentation would make a code block, so it is dropped. */
function escapeLine(line: string): string {
  return escapeLineStart(escapeText(line.trimStart()));
}

/** Escapes user text for a single line (headings, list items, emphasis contents): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeLine(stripControl(text).replace(/\s*\n\s*/g, ' '));
}

/** Escapes multi-line user text as paragraphs: each line is escaped on its own, line breaks are kept. */
export function escapeBlock(text: string): string {
  return stripControl(text)
    .split('\n')
    .map((line) => escapeLine(line))
    .join('\n');
}

/** Escapes user text for a GFM table cell: line breaks become " / " since raw HTML (<br>) is never emitted. */
export function escapeTableCell(text: string): string {
  const lines = stripControl(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return escapeCellPipes(lines.map((line) => escapeLine(line)).join(' / '));
}

/**
 * A URL written raw as a link destination: percent-encoded wherever a character would end the
 * destination, start an escape or read as a tag, so it stays equivalent and never needs `<…>`.
 */
export function linkDestination(url: string): string {
  return url
    .replace(CHARACTER_REFERENCE, '&#38;')
    .replace(/[\s<>()\\"`*_~[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The URL as a Markdown link destination when it may be opened (mailto rebuilt, see core/links); otherwise null. */
export function safeLinkTarget(url: string): string | null {
  const href = safeHref(url);
  return href === null ? null : linkDestination(href);
}

/**
 * A Markdown link when the URL is safe, otherwise just the escaped text (the URL is dropped). A
 * label that reads as another address than the link opens carries the real host after it.
 */
export function markdownLink(text: string, url: string): string {
  const link = safeLink(url, text);
  if (!link) return escapeInline(text.trim() === '' ? url : text);
  return `[${escapeInline(linkText(link))}](${linkDestination(link.href)})`;
}

export const EVENT_LINK_PREFIX = 'debrief://event/';

/** A jump-back reference to a timeline event; the editor turns these into links into the timeline. */
export function eventLink(text: string, eventId: string): string {
  // encodeURIComponent leaves ( ) ! ' * alone; a ")" would end the link target early.
  const id = encodeURIComponent(eventId).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeInline(text)}](${EVENT_LINK_PREFIX}${id})`;
}

/** A link's title part, ` "title"`: quotes and backslashes escaped inside, markup escaped as text. */
export function linkTitle(title: string): string {
  return ` "${escapeMarkup(title.replace(/(["\\])/g, '\\$1'))}"`;
}
