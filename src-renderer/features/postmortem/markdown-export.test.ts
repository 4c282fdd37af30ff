import { describe, expect, it } from 'vitest';
import { buildPostmortemContext } from '@core/postmortem/build-postmortem-context';
import { shippedTemplates } from '@core/postmortem/shipped-templates';
import { importMarkdownToState } from '@editor/markdown-io';
import { contextInputFromRecords } from './context-input';
import { INC_482_GENERATED_AT, inc482Records, incidentReviewTemplate } from './inc-482.fixture';
import { exportFileName, importPostmortemMarkdown, postmortemMarkdown, stripFrontMatter } from './markdown-export';
import { draftFromTemplate } from './postmortem-draft';
import { PostmortemError } from './postmortem-error';

const ctx = () => buildPostmortemContext(contextInputFromRecords(inc482Records(), INC_482_GENERATED_AT));

describe('Markdown export', () => {
  it('gives the same bytes for the same document, and import → export changes nothing', () => {
    for (const template of shippedTemplates()) {
      const { body } = draftFromTemplate(template, ctx());
      const first = postmortemMarkdown(ctx(), template.id, body);
      expect(postmortemMarkdown(ctx(), template.id, body), template.id).toBe(first);
      const reimported = importPostmortemMarkdown(first);
      expect(postmortemMarkdown(ctx(), template.id, reimported), template.id).toBe(first);
    }
  });

  it('starts with YAML front matter and ends with one newline', () => {
    const { body } = draftFromTemplate(incidentReviewTemplate(), ctx());
    const text = postmortemMarkdown(ctx(), 'incident-review', body);
    expect(text.startsWith('---\nid: inc-482\ntitle: "INC-482: Checkout returns 5xx after config deploy"\n')).toBe(true);
    expect(text).toMatch(/\ntemplate: incident-review\n/);
    expect(text.endsWith('|\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('never writes raw HTML or script links, whatever was typed or pasted', () => {
    const body = importMarkdownToState(
      '# x\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](data:text/html,hi) [c](https://ok.example)',
    );
    const text = postmortemMarkdown(ctx(), 'incident-review', body);
    const document = stripFrontMatter(text);
    expect(document).not.toMatch(/<[a-z/!]/i);
    expect(document).not.toMatch(/\]\((javascript|data):/i);
    expect(document).toContain('[c](https://ok.example)');
  });

  it('imports Markdown written elsewhere, front matter or not, and names an unclosed block', () => {
    expect(stripFrontMatter('# Only text\n')).toBe('# Only text\n');
    expect(stripFrontMatter('---\nid: x\n---\n\n# Doc\n')).toBe('# Doc\n');
    expect(() => stripFrontMatter('---\nid: x\n# Doc\n')).toThrow(PostmortemError);
  });

  it('names files after the incident', () => {
    expect(exportFileName('INC-482: Checkout returns 5xx!', 'md')).toBe('postmortem-inc-482-checkout-returns-5xx.md');
    expect(exportFileName('???', 'html')).toBe('postmortem.html');
  });
});
