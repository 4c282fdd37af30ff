import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';

/** Undo notices wait for a keyboard or pointer user, and Ctrl/Cmd+Z undoes the last deletion. */
test('an Undo notice stays while focused or hovered, and Ctrl/Cmd+Z undoes the deletion', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title: 'Keep me', severity: 'SEV3' });
  await library.backToLibrary();
  await expect(library.row('Keep me')).toBeVisible();
  // After the app has loaded (see review.spec.ts): timers are then under the test's control.
  await page.clock.install();

  await page.getByRole('button', { name: 'Delete Keep me' }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await undo.focus();
  await page.clock.fastForward('00:30');
  await expect(undo).toBeVisible();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(library.row('Keep me')).toBeVisible();
  await expect(undo).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete Keep me' }).click();
  await expect(undo).toBeVisible();
  await undo.hover();
  await page.clock.fastForward('00:30');
  await expect(undo).toBeVisible();
  await page.mouse.move(0, 0);
  await page.clock.fastForward('00:09');
  await expect(undo).toHaveCount(0);
  await expect(library.row('Keep me')).toHaveCount(0);
});
