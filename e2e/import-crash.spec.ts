import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { ImportPage, csvTimeline } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { TimelinePage, timelineFixture } from './pages/timeline-page';
import { stagedBlocks, storedImports, watchStartup, startup } from './pages/startup-page';

test.setTimeout(300_000);

/** SIGKILLs the browser whose profile is `profile` (its main process, the one without --type). */
function killBrowser(profile: string): void {
  const processes = execFileSync('ps', ['-eo', 'pid=,args=']).toString().split('\n');
  const main = processes.find((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='));
  if (!main) throw new Error(`No browser process found for the profile ${profile}`);
  process.kill(Number(main.trim().split(/\s+/)[0]), 'SIGKILL');
}

test('killed mid-import: the library opens at once, the interrupted import is cleaned up in the background and nothing of it shows', async ({ baseURL }, testInfo) => {
  // A profile on disk, so closing the browser is a crash the next start has to deal with.
  const profile = mkdtempSync(join(tmpdir(), 'debrief-crash-'));
  const launch = () => chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL, viewport: { width: 1280, height: 860 } });
  const title = 'Checkout 5xx after config 4512';
  let context: BrowserContext | null = await launch();
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    const library = new LibraryPage(page);
    const importer = new ImportPage(page);
    await library.goto();
    await library.createIncident({ title, severity: 'SEV2', status: 'Resolved', timeZone: 'UTC', started: '2024-06-13T06:00' });
    await importer.chooseFiles([timelineFixture('pagerduty-log.json', 'application/json')]);
    await importer.runImport();
    await importer.close();
    const earlier = await page.locator('.tl-count').textContent();
    expect(earlier).toMatch(/^\d+ events$/);

    // The big import is writing its blocks when the browser goes away, without any clean-up.
    // Big enough that its blocks take seconds to write even on a fast box; the browser dies once
    // some are on disk, so the next start always has a half-written import to clean up.
    await importer.chooseFiles([csvTimeline('queue-backlog.csv', 250_000)]);
    await importer.dialog.getByRole('button', { name: /^Import( \d+ files)?$/ }).click();
    await expect.poll(() => stagedBlocks(page), { timeout: 180_000, intervals: [50] }).toBeGreaterThan(0);
    // A crash, not a shutdown: the browser process is killed, so nothing of the page runs again.
    killBrowser(profile);
    await context.close().catch(() => undefined);
    context = null;

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await watchStartup(page, title);
    await page.goto('/');
    await expect(new LibraryPage(page).row(title)).toBeVisible();
    await page.waitForFunction(() => performance.getEntriesByName('debrief:import-cleanup:end').length > 0, undefined, { timeout: 60_000 });
    const seen = await startup(page);
    // The library was on screen before the interrupted import was cleaned up, which did happen.
    expect(seen.cleanedImports).toBe(1);
    expect(seen.libraryShownAt).toBeLessThan(seen.cleanupEndedAt);
    expect(await storedImports(page)).toEqual({ sources: [{ state: 'committed', fileName: 'pagerduty-log.json' }], blocksOfOtherSources: 0 });

    // Nothing of the import is visible: the timeline holds exactly what it held before.
    await new LibraryPage(page).row(title).getByRole('button').first().click();
    await expect(page.locator('.tl-count')).toHaveText(earlier ?? '');
    await expect(new TimelinePage(page).row('Triggered through the API')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sources (1)' })).toBeVisible();
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
