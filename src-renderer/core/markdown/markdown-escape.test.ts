import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeBlock, escapeBlockLines, escapeCellPipes, escapeInline, escapeMarkup, escapeTableCell, eventLink, markdownLink, safeLinkTarget } from './markdown-escape';

/**
 * A deliberately simple reading of inline Markdown: after removing backslash escapes and the
 * numeric references the escape writes, any character that could open HTML, an autolink, a link,
 * an image, emphasis, code or a character reference — or a line-start marker for headings,
 * lists, quotes and tables — is a hazard. (The editor's tests parse the same output with micromark.)
 */
function hazards(markdown: string, { pipes = false } = {}): string[] {
  const found: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*([#>+=|-]|\d+[.)])/.test(line)) found.push(`line start: ${line}`);
    if (/^( {4}|\t)/.test(line)) found.push(`indented code: ${line}`);
    const bare = line.replace(/&#(?:38|60);/g, '');
    for (let i = 0; i < bare.length; i++) {
      const c = bare[i] ?? '';
      if (c === '\\' && /[!-/:-@[-`{-~]/.test(bare[i + 1] ?? '')) {
        i++;
        continue;
      }
      if ('<[]`*_~'.includes(c) || (pipes && c === '|')) found.push(`${c} at ${i}`);
      if (c === '&' && /^&(?:#\d+;|#[Xx][\dA-Fa-f]+;|[A-Za-z][\dA-Za-z]*;)/.test(bare.slice(i))) found.push(`reference at ${i}`);
    }
  }
  return found;
}

const unescape = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&#38;/g, '&').replace(/&#60;/g, '<');

const SPECIALS = ['\\', '*', '_', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '<', '>', '`', '~', '&', '=', '1', ' ', '\n', 'a', ':', '/'];
const markdownish = fc.string({ unit: fc.constantFrom(...SPECIALS), maxLength: 40 });
const anyText = fc.oneof(markdownish, fc.string({ unit: 'grapheme', maxLength: 40 }));
// eslint-disable-next-line no-control-regex -- control characters are exactly what is filtered out
const plainText = (s: string) => !/[\u0000-\u0008\u000B-\u001F\u007F]/.test(s);

describe('escapeInline', () => {
  it.each([
    ['*bold*', '\\*bold\\*'],
    ['_em_', '\\_em\\_'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![img](a.png)', '!\\[img\\](a.png)'],
    ['<script>', '&#60;script>'],
    ['`code`', '\\`code\\`'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
    ['a | b', 'a | b'],
    ['back\\slash', 'back\\\\slash'],
    ['&amp; & &#60;', '&#38;amp; & &#38;#60;'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['2) item', '2\\) item'],
    ['> quote', '\\> quote'],
    ['| cell', '\\| cell'],
    ['=== ', '\\=== '],
    ['v1.2 - ok + fine #3', 'v1.2 - ok + fine #3'],
  ])('%j → %j', (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
  });

  it('turns line breaks into spaces and drops leading indentation', () => {
    expect(escapeInline('    one\n  - two')).toBe('one - two');
  });

  it('never leaves live Markdown syntax and keeps the text readable (property)', () => {
    fc.assert(
      fc.property(anyText.filter(plainText), (text) => {
        const escaped = escapeInline(text);
        expect(hazards(escaped)).toEqual([]);
        expect(escaped).not.toContain('\n');
        expect(unescape(escaped)).toBe(text.replace(/\s*\n\s*/g, ' ').trimStart());
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeBlock', () => {
  it('keeps line breaks and escapes each line', () => {
    expect(escapeBlock('# one\n- two\nthree')).toBe('\\# one\n\\- two\nthree');
  });

  it('never leaves live Markdown syntax on any line (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(hazards(escapeBlock(text))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeTableCell', () => {
  it('escapes pipes and joins lines with " / " instead of raw <br>', () => {
    expect(escapeTableCell('a|b\n\nc')).toBe('a\\|b / c');
    expect(escapeTableCell('| lead')).toBe('\\| lead');
  });

  it('stays in one cell whatever the text (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const cell = escapeTableCell(text);
        expect(cell).not.toMatch(/\n|<br/i);
        expect(hazards(cell, { pipes: true })).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('links', () => {
  it('keeps http, https and mailto targets', () => {
    expect(markdownLink('Ticket', 'https://tracker.example.com/OPS-12')).toBe('[Ticket](https://tracker.example.com/OPS-12)');
    expect(markdownLink('Mail', 'MAILTO:ops@example.com')).toBe('[Mail](mailto:ops@example.com)');
    expect(markdownLink('Mail', 'mailto:ops@example.com?attach=%2Fetc%2Fpasswd&subject=Hi')).toBe('[Mail](mailto:ops@example.com?subject=Hi)');
    expect(markdownLink('https://status.acme.com', 'https://evil.example/x')).toBe('[https://status.acme.com (evil.example)](https://evil.example/x)');
    expect(markdownLink('x', 'http://a.example/(x)_y')).toBe('[x](http://a.example/%28x%29%5Fy)');
  });

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd', '/relative', 'java\nscript:x', 'https://a b'])(
    'drops the unsafe target %j and keeps escaped text',
    (url) => {
      expect(safeLinkTarget(url)).toBeNull();
      expect(markdownLink('click [me]', url)).toBe('click \\[me\\]');
    },
  );

  it('only ever produces http, https or mailto link targets (property)', () => {
    const scheme = fc.constantFrom('javascript:', 'JAVASCRIPT:', 'data:', 'http:', 'https:', 'mailto:', 'vbscript:', '', ' ');
    fc.assert(
      fc.property(scheme, anyText, anyText, (s, rest, label) => {
        const out = markdownLink(label, s + rest);
        const targets = [...out.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1] ?? '');
        for (const target of targets) expect(target).toMatch(/^(https?|mailto):/i);
        expect(out).not.toMatch(/(?<!\\)\]\([^)]*[\s<>]/);
      }),
      { numRuns: 500 },
    );
  });

  it('makes event references with an encoded id', () => {
    expect(eventLink('14:02 *alert*', 'ev 1)')).toBe('[14:02 \\*alert\\*](debrief://event/ev%201%29)');
  });
});

// The editor's side of the dialect: what it adds to lexical's own export escaping.
describe('escapeMarkup', () => {
  it('writes < and character references so no tag or entity reaches the output', () => {
    expect(escapeMarkup('<b> &lt; &#60; & [x]')).toBe('&#60;b> &#38;lt; &#38;#60; & \\[x\\]');
  });
});

describe('escapeBlockLines', () => {
  it.each([
    ['# h', '\\# h'],
    ['> q', '\\> q'],
    ['- d', '\\- d'],
    ['+ p', '\\+ p'],
    ['12. n', '12\\. n'],
    ['3) n', '3\\) n'],
    ['| t |', '\\| t |'],
    ['===', '\\==='],
    ['  lead', '&#32;&#32;lead'],
    ['trail ', 'trail&#32;'],
    ['\t', '&#9;'],
    ['plain #', 'plain #'],
  ])('%j → %j', (line, escaped) => expect(escapeBlockLines(line)).toBe(escaped));

  it('escapes every line of a block', () => {
    expect(escapeBlockLines('a\n# b\n- c')).toBe('a\n\\# b\n\\- c');
  });
});

describe('escapeCellPipes', () => {
  it('escapes bare pipes once and leaves escaped ones', () => {
    expect(escapeCellPipes('a|b \\| c \\\\|')).toBe('a\\|b \\| c \\\\\\|');
  });
});
