import { $isCodeNode } from '@lexical/code';
import { $isTextNode, type ElementNode, type TextNode } from 'lexical';

/**
 * @lexical/markdown unescapes some text nodes twice (a node it splits for formatting is unescaped
 * by the inner and again by the outer pass), so `\\\*` or `&#38;#60;` lose a level and text
 * changes on every round trip. Before import every backslash escape and character reference is
 * swapped for a private-use placeholder the importer cannot touch, and swapped back once the
 * tree is built: to the character it stands for in text, to its source in code.
 */

interface Entry {
  raw: string;
  decoded: string;
}

// Supplementary Private Use Area-A and -B: never typed in practice, and raw occurrences in the
// input get placeholders of their own, so nothing is mistaken for one.
const FIRST = 0xf0000;
const PLACEHOLDER = /[\u{F0000}-\u{10FFFD}]/gu;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ESCAPE_OR_REFERENCE =
  /\\([!-/:-@[-`{-~])|&#(\d{1,7});|&#[xX]([\dA-Fa-f]{1,6});|&(amp|lt|gt|quot|apos|nbsp);|[\u{F0000}-\u{10FFFD}]/gu;

let entries: Entry[] | null = null;
let byRaw: Map<string, string> | null = null;

function fromCodePoint(code: number): string {
  // CommonMark: invalid or NUL code points read as the replacement character.
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

function placeholderFor(raw: string, decoded: string): string {
  if (!entries || !byRaw) return decoded;
  const known = byRaw.get(`${raw}\u0000${decoded}`);
  if (known) return known;
  const placeholder = String.fromCodePoint(FIRST + entries.length);
  entries.push({ raw, decoded });
  byRaw.set(`${raw}\u0000${decoded}`, placeholder);
  return placeholder;
}

/** Runs one import with its own placeholder table. */
export function withPlaceholders<T>(fn: () => T): T {
  const previous = [entries, byRaw] as const;
  entries = [];
  byRaw = new Map();
  try {
    return fn();
  } finally {
    [entries, byRaw] = previous;
  }
}

export function protectEscapes(markdown: string): string {
  return markdown.replace(ESCAPE_OR_REFERENCE, (raw: string, escaped?: string, decimal?: string, hex?: string, named?: string) => {
    if (escaped !== undefined) return placeholderFor(raw, escaped);
    if (decimal !== undefined) return placeholderFor(raw, fromCodePoint(Number(decimal)));
    if (hex !== undefined) return placeholderFor(raw, fromCodePoint(parseInt(hex, 16)));
    if (named !== undefined) return placeholderFor(raw, NAMED[named] ?? raw);
    return placeholderFor(raw, raw);
  });
}

function restore(text: string, field: keyof Entry): string {
  const table = entries;
  if (!table) return text;
  return text.replace(PLACEHOLDER, (char) => table[(char.codePointAt(0) ?? 0) - FIRST]?.[field] ?? char);
}

/** The text a placeholder-bearing string stands for (labels, URLs). */
export function decodePlaceholders(text: string): string {
  return restore(text, 'decoded');
}

/** The Markdown source a placeholder-bearing string was written as (code). */
export function sourceOfPlaceholders(text: string): string {
  return restore(text, 'raw');
}

/**
 * GFM reads `\|` in a table cell as a pipe before anything else, code spans included; the
 * cell's placeholders for it are re-registered so code gets a bare `|` too.
 */
export function pipesAsLiteral(cell: string): string {
  const table = entries;
  if (!table) return cell;
  return cell.replace(PLACEHOLDER, (char) => (table[(char.codePointAt(0) ?? 0) - FIRST]?.raw === '\\|' ? placeholderFor('|', '|') : char));
}

function isCode(node: TextNode): boolean {
  return node.hasFormat('code') || $isCodeNode(node.getParent());
}

/** Swaps every placeholder under `root` back. Call at the end of the import, inside the update. */
export function $restorePlaceholders(root: ElementNode): void {
  if (!entries || entries.length === 0) return;
  for (const node of root.getAllTextNodes()) {
    if (!$isTextNode(node)) continue;
    const text = node.getTextContent();
    if (!PLACEHOLDER.test(text)) continue;
    PLACEHOLDER.lastIndex = 0;
    const restored = isCode(node) ? sourceOfPlaceholders(text) : decodePlaceholders(text);
    if (restored !== text) node.setTextContent(restored);
  }
}
