import { describe, expect, it } from 'vitest';
import { escapeBlockLines, escapeInlineText, escapeTableCell, isTableDelimiterRow, splitTableRow } from './markdown-escape';

describe('escapeInlineText', () => {
  it('writes < and character references so no tag or entity reaches the output', () => {
    expect(escapeInlineText('<b> &lt; &#60; & [x]')).toBe('&#60;b> &#38;lt; &#38;#60; & \\[x\\]');
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

describe('table cells', () => {
  it('escapes bare pipes once and leaves escaped ones', () => {
    expect(escapeTableCell('a|b \\| c \\\\|')).toBe('a\\|b \\| c \\\\\\|');
  });

  it('splits rows on unescaped pipes only', () => {
    expect(splitTableRow('| a | b \\| c |  |')).toEqual(['a', 'b | c', '']);
    expect(splitTableRow('no pipe')).toBeNull();
  });

  it('recognises delimiter rows', () => {
    expect(isTableDelimiterRow('| --- | :-: | --: |')).toBe(true);
    expect(isTableDelimiterRow('| --- | x |')).toBe(false);
  });
});
