import type { Locator } from '@playwright/test';

/** Where to put a caret: the start or end of the text, or after the first n characters. */
export type CaretSpot = 'start' | 'end' | number;

/**
 * Clicks `element` and puts the caret at the start or end of its text, or after the first `where`
 * characters of its first text node (End and Home only reach the ends of a visual line).
 */
export async function putCaretIn(element: Locator, where: CaretSpot = 'end'): Promise<void> {
  await element.click();
  await element.evaluate((root, at) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let first: Text | null = null;
    let last: Text | null = null;
    while (walker.nextNode()) {
      last = walker.currentNode as Text;
      first ??= last;
    }
    if (at === 'start' && first) document.getSelection()?.collapse(first, 0);
    else if (typeof at === 'number' && first) document.getSelection()?.collapse(first, Math.min(at, first.length));
    else if (last) document.getSelection()?.collapse(last, last.length);
  }, where);
}
