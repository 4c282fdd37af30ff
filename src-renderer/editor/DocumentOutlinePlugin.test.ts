import { describe, expect, it } from 'vitest';
import { nestedHeadingLevel, tableName } from './DocumentOutlinePlugin';

describe('document outline', () => {
  it('nests headings under the page, never past level 6', () => {
    expect(nestedHeadingLevel('h1', 1)).toBe(2);
    expect(nestedHeadingLevel('h3', 1)).toBe(4);
    expect(nestedHeadingLevel('h6', 1)).toBe(6);
    expect(nestedHeadingLevel('h2', 0)).toBe(2);
  });
  it('names a table after the heading it follows', () => {
    expect(tableName('Timeline', 0)).toBe('Timeline table');
    expect(tableName('  ', 1)).toBe('Table 2');
    expect(tableName(null, 0)).toBe('Table 1');
  });
});
