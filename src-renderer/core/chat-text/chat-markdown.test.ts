import { describe, expect, it } from 'vitest';
import { chatTextToMarkdown, chatTextToTableCell } from './chat-markdown';

describe('chat text to Markdown', () => {
  it('converts formatting to Markdown emphasis and code', () => {
    expect(chatTextToMarkdown('*rolled back* the _config_ ~deploy~ `a|b`')).toBe('**rolled back** the *config* ~~deploy~~ `a|b`');
    expect(chatTextToMarkdown('use ``` kubectl `get` pods ```')).toBe('use ``kubectl `get` pods``');
  });

  it('writes emoji as characters and escapes custom names and plain text', () => {
    expect(chatTextToMarkdown(':rotating_light: :party_parrot: 2*3*4 [x](javascript:alert(1)) <b>hi</b>')).toBe(
      '🚨 :party\\_parrot: 2\\*3\\*4 \\[x\\](javascript:alert(1)) &#60;b>hi&#60;/b>',
    );
  });

  it('writes links only for safe URLs, through the one link rule', () => {
    const links = [
      { url: 'https://grafana.example/d/1', label: 'dashboard' },
      { url: 'javascript:alert(1)', label: 'click' },
      { url: 'https://evil.example', label: 'https://status.acme.com' },
    ];
    expect(chatTextToMarkdown('see *dashboard* or click or https://status.acme.com', { links })).toBe(
      'see **[dashboard](https://grafana.example/d/1)** or click or [https://status.acme.com (evil.example)](https://evil.example)',
    );
  });

  it('keeps quotes and lists readable on one line and escapes what would start a block', () => {
    expect(chatTextToMarkdown('> customers see 502s\n- rolled back\n1. paged')).toBe('\\> customers see 502s • rolled back 1\\. paged');
    expect(chatTextToMarkdown('# not a heading')).toBe('\\# not a heading');
  });

  it('escapes table cell pipes, in code spans too, and joins lines with a slash', () => {
    expect(chatTextToTableCell('a | b\n`c|d`')).toBe('a \\| b / `c\\|d`');
  });
});
