/**
 * Escaping beyond what @lexical/markdown does itself (it escapes only * _ ` ~ and backslashes),
 * so that every character a person typed comes back on import and no user text can turn into
 * Markdown syntax or raw HTML in the exported file.
 */

// A reference a reader would decode (`&#60;`, `&#x3C;`, `&lt;`) must not survive as one, or text
// that spells one comes back as the character it names. `&#38;` is decoded back to a single `&`.
const CHARACTER_REFERENCE = /&(?=#\d+;|#[Xx][\dA-Fa-f]+;|[A-Za-z][\dA-Za-z]*;)/g;

/**
 * Escapes inline user text that @lexical/markdown has already escaped for emphasis.
 * `<` becomes a character reference rather than `\<` so the output never holds a tag-like `<x`.
 */
export function escapeInlineText(text: string): string {
  return text.replace(CHARACTER_REFERENCE, '&#38;').replace(/</g, '&#60;').replace(/([[\]])/g, '\\$1');
}

const WHITESPACE_REFERENCE: Record<string, string> = { ' ': '&#32;', '\t': '&#9;', '\u00a0': '&#160;' };

function encodeWhitespace(run: string): string {
  return [...run].map((char) => WHITESPACE_REFERENCE[char] ?? char).join('');
}

/**
 * Characters that start a block when they open a line: headings, quotes, list markers, table
 * rows, setext underlines. Emphasis markers, backticks and brackets are escaped inline already.
 */
function escapeLineStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  if (/^[#>+\-=|]/.test(line)) return `\\${line}`;
  return line;
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
 * Table cells: every pipe is escaped, inside code spans too, as GFM requires. A pipe the inline
 * escaping already wrote as `\|` is left alone: GFM reads a backslash and the character after
 * it as one pair, so doubling it would turn `\\|` into an escaped backslash and a cell border.
 */
export function escapeTableCell(markdown: string): string {
  let out = '';
  let backslashes = 0;
  for (const char of markdown) {
    if (char === '|' && backslashes % 2 === 0) out += '\\';
    out += char;
    backslashes = char === '\\' ? backslashes + 1 : 0;
  }
  return out;
}

/** Splits a GFM table row into raw cell Markdown; `\|` is a literal pipe, not a delimiter. */
export function splitTableRow(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || trimmed.length < 2) return null;
  const cells: string[] = [];
  let current = '';
  let closed = false;
  for (let i = 1; i < trimmed.length; i++) {
    const char = trimmed[i];
    if (char === '\\' && trimmed[i + 1] === '|') {
      current += '|';
      i++;
      closed = false;
    } else if (char === '|') {
      cells.push(current.trim());
      current = '';
      closed = true;
    } else {
      current += char;
      closed = false;
    }
  }
  if (!closed) cells.push(current.trim());
  return cells;
}

/** True for a GFM delimiter row such as `| --- | :-: |`. */
export function isTableDelimiterRow(line: string): boolean {
  const cells = splitTableRow(line);
  return cells !== null && cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell));
}
