import type { Box } from './toast-placement';

/** Editors whose text nothing may cover: ours (Lexical) or a library's, and plain text areas. */
const EDITABLE = '[contenteditable="true"], textarea';

/**
 * Where editor text is on screen, in viewport pixels: each line of text of a rich-text editor
 * (so the empty space beside short lines stays usable), the whole block holding the caret (the
 * next words typed go there), and a text area whole (its lines cannot be measured).
 */
export function editorTextBoxes(): Box[] {
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const boxes: Box[] = [];
  const push = (r: DOMRectReadOnly) => {
    const box = { left: Math.max(r.left, 0), top: Math.max(r.top, 0), right: Math.min(r.right, viewport.width), bottom: Math.min(r.bottom, viewport.height) };
    if (box.right > box.left && box.bottom > box.top) boxes.push(box);
  };
  const range = document.createRange();
  const caret = document.getSelection()?.focusNode ?? null;
  for (const editor of document.querySelectorAll<HTMLElement>(EDITABLE)) {
    if (editor instanceof HTMLTextAreaElement) {
      push(editor.getBoundingClientRect());
      continue;
    }
    // An editable inside another is measured with the outer one's text.
    if (editor.parentElement?.closest('[contenteditable="true"]')) continue;
    for (const block of blocksOnScreen(editor, viewport.height)) {
      if (caret && block.contains(caret)) push(block.getBoundingClientRect());
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.nodeValue?.trim()) continue;
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) push(line);
      }
    }
  }
  return boxes;
}

/**
 * The editor's top-level blocks that are at least partly on screen. Blocks are stacked top to
 * bottom, so a binary search finds the first: a long document costs a few measurements, which
 * matters because this runs on every scroll and keystroke while a notice shows.
 */
function blocksOnScreen(editor: HTMLElement, viewportHeight: number): Element[] {
  const blocks = editor.children;
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((blocks[middle]?.getBoundingClientRect().bottom ?? 0) < 0) low = middle + 1;
    else high = middle;
  }
  const onScreen: Element[] = [];
  for (let i = low; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block || block.getBoundingClientRect().top > viewportHeight) break;
    onScreen.push(block);
  }
  return onScreen;
}
