import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createQuoteNode } from '@lexical/rich-text';
import { $createTableNodeWithDimensions, $isTableCellNode, $isTableRowNode } from '@lexical/table';
import fc from 'fast-check';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, $isParagraphNode, type LexicalNode, type TextFormatType } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createMarkdownHeadlessEditor, exportMarkdownFromState, importMarkdownToState, plainTextFromState } from './markdown-io';
import { $createMentionNode } from './mention-node';
import { eventUrl } from './url-policy';

/** Builds a state the way the editor would, then returns it serialized. */
function buildState(build: () => void): string {
  const editor = createMarkdownHeadlessEditor();
  editor.update(
    () => {
      $getRoot().clear();
      build();
    },
    { discrete: true },
  );
  return JSON.stringify(editor.getEditorState().toJSON());
}

function expectStableRoundTrip(state: string): string {
  const markdown = exportMarkdownFromState(state);
  expect(exportMarkdownFromState(importMarkdownToState(markdown))).toBe(markdown);
  return markdown;
}

describe('editor-built documents export the same bytes after a round trip', () => {
  it('a table with pipes, backslashes, formatting, mentions, line breaks and empty cells', () => {
    const state = buildState(() => {
      const table = $createTableNodeWithDimensions(3, 3, { rows: true, columns: false });
      const cells = table
        .getChildren()
        .filter($isTableRowNode)
        .flatMap((row) => row.getChildren().filter($isTableCellNode));
      const fill = (index: number, ...nodes: LexicalNode[]) => {
        const paragraph = cells[index]?.getFirstChild();
        if (!$isParagraphNode(paragraph)) throw new Error('a new table cell holds a paragraph');
        paragraph.append(...nodes);
      };
      fill(0, $createTextNode('Stage'));
      fill(1, $createTextNode('Who | what'));
      fill(2, $createTextNode('Notes'));
      fill(3, $createTextNode('Detect').toggleFormat('bold'));
      fill(4, $createMentionNode('p-1', 'Alice'), $createTextNode(' paged'));
      fill(5, $createTextNode('a\\'), $createLineBreakNode(), $createTextNode('x|y').toggleFormat('code'));
      fill(6);
      fill(7, $createTextNode('  spaced  '));
      fill(8, $createTextNode('# not a heading'));
      $getRoot().append(table);
    });
    const markdown = expectStableRoundTrip(state);
    expect(markdown.split('\n')[1]).toBe('| --- | --- | --- |');
    expect(plainTextFromState(importMarkdownToState(markdown))).toBe(plainTextFromState(state));
  });

  it('a quote holding a link, an event reference and a line break', () => {
    const state = buildState(() => {
      const quote = $createQuoteNode();
      const link = $createLinkNode('https://status.example.com/incidents/1').append($createTextNode('status page'));
      const eventRef = $createLinkNode(eventUrl('evt-9')).append($createTextNode('10:42 alert'));
      quote.append($createTextNode('See '), link, $createLineBreakNode(), $createTextNode('and '), eventRef);
      $getRoot().append(quote);
    });
    expect(expectStableRoundTrip(state)).toBe('> See [status page](https://status.example.com/incidents/1)\n> and [10:42 alert](debrief://event/evt-9)');
  });

  it('lists nested three deep with mixed types', () => {
    const state = buildState(() => {
      const outer = $createListNode('number');
      const middle = $createListNode('bullet');
      const inner = $createListNode('check');
      inner.append($createListItemNode(true).append($createTextNode('rolled back')), $createListItemNode(false).append($createTextNode('- dash text')));
      middle.append($createListItemNode().append($createTextNode('Mitigate')), $createListItemNode().append(inner));
      outer.append($createListItemNode().append($createTextNode('Repair')), $createListItemNode().append(middle));
      $getRoot().append(outer);
    });
    expect(expectStableRoundTrip(state)).toBe('1. Repair\n    - Mitigate\n        - [x] rolled back\n        - [ ] \\- dash text');
  });
});

/** Removes code spans: an unescaped backtick run up to the next run of the same length. */
function withoutCodeSpans(markdown: string): string {
  return markdown.replace(/(?<!(?:^|[^\\])(?:\\\\)*\\)(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, '');
}

const FORMATS: TextFormatType[] = ['bold', 'italic', 'strikethrough', 'code'];
// CommonMark cannot close emphasis between punctuation and a letter (`**a.**b` is not bold),
// so runs start and end with a letter here; the characters inside are anything that needs escaping.
const run = fc.record({
  text: fc
    .tuple(fc.constantFrom('a', 'Z', 'é'), fc.string({ unit: fc.constantFrom(...'ab *_`~\\[]<&#|'.split('')), maxLength: 6 }), fc.constantFrom('b', 'Y', '日'))
    .map(([first, middle, last]) => first + middle + last),
  // @lexical/markdown reads a code span before the emphasis around it, so code stands alone.
  formats: fc.oneof(fc.subarray(FORMATS.filter((f) => f !== 'code')), fc.constant<TextFormatType[]>(['code'])),
});

describe('property: formatted runs', () => {
  it('paragraphs of formatted text export the same bytes after a round trip', () => {
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 4 }), (runs) => {
        const state = buildState(() => {
          const paragraph = $createParagraphNode();
          for (const [index, { text, formats }] of runs.entries()) {
            // Nested markers cannot open or close inside a word (`ab**~~c~~**`), so runs are words.
            if (index > 0) paragraph.append($createTextNode(' '));
            const node = $createTextNode(text);
            for (const format of formats) node.toggleFormat(format);
            paragraph.append(node);
          }
          $getRoot().append(paragraph);
        });
        const markdown = expectStableRoundTrip(state);
        // Code spans hold literal code, which Markdown never reads as HTML.
        expect(withoutCodeSpans(markdown)).not.toMatch(/<[a-z]/i);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('property: table cells', () => {
  it('any single-line cell text survives and the table exports the same bytes after a round trip', () => {
    const cellText = fc.string({ unit: fc.constantFrom(...'a |\\*_`#<&;-:'.split(''), 'é', '日', '🔥'), maxLength: 10 });
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 4, maxLength: 4 }), (texts) => {
        const state = buildState(() => {
          const table = $createTableNodeWithDimensions(2, 2, { rows: true, columns: false });
          const cells = table
            .getChildren()
            .filter($isTableRowNode)
            .flatMap((row) => row.getChildren().filter($isTableCellNode));
          cells.forEach((cell, index) => {
            const text = texts[index] ?? '';
            const paragraph = cell.getFirstChild();
            if (text !== '' && $isParagraphNode(paragraph)) paragraph.append($createTextNode(text));
          });
          $getRoot().append(table);
        });
        const markdown = expectStableRoundTrip(state);
        const cellTexts = (JSON.parse(importMarkdownToState(markdown)) as { root: { children: Array<{ children: Array<{ children: Array<{ children: Array<{ text?: string }> }> }> }> } }).root.children[0]?.children.flatMap((row) =>
          row.children.map((cell) => cell.children.flatMap((p) => (p as { children?: Array<{ text?: string }> }).children ?? []).map((t) => t.text ?? '').join('')),
        );
        // A whitespace-only cell is blank in Markdown, as a whitespace-only paragraph is.
        expect(cellTexts).toEqual(texts.map((t) => (/^\s*$/.test(t) ? '' : t)));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
