import { expect, test } from './fixtures';
import { BackupPage } from './pages/backup-page';
import { bridgeStats, installDesktopBridge, queuePick, savedFile } from './pages/desktop-bridge';
import { csvTimeline, fixtureFile, ImportPage, zipFixtureFolder } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { TeamSyncPage } from './pages/team-sync-page';
import { TimelinePage } from './pages/timeline-page';

const MIB = 1024 * 1024;

test.setTimeout(300_000);
test.beforeEach(async ({ page }) => installDesktopBridge(page));

test('desktop File > Import…: picked files are read by handle in ranges of at most 8 MiB, and import as in the browser', async ({ page, network }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout 5xx after config deploy', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });

  const slack = zipFixtureFolder('slack-export', 'acme-slack-export.zip');
  // Larger than one chunk, so hashing and parsing read it in several pieces.
  const csv = csvTimeline('queue-backlog.csv', 150_000);
  expect(csv.buffer.length).toBeGreaterThan(8 * MIB);
  await queuePick(page, [slack, fixtureFile('pagerduty-log.json', 'application/json'), csv]);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(importer.dialog.getByRole('heading', { name: 'Import into this incident' })).toBeVisible();
  await expect(importer.item('acme-slack-export.zip').getByLabel('Format of acme-slack-export.zip')).toHaveValue('slack-export');
  await expect(importer.item('queue-backlog.csv').getByLabel('Format of queue-backlog.csv')).toHaveValue('csv-timeline');
  // Counted within the import window, as the browser build counts them (e2e/import.spec.ts).
  await expect(importer.item('acme-slack-export.zip').getByRole('row', { name: /#incident-checkout/ }).getByRole('cell').last()).toHaveText('4');

  await importer.runImport(120_000);
  // The same figures as the browser build's import of the same files (e2e/import.spec.ts).
  await expect(importer.result('acme-slack-export.zip')).toContainText('4 added');
  await expect(importer.result('pagerduty-log.json')).toContainText('3 added');
  await expect(importer.result('queue-backlog.csv')).toContainText('150,000 added');
  await page.screenshot({ path: test.info().outputPath('desktop-import-summary.png'), fullPage: true });
  await importer.close();
  await expect(new TimelinePage(page).list.getByText('I am Incident Commander. Checkout is returning 5xx since the 14:00 deploy')).toBeVisible();

  const stats = await bridgeStats(page);
  expect(stats.largestRead).toBeLessThanOrEqual(8 * MIB);
  expect(stats.reads).toBeGreaterThan(3);
  // Every byte came through the bridge (hashing reads each file whole, in chunks).
  expect(stats.bytesServed).toBeGreaterThanOrEqual(slack.buffer.length + csv.buffer.length);
  expect(network.external).toEqual([]);
});

test('desktop backup: saved in chunks through the bridge, and restored from a file read by handle', async ({ page }) => {
  const library = new LibraryPage(page);
  const backup = new BackupPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Queue backlog after failover', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-13T06:00' });
  // Enough events that the backup file spans several chunks.
  await queuePick(page, [csvTimeline('queue-backlog.csv', 100_000)]);
  await page.getByRole('button', { name: 'Import…' }).click();
  await importer.runImport(120_000);
  await importer.close();
  await library.backToLibrary();

  await backup.open();
  await backup.dialog.getByRole('button', { name: 'Back up…' }).click();
  await expect(page.getByText(/^Saved the backup debrief-backup-/)).toBeVisible({ timeout: 120_000 });
  const name = (await page.getByText(/^Saved the backup debrief-backup-/).textContent())?.match(/debrief-backup-[\d-]+\.json/)?.[0] ?? '';
  const file = await savedFile(page, name);
  if (!file) throw new Error(`nothing saved as ${name}`);
  const stats = await bridgeStats(page);
  expect(stats.saveChunks).toBeGreaterThan(1);
  expect(stats.largestChunk).toBeLessThanOrEqual(8 * MIB);
  expect(JSON.parse(file.subarray(0, 200).toString('utf8').replace(/,"data":.*$/s, '}'))).toMatchObject({ formatName: 'dexie' });

  await library.row('Queue backlog after failover').getByRole('button', { name: 'Delete Queue backlog after failover' }).click();
  // The deletion is stored once its Undo shows; a reload before that could cancel it.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('No incidents yet')).toBeVisible();

  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  await expect(backup.dialog).toBeVisible();
  await queuePick(page, [{ name, mimeType: 'application/json', buffer: file }]);
  await backup.dialog.getByRole('button', { name: 'Restore from backup…' }).click();
  await expect(backup.dialog.getByRole('row', { name: 'Incidents 1' })).toBeVisible({ timeout: 120_000 });
  await expect(backup.dialog).toContainText(name);
  await backup.dialog.getByRole('button', { name: /^Restore \d+ records?$/ }).click();
  await expect(page.getByText(/^Restored \d+ records? from debrief-backup-/)).toBeVisible({ timeout: 120_000 });
  await library.row('Queue backlog after failover').getByRole('button').first().click();
  await expect(page.locator('.tl-count')).toHaveText('100,000 events');
  expect((await bridgeStats(page)).largestRead).toBeLessThanOrEqual(8 * MIB);
});

test('desktop Team sync: the token goes to the keychain through the bridge, never into the library, and the dialog says so', async ({ page }) => {
  // Installed after the bridge without a keychain, so this one is the page's bridge.
  await installDesktopBridge(page, { keychain: true });
  const token = 'dbr_a1b2c3d4e5_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
  await new LibraryPage(page).goto();
  const sync = new TeamSyncPage(page);
  // No server needs to answer: this is about where the settings go.
  await sync.setUp({ server: 'ws://127.0.0.1:4', team: 'acme', token, name: 'Ana' });

  await page.getByRole('banner').getByRole('button', { name: /Team sync/ }).click();
  await expect(sync.dialog.getByLabel('Access token')).toHaveValue(token);
  await expect(sync.dialog).toContainText('Debrief keeps it on this computer encrypted with your system’s keychain');
  await page.screenshot({ path: test.info().outputPath('desktop-team-sync-keychain.png') });
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('debrief');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').get('teamSync.settings');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => resolve(JSON.stringify(request.result));
        };
      }),
  );
  expect(stored).toContain('"tokenInVault":true');
  expect(stored).not.toContain('dbr_');
});
