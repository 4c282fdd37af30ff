import { $createLinkNode } from '@lexical/link';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createCodeNode } from '@lexical/code';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $collectLintText, $replaceRange, replacementFor } from './blameless-text';
import { exportMarkdownFromState, createMarkdownHeadlessEditor } from './markdown-io';
import { $createMentionNode } from './mention-node';

function editorWith(build: () => void) {
  const editor = createMarkdownHeadlessEditor();
  editor.update(
    () => {
      $getRoot().clear();
      build();
    },
    { discrete: true },
  );
  return editor;
}

describe('lint text', () => {
  it('joins blocks with blank lines, keeps line breaks and leaves code out', () => {
    const editor = editorWith(() => {
      $getRoot().append(
        $createHeadingNode('h2').append($createTextNode('Summary')),
        $createParagraphNode().append($createTextNode('Alice '), $createTextNode('forgot').toggleFormat('bold'), $createLineBreakNode(), $createTextNode('then')),
        $createCodeNode('sh').append($createTextNode('rm -rf /tmp/human error')),
        $createParagraphNode().append($createLinkNode('https://x.example').append($createTextNode('human error'))),
      );
    });
    const { text, segments } = editor.read(() => $collectLintText());
    expect(text).toBe('Summary\n\nAlice forgot\nthen\n\nhuman error');
    expect(segments.map((s) => text.slice(s.start, s.end))).toEqual(['Summary', 'Alice ', 'forgot', 'then', 'human error']);
  });
});

describe('replacing a finding', () => {
  it('rewrites text across differently formatted nodes and a mention', () => {
    const editor = editorWith(() => {
      $getRoot().append($createParagraphNode().append($createMentionNode('p1', 'Bob'), $createTextNode(' forgot').toggleFormat('bold'), $createTextNode(' to page.')));
    });
    editor.update(
      () => {
        const lint = $collectLintText();
        expect(lint.text).toBe('@Bob forgot to page.');
        expect($replaceRange(lint, 1, 11, 'Bob forgot', 'nobody was paged')).toBe(true);
      },
      { discrete: true },
    );
    expect(editor.read(() => $getRoot().getTextContent())).toBe('@nobody was paged to page.');
  });

  it('refuses to replace text that changed since it was linted', () => {
    const editor = editorWith(() => $getRoot().append($createParagraphNode().append($createTextNode('human error here'))));
    editor.update(
      () => {
        const lint = $collectLintText();
        expect($replaceRange(lint, 0, 11, 'human errors', 'x')).toBe(false);
      },
      { discrete: true },
    );
    expect(editor.read(() => $getRoot().getTextContent())).toBe('human error here');
  });

  it('does not change the exported Markdown beyond the replaced words', () => {
    const editor = editorWith(() => $getRoot().append($createParagraphNode().append($createTextNode('It was '), $createTextNode('human error').toggleFormat('italic'))));
    editor.update(() => void $replaceRange($collectLintText(), 7, 18, 'human error', 'an ambiguous runbook step'), { discrete: true });
    expect(exportMarkdownFromState(JSON.stringify(editor.getEditorState().toJSON()))).toBe('It was *an ambiguous runbook step*');
  });
});

describe('replacementFor', () => {
  it('uses the quoted example of a suggestion', () => {
    expect(replacementFor('Describe the conditions, e.g. "the runbook step was ambiguous".')).toBe('the runbook step was ambiguous');
  });
  it('falls back to the whole suggestion', () => {
    expect(replacementFor('the responder')).toBe('the responder');
  });
});
