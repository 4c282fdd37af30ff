import { describe, expect, it } from 'vitest';
import type { DocumentSection } from '@core/postmortem/render-template';
import { buildPostmortemContext } from '@core/postmortem/build-postmortem-context';
import { exportMarkdownFromState, importMarkdownToState } from '@editor/markdown-io';
import { parseMarkdown } from '@editor/markdown-import';
import { contextInputFromRecords } from './context-input';
import { INC_482_GENERATED_AT, inc482Records, incidentReviewTemplate } from './inc-482.fixture';
import { draftFromTemplate } from './postmortem-draft';
import { alignSections, splitBlocks } from './section-align';

const prose = (markdown: string): DocumentSection => ({ kind: 'prose', markdown });
const gen = (key: string, markdown: string): DocumentSection => ({ kind: 'generated', key, markdown });

describe('splitBlocks', () => {
  it('splits on blank lines but keeps a fenced code block whole', () => {
    expect(splitBlocks('# A\n\ntext\nmore\n\n```\nx\n\ny\n```\n\n- a\n- b')).toEqual(['# A', 'text\nmore', '```\nx\n\ny\n```', '- a\n- b']);
  });

  it('finds exactly the blocks the Markdown parser finds in what the editor writes', () => {
    const template = incidentReviewTemplate();
    const ctx = buildPostmortemContext(contextInputFromRecords(inc482Records(), INC_482_GENERATED_AT));
    const documents = [
      exportMarkdownFromState(draftFromTemplate(template, ctx).body),
      exportMarkdownFromState(importMarkdownToState('# T\n\n```md\n# not a heading\n\n- nor a list\n```\n\n> a\n> \n> b\n\n| A |\n| --- |\n| x |\n\n1. one\n    - [x] two')),
    ];
    for (const markdown of documents) {
      const parsed = parseMarkdown(markdown).children.map((node) => markdown.slice(node.position?.start.offset, node.position?.end.offset));
      expect(splitBlocks(markdown)).toEqual(parsed);
    }
  });
});

describe('alignSections', () => {
  const expected = [
    prose('## What went well'),
    gen('annotations:went well', '_None noted yet._'),
    prose('## What went poorly'),
    gen('annotations:went poorly', '_None noted yet._'),
    prose('## Action items'),
    gen('table:actionItems', '| A |\n| --- |\n| x |'),
  ];

  it('finds every generated section in an unchanged document', () => {
    const markdown = expected.map((s) => s.markdown).join('\n\n');
    expect(alignSections(expected, markdown)).toEqual(expected);
  });

  it('turns a generated section the user edited into prose and keeps the others', () => {
    const markdown = '## What went well\n\n_None noted yet._\n\nThe pager worked.\n\n## What went poorly\n\n_Nothing, really._\n\n## Action items\n\n| A |\n| --- |\n| x |';
    const aligned = alignSections(expected, markdown);
    expect(aligned.filter((s) => s.kind === 'generated').map((s) => (s.kind === 'generated' ? s.key : ''))).toEqual([
      'annotations:went well',
      'table:actionItems',
    ]);
    expect(aligned.map((s) => s.markdown).join('\n\n')).toBe(markdown);
  });

  it('tells identical generated blocks apart by their place when one is deleted', () => {
    const markdown = '## What went well\n\n## What went poorly\n\n_None noted yet._\n\n## Action items\n\n| A |\n| --- |\n| x |';
    const aligned = alignSections(expected, markdown);
    const keys = aligned.flatMap((s) => (s.kind === 'generated' ? [s.key] : []));
    expect(keys).toEqual(['annotations:went poorly', 'table:actionItems']);
  });

  it('does not count a generated section whose blocks were split apart by new text', () => {
    const two = [prose('# T'), gen('milestones', '- a\n\n- b')];
    const aligned = alignSections(two, '# T\n\n- a\n\nmy note\n\n- b');
    expect(aligned.every((s) => s.kind === 'prose')).toBe(true);
  });
});
