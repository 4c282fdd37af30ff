import { describe, expect, it } from 'vitest';
import { importMarkdownToState } from '@editor/markdown-io';
import { escapeHtml, postmortemHtml } from './html-export';

const html = (markdown: string, title = 'T') => postmortemHtml(importMarkdownToState(markdown), title);

describe('postmortemHtml', () => {
  it('escapes text, so markup written in the document shows as text', () => {
    const page = html('Dashboard said \\<script\\>alert(1)\\</script\\> & <img src=x onerror=alert(1)>', '<b>INC</b> "x"');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<title>&lt;b&gt;INC&lt;/b&gt; &quot;x&quot;</title>');
  });

  it('keeps http links, drops dangerous ones and shows event references as text', () => {
    const state = JSON.stringify({
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'link', url: 'https://example.com/?a=1&b="2"', children: [{ type: 'text', text: 'ok', format: 0 }] },
              { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'bad', format: 0 }] },
              { type: 'link', url: 'data:text/html,<script>', children: [{ type: 'text', text: 'data', format: 0 }] },
              { type: 'link', url: 'debrief://event/ev-1', children: [{ type: 'text', text: 'Jun 12, 23:58', format: 0 }] },
            ],
          },
        ],
      },
    });
    const page = postmortemHtml(state, 'T');
    expect(page).toContain('<a href="https://example.com/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">ok</a>');
    expect(page).not.toContain('javascript:');
    expect(page).not.toContain('data:text');
    expect(page).toContain('bad');
    expect(page).toContain('<span class="event-ref">Jun 12, 23:58</span>');
  });

  it('renders headings, formatting, lists and real tables', () => {
    const page = html('# Title\n\n**bold** and *it* and `code`\n\n- one\n- two\n\n| A | B |\n| --- | --- |\n| 1 | 2 |');
    expect(page).toContain('<h1>Title</h1>');
    expect(page).toContain('<strong>bold</strong>');
    expect(page).toContain('<em>it</em>');
    expect(page).toContain('<code>code</code>');
    expect(page).toMatch(/<ul>\n<li>one<\/li>\n<li>two<\/li>\n<\/ul>/);
    expect(page).toContain('<tr><th>A</th><th>B</th></tr>');
    expect(page).toContain('<tr><td>1</td><td>2</td></tr>');
  });

  it('is a self-contained page without scripts', () => {
    const page = html('# x');
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script|<link|src=/i);
    expect(escapeHtml(`<a href='x'>&`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;');
  });

  it('never writes an event handler, script or unsafe link, even from a tampered stored state', () => {
    const text = (t: string) => ({ type: 'text', text: t, format: 0 });
    const state = JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'heading', tag: 'h1 onclick="alert(1)"', children: [text('<script>alert(1)</script>')] },
          { type: 'list', listType: 'number', start: '2" onmouseover="alert(1)', children: [{ type: 'listitem', checked: 'yes', children: [text('" onfocus="alert(1)')] }] },
          {
            type: 'paragraph',
            children: [
              { type: 'link', url: ' JavaScript:alert(1)', children: [text('spaced')] },
              { type: 'link', url: 'java\nscript:alert(1)', children: [text('split')] },
              { type: 'link', url: 'https://x.example/"onmouseover="alert(1)', children: [text('quoted')] },
              { type: 'autolink', url: 'vbscript:msgbox(1)', children: [text('vb')] },
            ],
          },
          { type: 'code', children: [text('<script>alert(1)</script>'), { type: 'linebreak' }, text('<img src=x onerror=alert(1)>')] },
          { type: 'unknown-node', text: '<svg onload=alert(1)>' },
        ],
      },
    });
    const page = postmortemHtml(state, '</title><script>alert(1)</script>');
    expect(page).not.toMatch(/<script|<img|<svg/i);
    expect(page).not.toMatch(/\son[a-z]+\s*=\s*"/i);
    expect(page).not.toMatch(/href="(?!https:)/i);
    expect(page).toContain('<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>');
    expect(page).toContain('<a href="https://x.example/&quot;onmouseover=&quot;alert(1)" rel="noopener noreferrer">quoted</a>');
    expect(page).toContain('&lt;svg onload=alert(1)&gt;');
  });
});
