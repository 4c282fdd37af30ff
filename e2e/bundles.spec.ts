import { readFileSync } from 'node:fs';
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { BundlePage } from './pages/bundle-page';
import { csvTimeline, ImportPage } from './pages/import-page';
import { LibraryPage, type IncidentFields } from './pages/library-page';
import { TimelinePage } from './pages/timeline-page';

const SHOT = (name: string) => `/tmp/bundles-${name}.png`;

const CHECKOUT: IncidentFields = {
  title: 'Checkout returns 5xx after deploy',
  severity: 'SEV2',
  status: 'Resolved',
  timeZone: 'UTC',
  started: '2024-06-13T07:00',
  services: 'checkout',
  commander: 'Priya Raman',
  summary: 'A config change made checkout return 5xx.',
};

test('an exported bundle imports into a fresh profile as a new incident, and a conflicting merge asks before applying', async ({ page, browser, network }) => {
  const library = new LibraryPage(page);
  const bundles = new BundlePage(page);
  await library.goto();
  await library.createIncident(CHECKOUT);
  const importer = new ImportPage(page);
  await importer.chooseFiles([csvTimeline('queues.csv', 30)]);
  await importer.runImport();
  await importer.close();

  // Hide part of one message: it must not leave in the bundle.
  const timeline = new TimelinePage(page);
  const secret = await timeline.findRow('Backlog item 3 drained');
  await (await timeline.rowButton(secret, /^Redact /)).click();
  await timeline.dialog.getByRole('textbox').evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.indexOf('item 3'), el.value.indexOf('item 3') + 'item 3'.length));
  await timeline.dialog.getByRole('button', { name: 'Hide selection' }).click();
  await timeline.dialog.getByRole('button', { name: 'Done' }).click();
  // The row no longer reads "item 3": it shows a redaction chip instead.
  await expect(timeline.list.getByRole('button', { name: '▇▇ redacted' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Export bundle…' }).click();
  await expect(bundles.exportDialog.getByRole('checkbox', { name: /Include redacted text/ })).not.toBeChecked();
  await page.screenshot({ path: SHOT('export') });
  await bundles.exportDialog.getByRole('button', { name: 'Cancel' }).click();
  const { download, path } = await bundles.exportBundle();
  expect(download.suggestedFilename()).toMatch(/^checkout-returns-5xx-after-deploy-\d{4}-\d{2}-\d{2}\.debrief$/);
  await expect(page.getByText(/^Saved checkout-returns-5xx-after-deploy-.*30 events/)).toBeVisible();
  const inFile = Object.values(unzipSync(new Uint8Array(readFileSync(path)))).map((bytes) => strFromU8(bytes)).join('\n');
  expect(inFile).toContain('Backlog item 4 drained');
  expect(inFile).not.toContain('Backlog item 3 drained');

  // Another Debrief: a fresh profile with nothing in it.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 860 } });
  const theirs = await other.newPage();
  const theirLibrary = new LibraryPage(theirs);
  const theirBundles = new BundlePage(theirs);
  await theirLibrary.goto();
  await theirBundles.pickBundle(path, /^Import an incident bundle…$/);
  await expect(theirBundles.importDialog).toContainText('This adds a new incident to your library with 30 events');
  await theirs.screenshot({ path: SHOT('import-new') });
  await theirBundles.importDialog.getByRole('button', { name: 'Import incident' }).click();
  await expect(theirBundles.importDialog).toBeHidden();
  await expect(theirs.getByRole('heading', { level: 1, name: CHECKOUT.title })).toBeVisible();
  await expect(theirs.getByText('Backlog item 0 drained')).toBeVisible();
  await expect(theirs.getByText('30 events', { exact: true })).toBeVisible();
  await expect(theirs.locator('.workspace-facts')).toContainText('Incident Commander Priya Raman');
  // There the span is still redacted, and what it hid was never sent.
  const theirTimeline = new TimelinePage(theirs);
  await expect(theirTimeline.list.getByRole('button', { name: '▇▇ redacted' })).toHaveCount(1);
  await theirTimeline.list.getByRole('button', { name: '▇▇ redacted' }).click();
  await expect(theirTimeline.list).toContainText('Backlog ██████ drained');

  // They change the title and send the incident back; meanwhile it was edited here too.
  await theirs.getByRole('button', { name: 'Edit' }).click();
  await theirLibrary.dialog.getByLabel('Title').fill('Checkout 5xx: config push');
  await theirLibrary.dialog.getByRole('button', { name: /^Save/ }).click();
  await expect(theirs.getByRole('heading', { level: 1, name: 'Checkout 5xx: config push' })).toBeVisible();
  const back = await new BundlePage(theirs).exportBundle();
  await other.close();

  await page.getByRole('button', { name: 'Edit' }).click();
  await library.dialog.getByLabel('Summary').fill('Edited here after the export.');
  await library.dialog.getByRole('button', { name: /^Save/ }).click();
  await expect(library.dialog).toBeHidden();
  await library.backToLibrary();

  // Dropping the file on the library opens the import with it.
  await bundles.dropBundle(back.path, back.download.suggestedFilename());
  await expect(bundles.importDialog).toContainText('You already have this incident');
  const conflict = bundles.conflict(/^Incident: /);
  await expect(conflict).toContainText('Yours: Checkout returns 5xx after deploy');
  await expect(conflict).toContainText('Bundle’s: Checkout 5xx: config push');
  // Here is newer (edited last): ours is chosen to start with, and nothing has changed yet.
  await expect(conflict.getByRole('radio', { name: /^Keep mine/ })).toBeChecked();
  await expect(page.locator('.incident-title')).toHaveText([CHECKOUT.title]);
  await page.screenshot({ path: SHOT('conflict') });
  const violations = (await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await conflict.getByRole('radio', { name: /^Use the bundle’s/ }).check();
  await bundles.importDialog.getByRole('button', { name: 'Merge with these choices' }).click();
  await expect(bundles.importDialog).toBeHidden();
  await expect(page.getByText(/^Merged .*1 record replaced/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout 5xx: config push' })).toBeVisible();
  await expect(page.locator('.workspace-facts')).toContainText('Incident Commander Priya Raman');
  expect(network.external).toEqual([]);
});

test('a tampered or truncated bundle is refused with the entry named, and nothing changes', async ({ page }) => {
  const library = new LibraryPage(page);
  const bundles = new BundlePage(page);
  await library.goto();
  await library.createIncident(CHECKOUT);
  const { path } = await bundles.exportBundle();
  await page.getByRole('button', { name: 'Delete' }).click();
  // The deletion is stored once its Undo shows; a reload before that could cancel it.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No incidents yet' })).toBeVisible();

  const files = unzipSync(new Uint8Array(readFileSync(path)));
  files['records/incidents.json'] = strToU8(strFromU8(files['records/incidents.json']).replace('Priya Raman', 'Someone Else'));
  await bundles.pickBundle({ name: 'tampered.debrief', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
  const alert = bundles.importDialog.getByRole('alert');
  await expect(alert).toContainText('The entry records/incidents.json of tampered.debrief does not match its checksum');
  await expect(alert).toContainText('Nothing was changed');
  await page.screenshot({ path: SHOT('tampered') });
  await bundles.importDialog.getByRole('button', { name: 'Cancel' }).click();

  const whole = readFileSync(path);
  await bundles.pickBundle({ name: 'cut.debrief', mimeType: 'application/zip', buffer: whole.subarray(0, Math.floor(whole.length * 0.6)) });
  await expect(bundles.importDialog.getByRole('alert')).toContainText('cut.debrief is cut short or damaged');
  await bundles.importDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'No incidents yet' })).toBeVisible();
});
