import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One Markdown escape dialect: exports, bundles, reports and meeting minutes escape through
 * core/markdown/markdown-escape.ts. A `.replace(…, '\\$1')`-style backslash escape anywhere else
 * is a second dialect in the making.
 */
const HOME = 'core/markdown/markdown-escape.ts';
/** Backslash escapes that are not Markdown: a regular-expression source. */
const NOT_MARKDOWN = new Set(['core/blameless/lint-blameless.ts']);
const BACKSLASH_ESCAPE = /\.replace\([^\n]*,\s*['`]\\\\\$[&\d]/;

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('Markdown escaping', () => {
  it('has one home: no other source file escapes Markdown with backslashes of its own', () => {
    const escaping = sourceFiles(root)
      .map((path) => ({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }))
      .filter(({ path, text }) => !NOT_MARKDOWN.has(path) && BACKSLASH_ESCAPE.test(text))
      .map(({ path }) => path);
    expect(escaping).toEqual([HOME]);
  });
});
