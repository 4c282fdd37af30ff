import { expect, test } from './fixtures';
import { ImportPage, zipFixtureFolder } from './pages/import-page';
import { LibraryPage } from './pages/library-page';

/** The Slack preview's per-conversation counts follow the chosen time window (fixture: e2e/fixtures/import/slack-export). */
test('per-conversation message counts honour the time window as it changes', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout 5xx after config deploy', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });
  await importer.chooseFiles([zipFixtureFolder('slack-export', 'window.zip')]);
  const item = importer.item('window.zip');
  const count = item.getByRole('row', { name: /#incident-checkout/ }).getByRole('cell').last();
  await expect(item.getByLabel('From')).toHaveValue('2024-06-12T12:00');
  await expect(count).toHaveText('4');
  // Earlier start: the chat at 06:00 is in the window, and counted.
  await item.getByLabel('From').fill('2024-06-12T05:00');
  await expect(count).toHaveText('5');
  // A window after the incident holds only the last message.
  await item.getByLabel('From').fill('2024-06-12T15:00');
  await expect(count).toHaveText('1');
  await importer.runImport();
  await expect(importer.result('window.zip')).toContainText('1 added');
});
