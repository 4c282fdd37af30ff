import type { Page } from '@playwright/test';
import { incidentImportLockName } from '../src-renderer/data/events/locks';
import { expect, test } from './fixtures';
import { ImportPage, csvTimeline } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { recordTimelineWork, timelineWork } from './pages/timeline-work';

const WAITING = 'Waiting for another import into this incident to finish';

test.setTimeout(120_000);

/**
 * Holds the incident's import lock from the page, as another window's import into the same
 * incident would (windows and the import worker share one origin's Web Locks), until `release`.
 */
async function holdIncidentImportLock(page: Page, incidentId: string): Promise<{ release(): Promise<void> }> {
  await page.evaluate((name) => {
    const scope = window as unknown as { releaseHeldLock?: () => void };
    return new Promise<void>((held) => {
      void navigator.locks.request(name, () => new Promise<void>((release) => {
        scope.releaseHeldLock = release;
        held();
      }));
    });
  }, incidentImportLockName(incidentId));
  return { release: () => page.evaluate(() => (window as unknown as { releaseHeldLock: () => void }).releaseHeldLock()) };
}

test('an import says it waits for another import only while another import holds the incident', async ({ page }) => {
  await recordTimelineWork(page);
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Payments queue backlog', severity: 'SEV2', status: 'Resolved', timeZone: 'UTC', started: '2024-06-13T06:00' });
  const incidentId = await page.evaluate(() => location.hash.match(/#\/incidents\/([^/?]+)/)?.[1] ?? '');
  expect(incidentId).not.toBe('');

  // Nobody else imports: the progress line never mentions waiting, however slow the machine.
  const first = await page.evaluate(() => performance.now());
  await importer.chooseFiles([csvTimeline('first-backlog.csv', 3_000)]);
  await importer.runImport(60_000);
  const alone = await timelineWork(page, first);
  expect(alone.progress.length).toBeGreaterThan(0);
  expect(alone.progress.filter((p) => p.text.startsWith(WAITING))).toEqual([]);
  await importer.close();

  // Another import holds the incident: the wizard says so and goes on once it is released.
  const other = await holdIncidentImportLock(page, incidentId);
  await importer.chooseFiles([csvTimeline('second-backlog.csv', 3_000, { detail: 'again' })]);
  await importer.dialog.getByRole('button', { name: /^Import( \d+ files)?$/ }).click();
  await expect(importer.dialog.locator('.import-running')).toContainText(WAITING);
  await other.release();
  await expect(importer.dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(importer.result('second-backlog.csv')).toContainText('3,000');
  await importer.close();
  await expect(page.locator('.tl-count')).toHaveText('6,000 events');
});
