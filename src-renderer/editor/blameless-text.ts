import { $isCodeNode } from '@lexical/code';
import {
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { $isMentionNode } from './mention-node';

/** Where one text node's text sits in the string handed to the linter. */
export interface TextSegment {
  key: NodeKey;
  start: number;
  end: number;
}

export interface LintText {
  text: string;
  segments: TextSegment[];
}

/**
 * The document's prose as one string, with a blank line between blocks so no finding spans two
 * of them. Finding ids count occurrences across the whole string, so linting the document in one
 * go keeps them unique. Code blocks are not prose and are left out.
 */
export function $collectLintText(): LintText {
  let text = '';
  const segments: TextSegment[] = [];
  const visit = (node: LexicalNode) => {
    if ($isTextNode(node)) {
      const content = node.getTextContent();
      segments.push({ key: node.getKey(), start: text.length, end: text.length + content.length });
      text += content;
    } else if ($isLineBreakNode(node)) {
      text += '\n';
    } else if ($isElementNode(node) && !$isCodeNode(node)) {
      if (!node.isInline() && text !== '' && !text.endsWith('\n\n')) text += '\n\n';
      for (const child of node.getChildren()) visit(child);
    }
  };
  visit($getRoot());
  return { text, segments };
}

/** The pieces of each text node a [start, end) range of the lint text covers. */
export function segmentsInRange(lintText: LintText, start: number, end: number): Array<TextSegment & { from: number; to: number }> {
  return lintText.segments
    .filter((segment) => segment.start < end && segment.end > start)
    .map((segment) => ({ ...segment, from: Math.max(start, segment.start) - segment.start, to: Math.min(end, segment.end) - segment.start }));
}

/**
 * Suggestions explain what to write instead and usually carry a quoted example; that example is
 * the replacement text, the whole suggestion otherwise.
 */
export function replacementFor(suggestion: string): string {
  const example = /e\.g\.\s*["“]([^"”]+)["”]/.exec(suggestion);
  return example?.[1] ?? suggestion;
}

/**
 * Replaces the text a finding covers. Returns false, changing nothing, when the text there is no
 * longer what was flagged (the document changed since it was linted).
 */
export function $replaceRange(lintText: LintText, start: number, end: number, expected: string, replacement: string): boolean {
  const pieces = segmentsInRange(lintText, start, end);
  const current = pieces
    .map((piece) => {
      const node = $getNodeByKey(piece.key);
      return $isTextNode(node) ? node.getTextContent().slice(piece.from, piece.to) : '';
    })
    .join('');
  if (current !== expected || pieces.length === 0) return false;
  // Last piece first, so the offsets of earlier pieces stay valid.
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i];
    const node = piece ? $getNodeByKey(piece.key) : null;
    if (!piece || !$isTextNode(node)) continue;
    const insert = i === 0 ? replacement : '';
    const content = node.getTextContent();
    const next = content.slice(0, piece.from) + insert + content.slice(piece.to);
    if ($isMentionNode(node)) {
      // A mention is one token; once part of it is rewritten it is no longer a mention.
      const plain = $createTextNode(next).setFormat(node.getFormat());
      node.replace(plain);
      if (next === '') plain.remove();
    } else if (next === '') {
      node.remove();
    } else {
      node.setTextContent(next);
    }
  }
  return true;
}
