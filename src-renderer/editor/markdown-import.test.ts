import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { escapeBlock, escapeInline, escapeTableCell } from '@core/markdown/markdown-escape';
import { parseMarkdown } from './markdown-import';

const SPECIALS = ['\\', '*', '_', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '<', '>', '`', '~', '&', ';', '=', '1', ' ', '\n', 'a', ':', '/', 'lt', '#60', 'http://x'];
const text = fc.oneof(fc.string({ unit: fc.constantFrom(...SPECIALS), maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
// eslint-disable-next-line no-control-regex -- control characters are dropped by the escape, on purpose
const printable = (s: string) => !/[\u0000-\u0008\u000B-\u001F\u007F]/.test(s);

/** Every node type under `node`, the text nodes' values joined. */
function read(node: Nodes): { types: Set<string>; text: string } {
  const types = new Set<string>();
  let text = '';
  const walk = (n: Nodes) => {
    types.add(n.type);
    if (n.type === 'text') text += n.value;
    if ('children' in n) n.children.forEach(walk);
  };
  walk(node);
  return { types, text };
}

describe('the one Markdown escape, read by a CommonMark + GFM parser', () => {
  it('inline text reads back as one paragraph of exactly that text, nothing else (property)', () => {
    fc.assert(
      fc.property(text.filter(printable), (input) => {
        // The escape drops leading whitespace of any kind (it would indent a code block); a
        // CommonMark reader strips only trailing spaces and tabs, so other trailing Unicode
        // spaces (U+2000 and the like) are text the user wrote and come back.
        const expected = input.replace(/\s*\n\s*/g, ' ').trimStart().replace(/[ \t]+$/, '');
        fc.pre(expected !== '');
        const { types, text: read_ } = read(parseMarkdown(escapeInline(input)));
        expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
        expect(read_).toBe(expected);
      }),
      { numRuns: 400, examples: [['!\u2000'], ['! \t']] },
    );
  });

  it('multi-line text keeps its lines and never becomes a block or inline syntax (property)', () => {
    fc.assert(
      fc.property(text.filter(printable), (input) => {
        const { types } = read(parseMarkdown(escapeBlock(input)));
        for (const type of types) expect(['root', 'paragraph', 'text']).toContain(type);
      }),
      { numRuns: 400 },
    );
  });

  it('a table cell stays one cell of exactly its text (property)', () => {
    fc.assert(
      fc.property(text.filter(printable), (input) => {
        const cell = escapeTableCell(input);
        const tree = parseMarkdown(`| A | B |\n| --- | --- |\n| ${cell} | x |`);
        const table = tree.children[0];
        expect(table?.type).toBe('table');
        if (table?.type !== 'table') return;
        expect(table.children[1]?.children).toHaveLength(2);
        const { types, text: read_ } = read(table.children[1]?.children[0] as Nodes);
        expect([...types].filter((t) => t !== 'tableCell' && t !== 'text')).toEqual([]);
        const lines = input.split('\n').map((l) => l.trim()).filter((l) => l !== '');
        expect(read_).toBe(lines.join(' / '));
      }),
      { numRuns: 400 },
    );
  });
});
