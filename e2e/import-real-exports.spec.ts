import { zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { fixtureFile, ImportPage, zipFixtureFolder, type FilePayload } from './pages/import-page';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

async function newIncident(page: Page, title: string): Promise<ImportPage> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title, severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });
  return new ImportPage(page);
}

test('PagerDuty log entries, notes, incident and webhooks picked one by one import as one source', async ({ page }) => {
  const importer = await newIncident(page, 'Search latency');
  const parts = ['pagerduty-log-entries.json', 'pagerduty-notes.json', 'pagerduty-incident.json'].map((name) => fixtureFile(`pagerduty-record/${name}`, 'application/json'));
  await importer.chooseFiles([...parts.map((part) => ({ ...part, name: part.name.replace('pagerduty-record/', '') })), fixtureFile('pagerduty-webhooks-v3.ndjson')]);
  const group = 'pagerduty-log-entries.json + pagerduty-notes.json + pagerduty-incident.json + pagerduty-webhooks-v3.ndjson';
  await expect(importer.item(group).getByLabel(`Format of ${group}`)).toHaveValue('pagerduty');
  await expect(importer.item(group)).toContainText('folder, 4 files');
  await page.screenshot({ path: test.info().outputPath('import-pagerduty-group.png'), fullPage: true });
  await importer.runImport();
  // 7 log entries + the note not in them + 5 webhook events (its note is the logged one).
  await expect(importer.result(group)).toContainText('13 added');
  await importer.close();
  await expect(page.getByRole('tabpanel').getByText('Customer support reports search timeouts for EU tenants too')).toBeVisible();
  await expect(page.getByRole('tabpanel').getByText('Status update published: Failover complete; latency recovering')).toBeVisible();
});

test('a Slack export of day files only is recognised, and switching format and back counts its messages again', async ({ page }) => {
  const importer = await newIncident(page, 'Checkout day files');
  const zip = zipFixtureFolder('slack-export', 'day-files.zip', (path) => path.startsWith('incident-checkout/'));
  await importer.chooseFiles([zip]);
  const item = importer.item('day-files.zip');
  await expect(item.getByLabel('Format of day-files.zip')).toHaveValue('slack-export');
  const row = item.getByRole('row', { name: /incident-checkout/ });
  // The count honours the time window: the early message outside it is not counted.
  await expect(row.getByRole('cell').last()).toHaveText('4');
  await item.getByLabel('Format of day-files.zip').selectOption('csv-timeline');
  // A ZIP forced into a text format is named for what it is, never shown as raw bytes.
  await expect(item.getByRole('alert')).toContainText('day-files.zip: this is a ZIP archive, not a text file');
  await expect(importer.dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await item.getByLabel('Format of day-files.zip').selectOption('slack-export');
  await expect(item.getByRole('row', { name: /incident-checkout/ }).getByRole('cell').last()).toHaveText('4');
  await importer.runImport();
  await expect(importer.result('day-files.zip')).toContainText('4 added');
});

test('a DM-only Slack export says why nothing was added', async ({ page }) => {
  const importer = await newIncident(page, 'DM only');
  const files = { 'users.json': json([{ id: 'U1', name: 'priya' }]), 'channels.json': json([]), 'dms.json': json([{ id: 'D01', members: ['U1', 'U2'] }]) };
  const zip: FilePayload = { name: 'dms.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) };
  await importer.chooseFiles([zip]);
  await expect(importer.item('dms.zip').getByLabel('Format of dms.zip')).toHaveValue('slack-export');
  await importer.runImport();
  await expect(importer.result('dms.zip')).toContainText('0 added');
  await expect(importer.result('dms.zip')).toContainText('nothing to import: the export lists 1 direct message but holds none of its messages');
  await page.screenshot({ path: test.info().outputPath('import-dm-only.png'), fullPage: true });
});
