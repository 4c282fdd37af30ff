import { zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { TimelinePage } from './pages/timeline-page';
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

test('PagerDuty v1 and v2 webhooks picked together import as one source', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title: 'Search p99', severity: 'SEV2', timeZone: 'UTC', started: '2025-03-09T06:40', resolved: '2025-03-09T08:00' });
  const importer = new ImportPage(page);
  await importer.chooseFiles([fixtureFile('pagerduty-webhook-v1.json', 'application/json'), fixtureFile('pagerduty-webhook-v2.json', 'application/json')]);
  const group = 'pagerduty-webhook-v1.json + pagerduty-webhook-v2.json';
  await expect(importer.item(group).getByLabel(`Format of ${group}`)).toHaveValue('pagerduty');
  await importer.runImport();
  // v1: trigger and acknowledge; v2: a note and the resolve log entry it carries.
  await expect(importer.result(group)).toContainText('4 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('Acknowledged: #731 search-api p99 latency > 2s')).toBeVisible();
  await expect(timeline.getByText('Resolved by Dana Ortiz')).toBeVisible();
});

test('PagerDuty log entries whose html_url and summary are null import every entry', async ({ page }) => {
  const importer = await newIncident(page, 'Checkout 5xx, nullable fields');
  const log = JSON.parse(fixtureFile('pagerduty-log.json').buffer.toString('utf8')) as { log_entries: Record<string, unknown>[] };
  // PagerDuty's schema lets both be null; entries other than the trigger often carry null.
  const nulls = { log_entries: log.log_entries.map((entry) => ({ ...entry, html_url: null, summary: entry.type === 'trigger_log_entry' ? entry.summary : null })) };
  await importer.chooseFiles([{ name: 'pagerduty-nulls.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(nulls)) }]);
  const item = importer.item('pagerduty-nulls.json');
  await expect(item.getByLabel('Format of pagerduty-nulls.json')).toHaveValue('pagerduty');
  await expect(item.getByRole('alert')).toHaveCount(0);
  await importer.runImport();
  await expect(importer.result('pagerduty-nulls.json')).toContainText('3 added');
  await importer.close();
  await expect(new TimelinePage(page).list.getByText('Triggered through the API: checkout 5xx rate above 5%')).toBeVisible();
});

test('an old-style Slack upload keeps its file, messages of one millisecond keep their order, and removing the source removes its people', async ({ page }) => {
  const importer = await newIncident(page, 'Checkout upload');
  const users = [
    { id: 'U0ALICE', name: 'alice', real_name: 'Alice Chen' },
    { id: 'U0CAROL', name: 'carol', real_name: 'Carol Diaz' },
  ];
  const upload = {
    type: 'message',
    subtype: 'file_share',
    upload: true,
    user: 'U0ALICE',
    ts: '1718201000.000100',
    text: '<@U0ALICE> uploaded a file: <https://acme.slack.com/files/U0ALICE/F01/p99-graph.png|p99-graph.png>',
    // Exports before 2019 carry one `file` object rather than a `files` list.
    file: { id: 'F01', name: 'p99-graph.png', title: 'p99 graph', permalink: 'https://acme.slack.com/files/U0ALICE/F01/p99-graph.png' },
  };
  // Four messages within one millisecond, in the export's order.
  const steps = ['drain queue A', 'drain queue B', 'drain queue C', 'drain queue D'].map((text, i) => ({ type: 'message', user: 'U0CAROL', text, ts: `1718201100.00010${i + 1}` }));
  const zip = zipSync({ 'users.json': json(users), 'channels.json': json([{ id: 'C1', name: 'inc' }]), 'inc/2024-06-12.json': json([upload, ...steps]) });
  await importer.chooseFiles([{ name: 'upload.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) }]);
  await importer.runImport();
  await expect(importer.result('upload.zip')).toContainText('5 added');
  await importer.close();

  const timeline = new TimelinePage(page);
  // The attachment under the message, besides the link in its text.
  await expect(timeline.row('uploaded a file').locator('.tl-attachment')).toHaveText('p99-graph.png');
  const order = await timeline.list.getByRole('listitem').filter({ hasText: /drain queue [A-D]/ }).allTextContents();
  expect(order.map((row) => row.match(/drain queue ([A-D])/)?.[1])).toEqual(['A', 'B', 'C', 'D']);
  await page.screenshot({ path: test.info().outputPath('import-old-upload.png'), fullPage: true });

  // Removing the import leaves no one behind with 0 events.
  const mainNav = page.getByRole('navigation', { name: 'Main' });
  await mainNav.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('list', { name: 'People' }).getByRole('listitem', { name: 'Carol Diaz' })).toContainText('4 events');
  await page.goBack();
  await importer.openSources();
  await importer.sourceRow('upload.zip').getByRole('button', { name: 'Remove upload.zip' }).click();
  await importer.sourceRow('upload.zip').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText('Removed upload.zip and its 5 events.')).toBeVisible();
  await importer.dialog.getByRole('button', { name: 'Close' }).click();
  await mainNav.getByRole('link', { name: 'People' }).click();
  await expect(page.getByText('No people yet')).toBeVisible();
});
