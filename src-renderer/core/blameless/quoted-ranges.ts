export interface TextRange {
  start: number;
  end: number;
}

/**
 * Spans that quote someone else verbatim: "double quotes", “curly quotes”, `code` and Markdown
 * blockquote lines. Reviews quote chat messages as evidence; rewording a quote would falsify it,
 * so the blameless check leaves quotes alone. Quotes never span a line break, so one stray quote
 * mark cannot hide the rest of a document.
 */
export function quotedRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (/^\s*>/.test(line)) {
      ranges.push({ start: lineStart, end: lineStart + line.length });
    } else {
      for (const match of line.matchAll(/"[^"]*"|“[^”]*”|`[^`]*`/g)) {
        ranges.push({ start: lineStart + match.index, end: lineStart + match.index + match[0].length });
      }
    }
    lineStart += line.length + 1;
  }
  return ranges;
}
