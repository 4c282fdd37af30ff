import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, type MarkNode } from '@lexical/mark';
import { $getRoot, $isElementNode, type LexicalNode, type RangeSelection } from 'lexical';

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
