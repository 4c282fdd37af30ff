import { describe, expect, it } from 'vitest';
import { buildPostmortemContext } from '@core/postmortem/build-postmortem-context';
import { checkoutContextInput } from '@core/postmortem/checkout-outage.fixture';
import { renderTemplate } from '@core/postmortem/render-template';
import { shippedTemplates } from '@core/postmortem/shipped-templates';
import { exportMarkdownFromState, importMarkdownToState, plainTextFromState } from './markdown-io';

const roundTrip = (markdown: string) => exportMarkdownFromState(importMarkdownToState(markdown));

describe('indented continuation lines', () => {
  it('a generated CAN report whose Needs spans two lines keeps both lines as text, without character references', () => {
    const template = shippedTemplates().find((t) => t.id === 'incident-review');
    if (!template) throw new Error('incident-review template missing');
    const section = renderTemplate(template, buildPostmortemContext(checkoutContextInput())).sections.find(
      (s) => s.kind === 'generated' && s.key === 'canReports',
    );
    if (!section) throw new Error('canReports section missing');
    expect(section.markdown).toContain('confirm\n  no double charges');
    const exported = roundTrip(section.markdown);
    expect(exported).not.toContain('&#32;');
    expect(exported).toContain('- **Needs:** Payments on-call to confirm\nno double charges');
    expect(plainTextFromState(importMarkdownToState(section.markdown))).toContain('Payments on-call to confirm\nno double charges');
    expect(roundTrip(exported)).toBe(exported);
  });

  it('drops the indent of lines continuing a paragraph or list item', () => {
    expect(roundTrip('first line\n   second line')).toBe('first line\nsecond line');
    expect(roundTrip('- item\n    goes on')).toBe('- item\ngoes on');
  });

  it('keeps indentation that means something: nested lists, code blocks, and leading spaces a person typed', () => {
    expect(roundTrip('- a\n    - b')).toBe('- a\n    - b');
    expect(roundTrip('```\nx\n    y\n```')).toBe('```\nx\n    y\n```');
    expect(roundTrip('text\n  1. item')).toBe('text\n\n1. item');
    expect(roundTrip('line\n&#32;&#32;indented on purpose')).toBe('line\n&#32;&#32;indented on purpose');
  });
});
