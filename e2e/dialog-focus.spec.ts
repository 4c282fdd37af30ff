import { expect, test } from './fixtures';
import { ActionItemsPage } from './pages/action-items-page';
import { BackupPage } from './pages/backup-page';
import { csvTimeline, ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';
import { TimelinePage, timelineFixture } from './pages/timeline-page';

/**
 * Where keyboard focus goes as dialogs open and close: each dialog starts at its first decision,
 * and Esc or its own action hands focus back to the control that opened it, or to the thing just
 * created (the new row, the editor). Never to <body>, where the next Tab starts over at the top.
 */
const INCIDENT = { title: 'Checkout 5xx after config 4512', severity: 'SEV2', timeZone: 'America/Los_Angeles', started: '2024-06-12T23:52' } as const;
const FILES = [timelineFixture('pagerduty-log.json', 'application/json'), timelineFixture('timeline.csv', 'text/csv')];

test('the import wizard starts at the first file, imports with Ctrl/Cmd+Enter, announces the result and hands focus back to Import…', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident(INCIDENT);
  await importer.chooseFiles(FILES);
  await expect(importer.dialog.getByRole('checkbox', { name: 'pagerduty-log.json' })).toBeFocused();
  const importButton = importer.dialog.getByRole('button', { name: 'Import 2 files' });
  await expect(importButton).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(importer.dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(importer.dialog.getByRole('status').filter({ hasText: 'Import finished.' })).toContainText('pagerduty-log.json: 3 added.');
  const close = importer.dialog.locator('.form-actions').getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(importer.dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import…' })).toBeFocused();
});

test('Sources and the milestone dialog hand focus back on Esc and on Save', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  const tl = new TimelinePage(page);
  await library.goto();
  await library.createIncident(INCIDENT);
  await importer.chooseFiles(FILES);
  await importer.runImport();
  await importer.close();

  await importer.openSources();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Sources/ })).toBeFocused();

  // m on the selected row, Esc: back on the row.
  await tl.select('Triggered through the API');
  await page.keyboard.press('m');
  await expect(tl.dialog.getByRole('heading', { name: /milestone/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tl.dialog).toHaveCount(0);
  await expect(tl.row('Triggered through the API')).toBeFocused();

  // The row's ◆ button, Save: back on that button.
  const diamond = tl.row('Triggered through the API').getByRole('button', { name: /^Set milestone at / });
  await diamond.click();
  await tl.saveMilestone('Detect');
  await expect(diamond).toBeFocused();

  // + Milestone in the side panel, Save: back on + Milestone.
  const add = tl.milestones.getByRole('button', { name: '+ Milestone' });
  await add.click();
  await tl.saveMilestone('Mitigate', '2024-06-13T00:20:00');
  await expect(add).toBeFocused();
});

test('j and k move focus with the selection and keep the row in view', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  const tl = new TimelinePage(page);
  await library.goto();
  await library.createIncident(INCIDENT);
  await importer.chooseFiles([csvTimeline('backlog.csv', 200)]);
  await importer.runImport();
  await importer.close();

  await tl.select(/Backlog item 0 drained/);
  for (let i = 0; i < 40; i++) await page.keyboard.press('j');
  const row = tl.row(/Backlog item 40 drained/);
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row).toBeFocused();
  await expect(row).toBeInViewport();
  const list = await tl.list.boundingBox();
  const box = await row.boundingBox();
  if (!list || !box) throw new Error('the list or the row has no box');
  expect(box.y).toBeGreaterThanOrEqual(list.y - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(list.y + list.height + 1);
  for (let i = 0; i < 5; i++) await page.keyboard.press('k');
  await expect(tl.row(/Backlog item 35 drained/)).toBeFocused();
});

test('Create draft focuses the document; Export hands focus back on Esc and after the download', async ({ page }) => {
  const library = new LibraryPage(page);
  const pm = new PostmortemPage(page);
  await library.goto();
  await library.createIncident(INCIDENT);
  await pm.open();
  await pm.createDraft('Incident review');
  await expect(pm.editor).toBeFocused();

  const exportButton = pm.toolbar.getByRole('button', { name: 'Export…' });
  await exportButton.click();
  await expect(pm.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(pm.dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  await pm.exportMarkdown();
  await expect(pm.dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();
});

test('a new action item takes focus on its row; the SLA policy and Backup dialogs hand focus back on Esc', async ({ page }) => {
  const library = new LibraryPage(page);
  const actions = new ActionItemsPage(page);
  const backup = new BackupPage(page);
  await library.goto();
  await library.createIncident(INCIDENT);
  await actions.openTab();
  await actions.create({ title: 'Add a canary for config pushes', priority: 'P1' });
  await expect(actions.row('Add a canary for config pushes')).toBeFocused();

  const sla = page.getByRole('button', { name: 'SLA policy…' }).first();
  await sla.click();
  await expect(actions.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(actions.dialog).toHaveCount(0);
  await expect(sla).toBeFocused();

  await library.backToLibrary();
  await backup.open();
  await page.keyboard.press('Escape');
  await expect(backup.dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Back up or restore…' })).toBeFocused();
});

test('a new incident takes focus into its page; a cancelled one gives it back to New incident', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openNewIncident();
  await page.keyboard.press('Escape');
  await expect(library.dialog).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('button', { name: 'New incident' })).toBeFocused();
  await library.createIncident(INCIDENT);
  await expect(page.getByRole('main')).toBeFocused();
});

test('the skip link is the first Tab stop and moves focus past the app bar to the incident', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident(INCIDENT);
  // A fresh load, as a keyboard user arrives: the first Tab starts at the top of the page.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: INCIDENT.title })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  // The next stop is inside the incident, not the app bar.
  expect(await page.getByRole('main').evaluate((main) => main.contains(document.activeElement))).toBe(true);
});
