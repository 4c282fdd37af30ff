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

  // The import was watched while it wrote several blocks…
  const saving = work.progress.filter((p) => p.text.startsWith('Saving events'));
  expect(saving.length).toBeGreaterThan(1);
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
