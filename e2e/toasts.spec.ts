import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { LibraryPage } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';

/** The editor text under the notices: each piece of text whose line box meets the stack's box. */
function textUnderNotices(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const stack = document.querySelector('.toasts')?.getBoundingClientRect();
    if (!stack || stack.height === 0) return [];
    const under: string[] = [];
    const range = document.createRange();
    for (const editor of Array.from(document.querySelectorAll('[contenteditable="true"]'))) {
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        range.selectNodeContents(node);
        for (const line of Array.from(range.getClientRects())) {
          if (line.right > stack.left && line.left < stack.right && line.bottom > stack.top && line.top < stack.bottom) under.push(node.nodeValue ?? '');
        }
      }
    }
    return under;
  });
}

const LONG = 'Checkout requests failed for customers in every region while the new release rolled out, and the error pages gave them no way to retry the payment later. '.repeat(3).trim();

test('notices never cover the postmortem’s text, even in a window the editor fills', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title: 'Notice placement', severity: 'SEV3', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });
  const pm = new PostmortemPage(page);
  await pm.open();
  await pm.createDraft('Incident review');
  await pm.typeAfter('Describe who was affected, how, and for how long.', ` ${LONG}`);
  await pm.waitSaved();
  const long = pm.editor.locator('p').filter({ hasText: 'Checkout requests failed' });

  // The long paragraph low, in the middle and high in the window, one more notice each time.
  for (const block of ['end', 'center', 'start'] as const) {
    await long.evaluate((element, where) => element.scrollIntoView({ block: where }), block);
    await pm.saveVersion(`at the ${block}`);
    await expect(page.locator('.toast')).toHaveCount(['end', 'center', 'start'].indexOf(block) + 1);
    await page.screenshot({ path: test.info().outputPath(`notices-${block}.png`) });
    expect(await textUnderNotices(page)).toEqual([]);
  }

  // Text growing under the notices (inserted at once, so they are still up) moves them away.
  const before = await page.locator('.toasts').boundingBox();
  const paragraph = pm.editor.locator('p').filter({ hasText: 'How did we find out, and what signal would have shown it sooner?' });
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(` ${LONG}`);
  await expect(paragraph).toContainText(LONG);
  await expect(page.locator('.toast')).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('notices-typing.png') });
  expect(await textUnderNotices(page)).toEqual([]);
  expect(await page.locator('.toasts').boundingBox()).not.toEqual(before);
});
