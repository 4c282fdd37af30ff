import { expect, test } from './fixtures';
import { ActionItemsPage } from './pages/action-items-page';
import { LibraryPage } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';
import { ReviewPage, type SeedEvent } from './pages/review-page';
import { TimelinePage } from './pages/timeline-page';

const EVENTS: SeedEvent[] = [
  { id: 'ev-alert', at: '2024-06-13T06:58:00Z', actorName: 'Alertmanager', text: 'Checkout 5xx rate above 5% for 5 minutes', pinned: true },
  { id: 'ev-chat', at: '2024-06-13T07:01:00Z', actorName: 'Lena Fischer', text: 'Customers report failed payments' },
  { id: 'ev-rollback', at: '2024-06-13T07:20:00Z', actorName: 'Priya Raman', text: 'Rolling back config 4411', pinned: true },
];

test('an action item opens its event on the Timeline through the address, and a reload keeps that event selected', async ({ page }) => {
  const library = new LibraryPage(page);
  const review = new ReviewPage(page);
  const items = new ActionItemsPage(page);
  const timeline = new TimelinePage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout returns 5xx after deploy', severity: 'SEV2', timeZone: 'UTC' });
  await review.seedTimeline(EVENTS, []);
  await review.open();

  // An action item captured in the review meeting on the rollback event remembers that event.
  await page.keyboard.press('f');
  await expect(review.meeting).toContainText('Item 1 of');
  await page.keyboard.press('ArrowRight');
  await expect(review.meeting).toContainText('Rolling back config 4411');
  await page.keyboard.press('a');
  await page.keyboard.type('Add a canary step to config deploys');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Action item added: Add a canary step to config deploys')).toBeVisible();
  await page.keyboard.press('Escape');

  await items.openOverview();
  const overviewUrl = page.url();
  await items.row('Add a canary step to config deploys').getByRole('link', { name: '1 event' }).click();
  await expect(page).toHaveURL(/\/timeline\?event=ev-rollback$/);
  await expect(timeline.row('Rolling back config 4411')).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: test.info().outputPath('event-from-action-item.png') });

  // The selection lives in the address: a reload comes back to the same event.
  await page.reload();
  await expect(timeline.row('Rolling back config 4411')).toHaveAttribute('aria-current', 'true');
  // Selecting another event rewrites the address without a new history entry.
  await timeline.select('Customers report failed payments');
  await expect(page).toHaveURL(/\/timeline\?event=ev-chat$/);
  await page.reload();
  await expect(timeline.row('Customers report failed payments')).toHaveAttribute('aria-current', 'true');
  await expect(timeline.row('Rolling back config 4411')).not.toHaveAttribute('aria-current', 'true');

  // Back returns to the overview in one step; Forward brings the last selection again.
  await page.goBack();
  await expect(page).toHaveURL(overviewUrl);
  await page.goForward();
  await expect(timeline.row('Customers report failed payments')).toHaveAttribute('aria-current', 'true');
});

test('a link that asks for the postmortem export opens its dialog once; Back and reload do not open it again', async ({ page }) => {
  const library = new LibraryPage(page);
  const review = new ReviewPage(page);
  const pm = new PostmortemPage(page);
  await library.goto();
  await library.createIncident({ title: 'Search latency', severity: 'SEV3', timeZone: 'UTC' });
  const incidentId = review.incidentId();
  await page.getByRole('tab', { name: /Postmortem/ }).click();
  await pm.createDraft('Executive summary');
  await page.getByRole('tab', { name: /Timeline/ }).click();

  const exportDialog = page.getByRole('dialog', { name: 'Export postmortem' });
  await page.evaluate((id) => (window.location.hash = `#/incidents/${encodeURIComponent(id)}/postmortem?export=1`), incidentId);
  await expect(exportDialog).toBeVisible();
  // Taken once: the request leaves the address, replacing the entry it came in.
  await expect(page).toHaveURL(/\/postmortem$/);
  await page.keyboard.press('Escape');
  await expect(exportDialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('tab', { name: /Postmortem/ })).toHaveAttribute('aria-selected', 'true');
  await expect(exportDialog).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/timeline$/);
  await page.goForward();
  await expect(page.getByRole('tab', { name: /Postmortem/ })).toHaveAttribute('aria-selected', 'true');
  await expect(exportDialog).toHaveCount(0);
});
