/**
 * Escaping for user-provided text placed into generated Markdown. The editor imports this
 * Markdown, so anything a user typed (event text from Slack, titles, names) must read as plain
 * text: no emphasis, links, images, raw HTML or code spans it did not ask for.
 */

// Characters that start inline syntax anywhere in a line (emphasis, links, images, HTML,
// autolinks, code, strikethrough, table cells, entities). Backslash-escaping any ASCII
// punctuation is valid CommonMark, so over-escaping is safe.
const INLINE_SPECIALS = /[\\*_[\]()!|<>`~&]/g;

// Characters that only mean something at the start of a line: headings, lists, setext
// underlines, ordered lists ("1." / "1)").
const LINE_START = /^([#+=-]|\d+(?=[.)]))/;

function escapeLine(line: string): string {
  // Leading indentation would turn the line into a code block.
  const escaped = line.trimStart().replace(INLINE_SPECIALS, '\\$&');
  return escaped.replace(LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

function stripControl(text: string): string {
  // Control characters (other than tab/newline) can hide text in some renderers.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** Escapes text for a single line (headings, list items, emphasis contents): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeLine(stripControl(text).replace(/\s*\n\s*/g, ' '));
}

/** Escapes multi-line text as paragraphs: each line is escaped on its own, line breaks are kept. */
export function escapeBlock(text: string): string {
  return stripControl(text)
    .split('\n')
    .map((line) => escapeLine(line))
    .join('\n');
}

/** Escapes text for a GFM table cell: line breaks become " / " since raw HTML (<br>) is never emitted. */
export function escapeTableCell(text: string): string {
  const lines = stripControl(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return lines.map((line) => escapeLine(line)).join(' / ');
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The URL if it is an http(s) or mailto link, normalized for use as a Markdown link target; otherwise null. */
export function safeLinkTarget(url: string): string | null {
  const trimmed = url.trim();
  // Only an explicit, known scheme counts: relative or scheme-less targets could resolve to anything.
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(trimmed)?.[1]?.toLowerCase();
  if (!scheme || !SAFE_SCHEMES.has(scheme)) return null;
  // eslint-disable-next-line no-control-regex -- whitespace or control characters inside a URL are refused
  if (/[\s\u0000-\u001F\u007F]/.test(trimmed)) return null;
  // Characters that would end or confuse the (...) destination are percent-encoded.
  return trimmed.replace(/[()<>\\`[\]"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A Markdown link when the URL is safe, otherwise just the escaped text (the URL is dropped). */
export function markdownLink(text: string, url: string): string {
  const target = safeLinkTarget(url);
  const label = escapeInline(text.trim() === '' ? url : text);
  return target ? `[${label}](${target})` : label;
}

export const EVENT_LINK_PREFIX = 'debrief://event/';

/** A jump-back reference to a timeline event; the editor turns these into links into the timeline. */
export function eventLink(text: string, eventId: string): string {
  // encodeURIComponent leaves ( ) ! ' * alone; a ")" would end the link target early.
  const id = encodeURIComponent(eventId).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeInline(text)}](${EVENT_LINK_PREFIX}${id})`;
}
