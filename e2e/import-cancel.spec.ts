import { Zip, ZipDeflate } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { csvTimeline, ImportPage, type FilePayload } from './pages/import-page';

async function newIncident(page: Page, title: string): Promise<ImportPage> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title, severity: 'SEV2', timeZone: 'UTC', started: '2024-06-13T06:00', resolved: '2024-06-13T12:00' });
  return new ImportPage(page);
}

/** A Slack export whose one day file inflates to `mib` MiB of spaces inside a JSON array (a few hundred KB zipped). */
function slackBomb(name: string, mib: number): FilePayload {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const add = (path: string, write: (push: (bytes: Uint8Array, last: boolean) => void) => void) => {
    const entry = new ZipDeflate(path, { level: 9 });
    zip.add(entry);
    write((bytes, last) => entry.push(bytes, last));
  };
  const text = (value: string) => new TextEncoder().encode(value);
  add('users.json', (push) => push(text('[{"id":"U1","name":"priya"}]'), true));
  add('channels.json', (push) => push(text('[{"id":"C1","name":"incident-checkout"}]'), true));
  add('incident-checkout/2024-06-13.json', (push) => {
    const spaces = new Uint8Array(1024 * 1024).fill(0x20);
    push(text('['), false);
    for (let i = 0; i < mib; i++) push(spaces, false);
    push(text(']'), true);
  });
  zip.end();
  return { name, mimeType: 'application/zip', buffer: Buffer.concat(parts) };
}

test('Cancel import stops a running import and keeps nothing from the file', async ({ page }) => {
  const importer = await newIncident(page, 'Queue backlog');
  await importer.chooseFiles([csvTimeline('queue-backlog.csv', 150_000)]);
  const item = importer.item('queue-backlog.csv');
  await expect(item.getByLabel('Format of queue-backlog.csv')).toHaveValue('csv-timeline');
  await importer.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  // Cancel once the worker is reading or saving: the parse or the block writes are under way.
  await expect(importer.dialog.getByText(/^(Reading|Saving events) ·/)).toBeVisible();
  await importer.dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(importer.result('queue-backlog.csv')).toContainText('Cancelled: nothing from this file was kept.');
  await page.screenshot({ path: test.info().outputPath('import-cancelled.png'), fullPage: true });
  await importer.close();
  await expect(page.getByRole('button', { name: /^Sources/ })).not.toContainText('(1)');
  await expect(page.getByText('Backlog item 0 drained')).toHaveCount(0);
});

test('a zip bomb is refused at the 64 MB cap for one file, naming the entry, and nothing is imported', async ({ page }) => {
  const importer = await newIncident(page, 'Zip bomb');
  await importer.chooseFiles([slackBomb('bomb.zip', 80)]);
  const item = importer.item('bomb.zip');
  await expect(item.getByLabel('Format of bomb.zip')).toHaveValue('slack-export');
  await importer.runImport();
  await expect(importer.result('bomb.zip')).toContainText(
    'Not imported, nothing was changed. bomb.zip, incident-checkout/2024-06-13.json: exceeds the limit of 64 MB for one file',
  );
  await importer.close();
  await expect(page.getByRole('button', { name: /^Sources/ })).not.toContainText('(1)');
});
