import { expect, test } from './fixtures';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { TimelinePage, timelineFixture } from './pages/timeline-page';

/**
 * Keyboard-only use of the incident workspace: shortcuts act on the page only while no dialog
 * is open, Esc closes every dialog and focus goes back to what opened it, each key does one
 * thing, and the "?" sheet and the Ctrl/Cmd+K palette list the actions.
 */
test.beforeEach(async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout 5xx after config 4512', severity: 'SEV2', timeZone: 'America/Los_Angeles', started: '2024-06-12T23:52' });
  await importer.chooseFiles([timelineFixture('pagerduty-log.json', 'application/json'), timelineFixture('timeline.csv', 'text/csv')]);
  await importer.runImport();
  await importer.close();
});

test('timeline keys stay quiet behind the Sources and Edit incident dialogs, and Esc closes both', async ({ page }) => {
  const tl = new TimelinePage(page);
  const importer = new ImportPage(page);
  await tl.select('Triggered through the API');

  await importer.openSources();
  await page.keyboard.press('j');
  await page.keyboard.press('m');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Set a milestone' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Sources/ })).toBeFocused();
  // Nothing moved behind the dialog.
  await expect(tl.row('Triggered through the API')).toHaveAttribute('aria-current', 'true');

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Edit incident' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
});

test('n steps through search matches and never opens New incident; C does', async ({ page }) => {
  const tl = new TimelinePage(page);
  await page.keyboard.press('/');
  await expect(tl.search).toBeFocused();
  await page.keyboard.type('config');
  await page.keyboard.press('Escape');
  await expect(tl.search).toHaveValue('');
  await tl.search.fill('config');
  await tl.search.blur();
  await page.keyboard.press('n');
  await expect(tl.hitCounter).toHaveText(/^1 of \d+$/);
  await page.keyboard.press('n');
  await expect(tl.hitCounter).toHaveText(/^2 of \d+$/);
  await page.keyboard.press('Shift+N');
  await expect(tl.hitCounter).toHaveText(/^1 of \d+$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.keyboard.press('c');
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'New incident' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('? lists every shortcut and Ctrl/Cmd+K runs an action by name', async ({ page }) => {
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const action of ['Command palette', 'New incident', 'Next search match', 'Previous search match', 'Start the review meeting', 'New action item', 'Capture a question']) {
    await expect(help.getByText(action, { exact: true })).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('shortcut-help.png') });
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox', { name: 'Search actions' })).toBeFocused();
  // The Timeline's own actions are listed with their keys while it shows.
  await expect(palette.getByRole('option', { name: /Next event\s*J/ })).toBeVisible();
  await page.keyboard.type('review tab');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('command-palette.png') });
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Review' })).toHaveAttribute('aria-selected', 'true');

  // Esc closes the palette and focus goes back where it was.
  await page.getByRole('tab', { name: 'Review' }).focus();
  await page.keyboard.press('ControlOrMeta+k');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Review' })).toBeFocused();
});

test('the meeting view is modal: Tab stays inside it and page keys do not reach the workspace', async ({ page }) => {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('button', { name: /Start review meeting/ })).toBeVisible();
  await page.keyboard.press('f');
  const meeting = page.getByRole('dialog', { name: 'Meeting view' });
  await expect(meeting).toBeFocused();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await meeting.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('tab', { name: 'Review' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ControlOrMeta+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toHaveCount(0);
  await meeting.focus();
  await page.keyboard.press('Escape');
  await expect(meeting).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Start review meeting/ })).toBeFocused();
});
