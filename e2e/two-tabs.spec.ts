import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ImportPage, csvTimeline } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { storedImports, startup, watchStartup } from './pages/startup-page';

test.setTimeout(300_000);

/** Events per import: enough that writing them takes longer than another tab's start-up. */
const ROWS = 60_000;

async function openIncident(page: Page, title: string): Promise<ImportPage> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title, severity: 'SEV2', status: 'Resolved', timeZone: 'UTC', started: '2024-06-13T06:00' });
  return new ImportPage(page);
}

test('two tabs import at once, a third opening meanwhile cleans up nothing, and both imports finish complete', async ({ page, context }) => {
  const first = await openIncident(page, 'Queue backlog, tab one');
  await first.chooseFiles([csvTimeline('tab-one.csv', ROWS)]);

  const second = await openIncident(await context.newPage(), 'Queue backlog, tab two');
  await second.chooseFiles([csvTimeline('tab-two.csv', ROWS)]);

  // Both imports start; each holds its staging row while it writes its blocks.
  await first.dialog.getByRole('button', { name: /^Import$/ }).click();
  await second.dialog.getByRole('button', { name: /^Import$/ }).click();
  await expect(first.dialog.getByText(/^Saving events/)).toBeVisible({ timeout: 120_000 });

  // A new tab opens while they write: its start-up clean-up must leave running imports alone.
  const third = await context.newPage();
  await watchStartup(third, 'Queue backlog, tab one');
  await third.goto('/');
  await third.waitForFunction(() => performance.getEntriesByName('debrief:import-cleanup:end').length > 0, undefined, { timeout: 60_000 });
  const atCleanup = await storedImports(third);
  expect((await startup(third)).cleanedImports).toBe(0);
  // The clean-up really ran while an import was staged (else this test proves nothing).
  expect(atCleanup.sources.some((source) => source.state === 'staging')).toBe(true);

  await expect(first.dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 180_000 });
  await expect(second.dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 180_000 });
  for (const importer of [first, second]) {
    await expect(importer.dialog.getByText(/could not|interrupted|failed/i)).toHaveCount(0);
    await importer.close();
    await expect(importer.page.locator('.tl-count')).toHaveText(`${ROWS.toLocaleString('en-US')} events`);
  }
  const stored = await storedImports(third);
  expect(stored.sources.map((s) => s.state)).toEqual(['committed', 'committed']);
  expect(stored.sources.map((s) => s.fileName).sort()).toEqual(['tab-one.csv', 'tab-two.csv']);
  expect(stored.blocksOfOtherSources).toBe(0);
});

test('a tab opening while another shows Undo for a deleted incident leaves it to be undone', async ({ page, context }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title: 'Deleted by mistake', severity: 'SEV3' });
  await library.backToLibrary();
  await page.getByRole('button', { name: 'Delete Deleted by mistake' }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  // Hovered, the notice stays for as long as this test needs.
  await undo.hover();

  // Opening the library purges deleted incidents whose undo window is over, but not this one.
  const other = new LibraryPage(await context.newPage());
  await other.goto();
  // The library shows only once that purge is done; the one incident is hidden, not gone.
  await expect(other.page.getByText('No incidents yet')).toBeVisible();
  await expect(other.row('Deleted by mistake')).toHaveCount(0);

  await undo.click();
  await expect(library.row('Deleted by mistake')).toBeVisible();
  await other.page.reload();
  await expect(other.row('Deleted by mistake')).toBeVisible();
});
