import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { fixtureFile, ImportPage } from './pages/import-page';
import { TimelinePage } from './pages/timeline-page';

test('imports a Mattermost bulk export (JSONL), detected from its content, with its thread replies', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Ledger lag', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T10:55', resolved: '2024-06-12T12:00' });
  await importer.chooseFiles([fixtureFile('mattermost-bulk.jsonl', 'application/x-ndjson')]);
  await expect(importer.item('mattermost-bulk.jsonl').getByLabel('Format of mattermost-bulk.jsonl')).toHaveValue('mattermost');
  await expect(importer.item('mattermost-bulk.jsonl')).toContainText('6 events');
  await importer.runImport();
  await expect(importer.result('mattermost-bulk.jsonl')).toContainText('6 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('Ledger consumer lag at 40k messages, declaring SEV2')).toBeVisible();
  await expect(timeline.getByText('Should we page the storage on-call?')).toBeVisible();
  await page.screenshot({ path: '/tmp/import13-mattermost.png', fullPage: true });
});
