import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import { $createParagraphNode, $getRoot, type LexicalEditor } from 'lexical';
import { EditorError } from './editor-errors';
import { $restorePlaceholders, protectEscapes, withPlaceholders } from './markdown-placeholders';
import { MARKDOWN_TRANSFORMERS } from './markdown-transformers';
import { EDITOR_NODES } from './nodes';

/**
 * Markdown has no empty paragraphs, so the blank lines lexical writes for them are collapsed;
 * otherwise a document would not export the same bytes after a round trip. Code blocks keep
 * their blank lines. Fences are always at the start of a line: code blocks are top-level only.
 */
function collapseBlankLines(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    if (fence === null) {
      const open = /^(`{3,})/.exec(line);
      if (open?.[1] && !line.slice(open[1].length).includes('`')) fence = open[1];
      if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    } else if (line === fence) {
      fence = null;
    }
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

// After stripping its indent, a line starting like this would open a different block, so it keeps it.
const BLOCK_START = /^(?:[-*+]\s|\d{1,9}[.)]\s|\[[ xX]?\]\s|`{3,}|~{3,}|#{1,6}(?:\s|$)|>|\|)/;

/**
 * CommonMark drops the indentation of a paragraph's continuation lines ("- a\n  b" is one list
 * item reading "a", break, "b"), but lexical keeps it as text, which the exporter then writes as
 * `&#32;`. Only lines continuing a non-blank line outside a code block are touched; spaces a
 * person typed at a line start are exported as character references, so they survive.
 */
export function stripContinuationIndent(markdown: string): string {
  const lines = markdown.split('\n');
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (inFence) {
      if (/^[ \t]*`{3,}[ \t]*$/.test(line)) inFence = false;
      continue;
    }
    if (/^[ \t]*`{3,}/.test(line)) {
      inFence = true;
      continue;
    }
    const previous = i > 0 ? (lines[i - 1] ?? '') : '';
    const body = line.replace(/^[ \t]+/, '');
    if (body !== line && body !== '' && previous.trim() !== '' && !BLOCK_START.test(body)) lines[i] = body;
  }
  return lines.join('\n');
}

/** The current editor's document as Markdown. Call inside `editor.read()` / `editor.update()`. */
export function $exportMarkdown(): string {
  return collapseBlankLines($convertToMarkdownString(MARKDOWN_TRANSFORMERS));
}

/** Replaces the current editor's document with `markdown`. Call inside `editor.update()`. */
export function $importMarkdown(markdown: string): void {
  const root = $getRoot();
  withPlaceholders(() => {
    $convertFromMarkdownString(protectEscapes(stripContinuationIndent(markdown.replace(/\r\n?/g, '\n'))), MARKDOWN_TRANSFORMERS);
    $restorePlaceholders(root);
  });
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
  return loadHeadlessState(json).read(() => $exportMarkdown());
}

/** Serialized editor state (JSON) → plain text, for search indexes and previews. */
export function plainTextFromState(json: string): string {
  return loadHeadlessState(json).read(() => $getRoot().getTextContent());
}
