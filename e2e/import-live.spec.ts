import { BLOCK_SIZE } from '../src-renderer/core/events/event-block';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ImportPage, csvTimeline } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { TimelinePage, timelineFixture } from './pages/timeline-page';
import { recordTimelineWork, timelineWork } from './pages/timeline-work';

const ROWS = 12_000;

test.setTimeout(240_000);

test('an import into an incident open on its Timeline reloads nothing before its commit, then shows every event once', async ({ page }) => {
  await recordTimelineWork(page);
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  const tl = new TimelinePage(page);
  await library.goto();
  await library.createIncident({ title: 'Payments queue backlog', severity: 'SEV2', status: 'Resolved', timeZone: 'UTC', started: '2024-06-13T06:00' });
  // A first, small import: the Timeline (the tab an incident opens on) has its list loaded.
  await importer.chooseFiles([timelineFixture('pagerduty-log.json', 'application/json')]);
  await importer.runImport();
  await importer.close();
  await expect(tl.row('Triggered through the API')).toBeVisible();
  const before = Number((await page.locator('.tl-count').textContent())?.match(/^([\d,]+) events$/)?.[1].replace(/,/g, ''));
  expect(before).toBeGreaterThan(0);

  // The big import, with the Timeline open underneath the wizard.
  await importer.chooseFiles([csvTimeline('queue-backlog.csv', ROWS)]);
  const started = await page.evaluate(() => performance.now());
  await importer.runImport(90_000);
  // The Timeline appends the committed events in slices that yield to the page: wait for it.
  await expect.poll(async () => (await timelineWork(page, started)).measures.some((m) => m.name === 'events:append'), { timeout: 30_000 }).toBe(true);
  const work = await timelineWork(page, started);

  // The progress line shows from the start of the import (the file's check), and its bar is a
  // determinate one that only fills: nothing on it moves between two progress messages.
  expect(work.progress[0].text).toMatch(/^Checking the file · /);
  expect(work.progress.every((p) => p.bar >= 0)).toBe(true);
  expect(work.progress.map((p) => p.bar)).toEqual([...work.progress.map((p) => p.bar)].sort((a, b) => a - b));

  // The import wrote several blocks (the first import's one, then this one's)…
  expect(await storedBlocks(page)).toBe(1 + Math.ceil(ROWS / BLOCK_SIZE));
  // …while the wizard showed it saving (how many lines it shows depends on the machine's speed:
  // React draws progress that arrives within one frame once)…
  const saving = work.progress.filter((p) => p.text.startsWith('Saving events'));
  expect(saving.length).toBeGreaterThan(0);
  const lastWrite = saving[saving.length - 1].at;
  // …and the Timeline neither reloaded nor recomputed its list before the commit.
  expect(work.measures.filter((m) => m.name === 'events:load')).toEqual([]);
  expect(work.measures.filter((m) => m.name === 'timeline:filter' && m.at < lastWrite)).toEqual([]);
  // The commit added the new events once, after the last write.
  const appends = work.measures.filter((m) => m.name === 'events:append');
  expect(appends).toHaveLength(1);
  expect(appends[0].events).toBe(ROWS);
  expect(appends[0].at).toBeGreaterThanOrEqual(lastWrite);

  await importer.close();
  await expect(page.locator('.tl-count')).toHaveText(`${(before + ROWS).toLocaleString('en-US')} events`);
  // The last row of the file is there and searchable.
  await tl.search.fill(String(ROWS - 1));
  await expect(tl.hitCounter).toHaveText('– of 1');
  await tl.search.press('Enter');
  await expect(tl.row(`Backlog item ${ROWS - 1} drained`)).toHaveAttribute('aria-current', 'true');
});

/** Event blocks stored for the incident open in `page`. */
async function storedBlocks(page: Page): Promise<number> {
  const incidentId = new URL(page.url()).hash.match(/^#\/incidents\/([^/?]+)/)?.[1];
  expect(incidentId).toBeTruthy();
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('debrief');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('eventBlocks').objectStore('eventBlocks').index('incidentId').count(id);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return count;
  }, incidentId);
}
