import { $isMarkNode } from '@lexical/mark';
import { $createRangeSelection, $getRoot, $isElementNode, $isTextNode, type TextNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { bindHeadlessCopy } from './collab-binding';
import { $addCommentMark, $commentMarkIds, $removeCommentMark, $restoreCommentMark } from './comment-marks';
import { addReply, addThread, COMMENT_THREADS, readThreads, setThreadResolved } from './comment-threads';
import { exportMarkdownFromState, importMarkdownToState } from './markdown-io';

/** Two machines' documents, connected like the sync server connects them (updates both ways). */
function linked(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(b, update, 'net'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(a, update, 'net'));
  return [a, b];
}

const comment = (id: string, author: string, text: string, at: number) => ({ id, author, text, at, mentions: [] });

describe('comment threads in the shared document', () => {
  test('a thread, a reply and a resolve reach the other machine', () => {
    const [ana, ben] = linked();
    addThread(ana, { id: 't1', quote: 'retries' }, comment('c1', 'Ana', 'Why three retries?', 10));
    expect(readThreads(ben)).toMatchObject([{ id: 't1', quote: 'retries', author: 'Ana', resolved: null, comments: [{ text: 'Why three retries?' }] }]);
    expect(addReply(ben, 't1', comment('c2', 'Ben', 'The client default.', 20))).toBe(true);
    setThreadResolved(ben, 't1', { name: 'Ben', at: 30 });
    expect(readThreads(ana)[0]).toMatchObject({ resolved: { by: 'Ben', at: 30 }, comments: [{ id: 'c1' }, { id: 'c2', author: 'Ben' }] });
    setThreadResolved(ana, 't1', null);
    expect(readThreads(ben)[0]?.resolved).toBeNull();
  });

  test('replies written at once on two disconnected machines both land, in the same order everywhere', () => {
    const ana = new Y.Doc();
    const ben = new Y.Doc();
    addThread(ana, { id: 't1', quote: 'q' }, comment('c1', 'Ana', 'First', 1));
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));
    addReply(ana, 't1', comment('c2', 'Ana', 'From Ana', 5));
    addReply(ben, 't1', comment('c3', 'Ben', 'From Ben', 5));
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));
    Y.applyUpdate(ana, Y.encodeStateAsUpdate(ben));
    expect(readThreads(ana)).toEqual(readThreads(ben));
    expect(readThreads(ana)[0]?.comments.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  test('what a teammate’s app wrote malformed is left out', () => {
    const doc = new Y.Doc();
    addThread(doc, { id: 't1', quote: 'q' }, comment('c1', 'Ana', 'Fine', 1));
    const threads = doc.getMap<unknown>(COMMENT_THREADS);
    threads.set('junk', 'not a thread');
    const broken = new Y.Map<unknown>();
    const comments = new Y.Array<unknown>();
    comments.push([{ id: 5, text: null }]);
    broken.set('comments', comments);
    threads.set('t2', broken);
    expect(readThreads(doc).map((t) => t.id)).toEqual(['t1']);
    expect(addReply(doc, 'junk', comment('c9', 'Ana', 'x', 2))).toBe(false);
  });
});

describe('comment marks', () => {
  test('mark the commented text for teammates, and leave the exported Markdown as it was', () => {
    const [ana, ben] = linked();
    const markdown = '# Summary\n\nPayments **timed out** after the retries.';
    const anaCopy = bindHeadlessCopy(ana, 'doc');
    anaCopy.replace(importMarkdownToState(markdown));
    const benCopy = bindHeadlessCopy(ben, 'doc');
    anaCopy.editor.update(
      () => {
        const paragraph = $getRoot().getLastChild();
        if (!$isElementNode(paragraph)) throw new Error('no paragraph');
        const texts = paragraph.getAllTextNodes().filter($isTextNode) as TextNode[];
        const first = texts[0] as TextNode;
        const bold = texts[1] as TextNode;
        // "Payments timed" — across a bold boundary.
        const selection = $createRangeSelection();
        selection.anchor.set(first.getKey(), 0, 'text');
        selection.focus.set(bold.getKey(), 5, 'text');
        $addCommentMark(selection, 't1');
      },
      { discrete: true },
    );
    expect(benCopy.editor.read(() => [...$commentMarkIds()])).toEqual(['t1']);
    expect(exportMarkdownFromState(benCopy.state())).toBe(markdown);
    expect(exportMarkdownFromState(anaCopy.state())).toBe(markdown);

    benCopy.editor.update(() => $removeCommentMark('t1'), { discrete: true });
    expect(anaCopy.editor.read(() => [...$commentMarkIds()])).toEqual([]);
    expect(exportMarkdownFromState(anaCopy.state())).toBe(markdown);

    // Reopened: the quoted text ("Payments timed", across the bold) is marked again, for both.
    let marked = false;
    anaCopy.editor.update(() => (marked = $restoreCommentMark('t1', 'Payments  timed')), { discrete: true });
    expect(marked).toBe(true);
    expect(benCopy.editor.read(() => [...$commentMarkIds()])).toEqual(['t1']);
    const markedText = benCopy.editor.read(() => $getRoot().getAllTextNodes().filter((node) => $isMarkNode(node.getParent())).map((node) => node.getTextContent()).join(''));
    expect(markedText).toBe('Payments timed');
    expect(exportMarkdownFromState(benCopy.state())).toBe(markdown);
    // Text that is gone cannot be marked; a thread marked already stays as it is.
    anaCopy.editor.update(() => (marked = $restoreCommentMark('t2', 'was never written')), { discrete: true });
    expect(marked).toBe(false);
    anaCopy.editor.update(() => (marked = $restoreCommentMark('t1', 'Payments timed')), { discrete: true });
    expect(marked).toBe(true);
    expect(anaCopy.editor.read(() => $getRoot().getAllTextNodes().filter((node) => $isMarkNode(node.getParent())).length)).toBe(2);
  });
});
