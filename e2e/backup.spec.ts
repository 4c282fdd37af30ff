import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { BackupPage } from './pages/backup-page';
import { LibraryPage, type IncidentFields } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';

const SHOT = (name: string) => `/tmp/bk-${name}.png`;

const CHECKOUT: IncidentFields = {
  title: 'Checkout returns 5xx after deploy',
  severity: 'SEV2',
  status: 'Resolved',
  timeZone: 'America/Los_Angeles',
  started: '2024-06-12T23:52',
  resolved: '2024-06-13T01:10',
  services: 'checkout, payments-api',
  commander: 'Priya Raman',
  summary: 'A config change made checkout return 5xx for 78 minutes.',
};
const SEARCH: IncidentFields = { title: 'Search latency above SLO', severity: 'SEV3' };

test('a backup brings back a deleted incident with its fields, and keeps what was added since', async ({ page, network }) => {
  const library = new LibraryPage(page);
  const backup = new BackupPage(page);
  await library.goto();
  await library.createIncident(CHECKOUT);
  await library.backToLibrary();
  await library.createIncident(SEARCH);
  await library.backToLibrary();

  await backup.open();
  await page.screenshot({ path: SHOT('dialog') });
  const { download, path } = await backup.backUp();
  expect(download.suggestedFilename()).toMatch(/^debrief-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByText(/^Saved the backup debrief-backup-/)).toBeVisible();

  await library.row(CHECKOUT.title).getByRole('button', { name: `Delete ${CHECKOUT.title}` }).click();
  await expect(library.row(CHECKOUT.title)).toHaveCount(0);
  // Reloading ends the undo window: the incident is removed for good at start-up.
  await page.reload();
  await expect(page.getByText('1 incident', { exact: true })).toBeVisible();
  await library.createIncident({ title: 'Made after the backup', severity: 'SEV4' });
  await library.backToLibrary();

  await backup.open();
  await backup.pickRestoreFile(path);
  await expect(backup.dialog.getByRole('row', { name: 'Incidents 2' })).toBeVisible();
  await expect(backup.dialog).toContainText(download.suggestedFilename());
  await expect(backup.dialog).toContainText('nothing is deleted');
  await page.screenshot({ path: SHOT('confirm') });
  await backup.dialog.getByRole('button', { name: /^Restore \d+ records?$/ }).click();
  await expect(backup.dialog).toBeHidden();
  await expect(page.getByText(/^Restored \d+ records? from debrief-backup-/)).toBeVisible();

  await expect(page.getByText('3 incidents', { exact: true })).toBeVisible();
  await expect(library.row('Made after the backup')).toBeVisible();
  // The row's first button opens the incident; the second deletes it.
  await library.row(CHECKOUT.title).getByRole('button').first().click();
  const facts = page.locator('.workspace-facts');
  await expect(facts).toContainText('Started 2024-06-12 23:52 PDT');
  await expect(facts).toContainText('Resolved 2024-06-13 01:10 PDT');
  await expect(facts).toContainText('Incident Commander Priya Raman');
  await expect(facts).toContainText('Services checkout, payments-api');
  expect(network.external).toEqual([]);
});

test('a JSON file that is not a backup is refused with its name and changes nothing', async ({ page }) => {
  const library = new LibraryPage(page);
  const backup = new BackupPage(page);
  await library.goto();
  await library.createIncident(SEARCH);
  await library.backToLibrary();

  await backup.open();
  await backup.pickRestoreFile({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ incidents: [{ title: 'Imposter' }] })) });
  await expect(backup.dialog.getByRole('alert')).toContainText('notes.json is not a Debrief backup');
  await page.screenshot({ path: SHOT('error') });
  const violations = (await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await backup.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('1 incident', { exact: true })).toBeVisible();
  await expect(library.row('Imposter')).toHaveCount(0);
});

test('File > Export… backs up on the library and exports the postmortem inside an incident', async ({ page }) => {
  const library = new LibraryPage(page);
  const backup = new BackupPage(page);
  const pm = new PostmortemPage(page);
  await library.goto();
  await library.createIncident(CHECKOUT);

  // Without a postmortem the command shows the tab's normal empty state.
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(page.getByRole('tab', { name: /Postmortem/ })).toHaveAttribute('aria-selected', 'true');
  await pm.createDraft('Executive summary');
  await expect(page.getByRole('dialog', { name: 'Export postmortem' })).toHaveCount(0);

  // From another tab, the command opens the export dialog of the postmortem.
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(page.getByRole('dialog', { name: 'Export postmortem' })).toBeVisible();
  // The request travelled in the address and left it once taken.
  await expect(page).toHaveURL(/\/postmortem$/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Export postmortem' })).toHaveCount(0);
  // And while the postmortem is already showing.
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(page.getByRole('dialog', { name: 'Export postmortem' })).toBeVisible();
  await page.keyboard.press('Escape');

  await library.backToLibrary();
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(backup.dialog).toBeVisible();
});
