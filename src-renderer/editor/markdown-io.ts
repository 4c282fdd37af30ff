import { createHeadlessEditor } from '@lexical/headless';
import { $convertToMarkdownString } from '@lexical/markdown';
import { $createParagraphNode, $getRoot, $isParagraphNode, $isTextNode, type LexicalEditor } from 'lexical';
import { $removeAllCommentMarks } from './comment-marks';
import { EditorError } from './editor-errors';
import { $appendMarkdown } from './markdown-import';
import { MARKDOWN_TRANSFORMERS } from './markdown-transformers';
import { EDITOR_NODES } from './nodes';

/**
 * Markdown has no empty paragraphs: blank and whitespace-only ones (the importer never makes
 * them) are left out rather than written as extra blank lines.
 */
function $removeBlankParagraphs(): void {
  for (const child of $getRoot().getChildren()) {
    if ($isParagraphNode(child) && child.getChildren().every($isTextNode) && /^\s*$/.test(child.getTextContent())) child.remove();
  }
}

/** Replaces the current editor's document with `markdown`. Call inside `editor.update()`. */
export function $importMarkdown(markdown: string): void {
  const root = $getRoot();
  root.clear();
  $appendMarkdown(markdown.replace(/\r\n?/g, '\n'), root);
  // An editor needs a block to put the caret in.
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

/** A DOM-free editor with the shared nodes, for conversions in tests and non-UI code. */
export function createMarkdownHeadlessEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'debrief-headless',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw new EditorError('editor-update-failed', error.message, { cause: error });
    },
  });
}

/** Markdown → serialized editor state (JSON), without a DOM. */
export function importMarkdownToState(markdown: string): string {
  const editor = createMarkdownHeadlessEditor();
  editor.update(() => $importMarkdown(markdown), { discrete: true });
  return JSON.stringify(editor.getEditorState().toJSON());
}

/** Alias kept for readers who think in editor states rather than imports. */
export const markdownToEditorState = importMarkdownToState;

/** Loads a serialized state into a headless editor, or throws EditorError('invalid-editor-state'). */
export function loadHeadlessState(json: string): LexicalEditor {
  const editor = createMarkdownHeadlessEditor();
  try {
    editor.setEditorState(editor.parseEditorState(json));
  } catch (cause) {
    throw new EditorError('invalid-editor-state', 'The stored document could not be read.', { cause });
  }
  return editor;
}

/** Serialized editor state (JSON) → Markdown, without a DOM. */
export function exportMarkdownFromState(json: string): string {
  const editor = loadHeadlessState(json);
  editor.update(
    () => {
      // Comments are not part of the postmortem: the text exports as if nobody had commented.
      $removeAllCommentMarks();
      $removeBlankParagraphs();
    },
    { discrete: true },
  );
  return editor.read(() => $convertToMarkdownString(MARKDOWN_TRANSFORMERS));
}

/** Serialized editor state (JSON) → plain text, for search indexes and previews. */
export function plainTextFromState(json: string): string {
  return loadHeadlessState(json).read(() => $getRoot().getTextContent());
}
