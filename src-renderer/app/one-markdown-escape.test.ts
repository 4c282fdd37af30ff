import { describe, expect, it } from 'vitest';
import { rendererSources } from './test-renderer-sources';

/**
 * One Markdown escape dialect: exports, bundles, reports and meeting minutes escape through
 * core/markdown/markdown-escape.ts. A `.replace(…, '\\$1')`-style backslash escape anywhere else
 * is a second dialect in the making.
 */
const HOME = 'core/markdown/markdown-escape.ts';
/** Backslash escapes that are not Markdown: a regular-expression source. */
const NOT_MARKDOWN = new Set(['core/blameless/lint-blameless.ts']);
const BACKSLASH_ESCAPE = /\.replace\([^\n]*,\s*['`]\\\\\$[&\d]/;

describe('Markdown escaping', () => {
  it('has one home: no other source file escapes Markdown with backslashes of its own', () => {
    const escaping = rendererSources()
      .filter(({ path, text }) => !NOT_MARKDOWN.has(path) && BACKSLASH_ESCAPE.test(text))
      .map(({ path }) => path);
    expect(escaping).toEqual([HOME]);
  });
});
