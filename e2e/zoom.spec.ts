import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ActionItemsPage } from './pages/action-items-page';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';
import { TimelinePage, timelineFixture } from './pages/timeline-page';

/**
 * Zoom and small windows (issue 18): a 1280×860 window at 200% zoom is 640×430 CSS pixels at
 * device scale 2; 1024×700 is a small laptop window. Layouts must reflow: no sideways page
 * scroll, key controls in view, and the content starting on the first screen.
 */
const SHOT = (name: string) => `test-results/zoom-${name}.png`;

async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(widths.window);
}

/** The element lies inside the window horizontally (nothing cut off at the right edge). */
async function inViewHorizontally(page: Page, element: Locator): Promise<void> {
  await element.scrollIntoViewIfNeeded();
  const box = (await element.boundingBox()) ?? { x: -1, width: 0 };
  const width = page.viewportSize()?.width ?? 0;
  expect(box.x, 'the element starts inside the window').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'the element ends inside the window').toBeLessThanOrEqual(width);
}

async function top(element: Locator): Promise<number> {
  await element.page().evaluate(() => window.scrollTo(0, 0));
  return (await element.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
}

async function walkTheApp(page: Page, name: string, listStartsAbove: number): Promise<void> {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  const tl = new TimelinePage(page);
  const pm = new PostmortemPage(page);
  const actions = new ActionItemsPage(page);

  await library.goto();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await noSidewaysScroll(page, 'empty library');
  await inViewHorizontally(page, page.getByRole('banner').getByRole('button', { name: 'New incident' }));

  await library.createIncident({ title: 'Checkout 5xx after config 4512', severity: 'SEV2', status: 'Resolved', timeZone: 'America/Los_Angeles', started: '2024-06-12T23:52', resolved: '2024-06-13T01:10' });
  await importer.chooseFiles([timelineFixture('pagerduty-log.json', 'application/json'), timelineFixture('timeline.csv', 'text/csv')]);
  await importer.runImport();
  await importer.close();

  // The header's buttons wrap: Delete stays reachable.
  await inViewHorizontally(page, page.getByRole('button', { name: 'Delete' }));
  await noSidewaysScroll(page, 'timeline');
  // The chart and the filter row fold away so the list starts near the top of the window.
  await expect(tl.row('Triggered through the API')).toBeVisible();
  const chartToggle = page.getByRole('button', { name: 'Activity chart' });
  const filtersToggle = page.getByRole('button', { name: /^Filters/ });
  await expect(chartToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('img', { name: /^Activity:/ })).toHaveCount(0);
  const listTop = await top(tl.list);
  expect(listTop, 'the timeline list starts on the first screen').toBeLessThan(listStartsAbove);
  await page.screenshot({ path: SHOT(`${name}-timeline`) });
  // Both fold back out on demand; a folded filter in use is counted on its button.
  await chartToggle.click();
  await expect(page.getByRole('img', { name: /^Activity:/ })).toBeVisible();
  await filtersToggle.click();
  await expect(filtersToggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('checkbox', { name: 'Key moments only' }).check();
  await filtersToggle.click();
  await expect(page.getByRole('checkbox', { name: 'Key moments only' })).toBeHidden();
  await expect(filtersToggle).toHaveText(/Filters \(1 on\)/);
  await filtersToggle.click();
  await page.getByRole('checkbox', { name: 'Key moments only' }).uncheck();
  await noSidewaysScroll(page, 'timeline with chart and filters');

  // Postmortem: the sticky toolbar stays small.
  await pm.open();
  await pm.createDraft('Incident review');
  await noSidewaysScroll(page, 'postmortem');
  const windowHeight = page.viewportSize()?.height ?? 0;
  const toolbarHeight = (await pm.toolbar.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
  expect(toolbarHeight, 'the postmortem toolbar takes under a quarter of the window').toBeLessThan(windowHeight / 4);
  await page.screenshot({ path: SHOT(`${name}-postmortem`) });

  // Action items: rows stack so the due date and the SLA badge stay on screen.
  await actions.openTab();
  await actions.create({ title: 'Add a canary for config pushes', priority: 'P1', owner: 'Rosa Díaz' });
  await noSidewaysScroll(page, 'action items tab');
  await inViewHorizontally(page, actions.due('Add a canary for config pushes'));
  await inViewHorizontally(page, actions.badge('Add a canary for config pushes'));
  await actions.openOverview();
  await noSidewaysScroll(page, 'action items overview');
  await inViewHorizontally(page, actions.due('Add a canary for config pushes'));
  await inViewHorizontally(page, actions.badge('Add a canary for config pushes'));
  await page.screenshot({ path: SHOT(`${name}-action-items`) });

  await library.backToLibrary();
  await expect(library.row('Checkout 5xx')).toBeVisible();
  await noSidewaysScroll(page, 'library');
}

test.describe('200% zoom of a 1280×860 window', () => {
  test.use({ viewport: { width: 640, height: 430 }, deviceScaleFactor: 2 });
  test('reflows without sideways scrolling and keeps key controls in view', async ({ page }) => {
    test.slow();
    await walkTheApp(page, 'zoom200', 430 * 0.75);
  });
});

test.describe('1024×700 window', () => {
  test.use({ viewport: { width: 1024, height: 700 } });
  test('the timeline shows many rows: the chart and filters fold away', async ({ page }) => {
    test.slow();
    await walkTheApp(page, '1024x700', 700 * 0.45);
  });
});

test('New incident date-time fields show the whole date at 1280×860', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openNewIncident();
  await library.fill({ started: '2024-09-12T23:52', detected: '2024-09-13T00:05' });
  // "09/13/2024, 12:05 PM" and the calendar button need about 15rem; narrower clips the month.
  const widths = await library.dialog.locator('input[type="datetime-local"]').evaluateAll((inputs) => inputs.map((input) => input.getBoundingClientRect().width));
  const rem = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(widths).toHaveLength(4);
  for (const width of widths) expect(width).toBeGreaterThanOrEqual(15 * rem);
  await page.screenshot({ path: SHOT('new-incident-times') });
});
