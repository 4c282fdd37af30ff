import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, type MarkNode } from '@lexical/mark';
import { $createRangeSelection, $getRoot, $isElementNode, $isTextNode, type ElementNode, type LexicalNode, type RangeSelection, type TextNode } from 'lexical';

/**
 * The commented text of a document: MarkNodes (@lexical/mark) whose ids are comment thread ids
 * (comment-threads.ts). They are part of the Lexical tree, so the Yjs binding carries them to
 * everyone like any other edit.
 */

function $allMarks(node: LexicalNode = $getRoot(), into: MarkNode[] = []): MarkNode[] {
  if ($isMarkNode(node)) into.push(node);
  if ($isElementNode(node)) for (const child of node.getChildren()) $allMarks(child, into);
  return into;
}

/** Marks the selected text as commented by thread `threadId`. Call inside `editor.update()`. */
export function $addCommentMark(selection: RangeSelection, threadId: string): void {
  $wrapSelectionInMarkNode(selection, selection.isBackward(), threadId);
}

/** Takes thread `threadId` off the text (resolved threads stop highlighting it). */
export function $removeCommentMark(threadId: string): void {
  for (const mark of $allMarks()) {
    if (!mark.hasID(threadId)) continue;
    if (mark.getIDs().length === 1) $unwrapMarkNode(mark);
    else mark.deleteID(threadId);
  }
}

/** Removes every comment mark, keeping the text (exports leave comments out). */
export function $removeAllCommentMarks(): void {
  for (const mark of $allMarks()) $unwrapMarkNode(mark);
}

/** The thread ids that mark some text of the document. */
export function $commentMarkIds(): Set<string> {
  return new Set($allMarks().flatMap((mark) => mark.getIDs()));
}

/** Blocks whose children are all inline (paragraphs, headings, list items, table cells' paragraphs…). */
function $textBlocks(node: LexicalNode = $getRoot(), into: ElementNode[] = []): ElementNode[] {
  if (!$isElementNode(node)) return into;
  const children = node.getChildren();
  if (node !== $getRoot() && !node.isInline() && children.every((child) => !$isElementNode(child) || child.isInline())) into.push(node);
  else for (const child of children) $textBlocks(child, into);
  return into;
}

/**
 * Marks the first text that reads `quote` (as quotes are stored: whitespace collapsed, and a quote
 * cut short with "…" matches its beginning) with thread `threadId`, unless some text carries it
 * already: a reopened thread highlights its text again. Within one block. Call inside
 * `editor.update()`; false when the text is no longer there.
 */
export function $restoreCommentMark(threadId: string, quote: string): boolean {
  if ($commentMarkIds().has(threadId)) return true;
  const needle = (quote.endsWith('…') ? quote.slice(0, -1) : quote).replace(/\s+/g, ' ').trim();
  if (needle === '') return false;
  for (const block of $textBlocks()) {
    let text = '';
    const at: Array<[TextNode, number]> = [];
    for (const node of block.getAllTextNodes()) {
      if (!$isTextNode(node)) continue;
      const content = node.getTextContent();
      for (let i = 0; i < content.length; i++) {
        const char = content[i] as string;
        if (/\s/.test(char)) {
          if (text.endsWith(' ')) continue;
          text += ' ';
        } else text += char;
        at.push([node, i]);
      }
    }
    const start = text.indexOf(needle);
    if (start < 0) continue;
    const [anchorNode, anchorOffset] = at[start] as [TextNode, number];
    const [focusNode, focusOffset] = at[start + needle.length - 1] as [TextNode, number];
    const selection = $createRangeSelection();
    selection.anchor.set(anchorNode.getKey(), anchorOffset, 'text');
    selection.focus.set(focusNode.getKey(), focusOffset + 1, 'text');
    $addCommentMark(selection, threadId);
    return true;
  }
  return false;
}
