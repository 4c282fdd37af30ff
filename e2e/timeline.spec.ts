import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { TimelinePage, timelineFixture } from './pages/timeline-page';

/**
 * The events come through the real import pipeline (Import… button, worker, committed
 * sources): a PagerDuty log and a CSV timeline written for this spec under
 * e2e/fixtures/timeline/. The incident starts at 23:52 Los Angeles time and runs past midnight.
 */
test.beforeEach(async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({
    title: 'Checkout 5xx after config 4512',
    severity: 'SEV2',
    status: 'Resolved',
    timeZone: 'America/Los_Angeles',
    started: '2024-06-12T23:52',
    resolved: '2024-06-13T01:10',
  });
  await importer.chooseFiles([timelineFixture('pagerduty-log.json', 'application/json'), timelineFixture('timeline.csv', 'text/csv')]);
  await importer.runImport();
  await importer.close();
});

test('a reviewer sets milestones from events, suggestions and typed times and reads the metrics', async ({ page, network }) => {
  // Many steps plus an accessibility scan on a shared two-core machine.
  test.slow();
  const tl = new TimelinePage(page);
  await expect(tl.list.getByRole('heading', { name: /Wednesday, 12 June 2024/ })).toBeVisible();
  await expect(tl.row('Triggered through the API')).toContainText('23:58:00');

  // m at the selected event opens the picker on the first missing milestone (Detect).
  await tl.select('Triggered through the API');
  await page.keyboard.press('m');
  await expect(tl.dialog.getByRole('radio', { name: /^Detect/ })).toBeChecked();
  await tl.saveMilestone('Detect');
  await expect(tl.metric('Time to detect')).toHaveText('6 min');

  // The PagerDuty acknowledgement is suggested as Assemble; confirming it sets the metric.
  await tl.milestones.getByRole('button', { name: 'Confirm Assemble' }).click();
  await expect(tl.metric('Time to acknowledge')).toHaveText('3 min 30 s');

  // A typed time in the incident's zone.
  await tl.milestones.getByRole('button', { name: '+ Milestone' }).click();
  await tl.saveMilestone('Mitigate', '2024-06-13T00:20:00');
  await expect(tl.metric('Time to mitigate')).toHaveText('28 min');
  await expect(tl.metric('Time to All Clear')).toHaveText('1 h 18 min');
  // Customer impact ends at Under Control unless the team says Mitigate in the setting.
  await expect(tl.metric('Customer-impact duration')).toHaveText('—');
  const impactEnd = tl.metrics.getByLabel(/impact ends at/);
  await impactEnd.selectOption('Mitigate');
  await expect(tl.metric('Customer-impact duration')).toHaveText('28 min');
  await expect(tl.metric('Customer Impact')).toHaveText('28 min');
  await impactEnd.selectOption('Under Control');
  await expect(tl.metric('Customer-impact duration')).toHaveText('—');

  // Out of order is saved, with a warning rather than a refusal.
  await tl.milestones.getByRole('button', { name: '+ Milestone' }).click();
  await tl.saveMilestone('Under Control', '2024-06-13T00:10:00');
  await expect(tl.milestones.getByRole('list', { name: 'Milestone order warnings' })).toContainText('Mitigate usually comes before Under Control');
  await expect(tl.metric('Customer-impact duration')).toHaveText('18 min');
  await expect(tl.metric('Time to Under Control')).toHaveText('18 min');

  // Deleting is undoable.
  await tl.milestones.getByRole('button', { name: 'Delete Under Control' }).click();
  await expect(tl.metric('Customer-impact duration')).toHaveText('—');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(tl.metric('Customer-impact duration')).toHaveText('18 min');

  // The outage itself began eight minutes into the incident: impact has its own start.
  await tl.milestones.getByRole('button', { name: '+ Milestone' }).click();
  await tl.saveMilestone('Impact start', '2024-06-13T00:00:00');
  await expect(tl.metric('Customer-impact duration')).toHaveText('10 min');
  await expect(tl.metrics.getByTestId('impact-explanation')).toHaveText(
    'Customer impact: Impact start milestone → Under Control milestone (no Impact end milestone).',
  );

  await page.screenshot({ path: test.info().outputPath('timeline-milestones.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).include('.tl').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(network.external).toEqual([]);
});

test('search steps through highlighted hits, pins with p, filters by source, and the filter survives a reload', async ({ page }) => {
  const tl = new TimelinePage(page);
  await expect(tl.row('Triggered through the API')).toBeVisible();

  // "/" focuses search; matching ignores case and accents ("elodie" finds "Élodie").
  await page.keyboard.press('/');
  await expect(tl.search).toBeFocused();
  await page.keyboard.type('elodie');
  await expect(tl.hitCounter).toHaveText('– of 1');
  await expect(tl.row('Customers report failed payments').locator('mark.tl-hit')).toHaveText('Élodie');

  await tl.search.fill('4512');
  await expect(tl.hitCounter).toHaveText('– of 4');
  await tl.search.press('Enter');
  await expect(tl.hitCounter).toHaveText('1 of 4');
  await expect(tl.row('payments-api config 4512 rolled out')).toHaveAttribute('aria-current', 'true');
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(tl.hitCounter).toHaveText('2 of 4');
  await page.getByRole('button', { name: 'Previous match' }).click();
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(tl.hitCounter).toHaveText('4 of 4');
  await expect(tl.row('Rollback of config 4512 complete')).toHaveAttribute('aria-current', 'true');

  // Esc clears the search; j/k move the selection; p pins it as a key moment.
  await tl.search.press('Escape');
  await expect(tl.search).toHaveValue('');
  await tl.select('Proposing a rollback');
  await page.keyboard.press('j');
  await expect(tl.row('Customers report failed payments')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('p');
  await expect(tl.row('Customers report failed payments')).toContainText('key moment');
  await expect(tl.keyMoments.getByRole('button', { name: /Customers report failed payments/ })).toBeVisible();

  // Filter by source: only the PagerDuty log.
  await tl.chooseFilter('Source', /PagerDuty/);
  await expect(page.locator('.tl-count')).toHaveText('3 of 20 events');
  await expect(tl.row('Customers report failed payments')).toHaveCount(0);
  await tl.search.fill('acknowledged');
  await expect(tl.hitCounter).toHaveText('– of 1');

  await page.reload();
  await expect(tl.search).toHaveValue('acknowledged');
  await expect(page.locator('.tl-count')).toHaveText('1 of 20 events');
  await expect(tl.row('Acknowledged by Priya Raman')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.locator('.tl-count')).toHaveText('20 events');
});

test('redacting hides a phone number until revealed; manual events and a CAN report join the story', async ({ page }) => {
  const tl = new TimelinePage(page);
  const row = await tl.findRow('Error rate back to baseline');
  await (await tl.rowButton(row, /^Redact /)).click();
  const text = tl.dialog.getByRole('textbox');
  await text.evaluate((el: HTMLTextAreaElement) => {
    const start = el.value.indexOf('555-0134');
    el.setSelectionRange(start, start + '555-0134'.length);
  });
  await tl.dialog.getByRole('button', { name: 'Hide selection' }).click();
  await expect(tl.dialog.getByRole('list', { name: 'Hidden parts' })).toContainText('555-0134');
  await tl.dialog.getByRole('button', { name: 'Done' }).click();
  await expect(row).not.toContainText('555-0134');
  await expect(row.getByRole('button', { name: '▇▇ redacted' })).toBeVisible();
  await row.getByRole('button', { name: '▇▇ redacted' }).click();
  await expect(row).toContainText('555-0134');
  await row.getByRole('button', { name: 'Hide again' }).click();
  await expect(row).not.toContainText('555-0134');

  // Un-redact from the dialog.
  await (await tl.rowButton(row, /^Redact /)).click();
  await tl.dialog.getByRole('button', { name: 'Un-redact' }).click();
  await tl.dialog.getByRole('button', { name: 'Done' }).click();
  await expect(row).toContainText('555-0134');

  // The CSV message with the three headings is recognised as a CAN report.
  await expect(tl.canReports.locator('.tl-can')).toHaveCount(1);
  await expect(tl.canReports).toContainText('rolling back config 4512');

  // An authored CAN report and a manual event, typed in Los Angeles time.
  await tl.canReports.getByRole('button', { name: '+ CAN report' }).click();
  await tl.dialog.getByLabel(/^Time/).fill('2024-06-13T00:30:00');
  await tl.dialog.getByLabel('Who').fill('Priya Raman');
  await tl.dialog.getByLabel('Conditions').fill('Error rate at 0.4% and falling');
  await tl.dialog.getByLabel('Actions').fill('Watching for 30 minutes');
  await tl.dialog.getByLabel('Needs').fill('Nothing');
  await tl.dialog.getByRole('button', { name: 'Add CAN report' }).click();
  await expect(tl.canReports.locator('.tl-can')).toHaveCount(2);
  await expect(tl.canReports.locator('.tl-can').last()).toContainText('Watching for 30 minutes');

  await tl.keyMoments.getByRole('button', { name: '+ Event' }).click();
  await tl.dialog.getByLabel(/^Time/).fill('2024-06-13T00:05:00');
  await tl.dialog.getByLabel('Who').fill('Tom Okafor');
  await tl.dialog.getByLabel('What happened').fill('Bridge call: DBA joined and confirmed the pool was exhausted');
  await tl.dialog.getByRole('button', { name: 'Add event' }).click();
  await expect(tl.row('Bridge call: DBA joined')).toContainText('00:05:00');
  await expect(tl.row('Bridge call: DBA joined')).toContainText('Manual');

  // The burst of pod restarts at 00:10 is offered as a key moment.
  await expect(tl.keyMoments).toContainText('10 events');
  await tl.keyMoments.getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(tl.keyMoments.getByRole('button', { name: /pod 1 restarting/ })).toBeVisible();

  // UTC instead of the incident's zone.
  await page.locator('.tl-zone').getByText('UTC', { exact: true }).click();
  await expect(tl.row('Bridge call: DBA joined')).toContainText('07:05:00');
  await expect(tl.row('pod 1 restarting')).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('timeline-story.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('timeline-story-dark.png'), fullPage: true });
});

test('with no events the timeline explains how to import and offers a manual event', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.backToLibrary();
  await library.createIncident({ title: 'Quiet incident', severity: 'SEV4', timeZone: 'Europe/Berlin', started: '2024-03-31T01:30' });
  await expect(page.getByRole('heading', { name: 'The timeline is empty' })).toBeVisible();
  await expect(page.getByText(/Use Import… or drop the export files/)).toBeVisible();
  await page.getByRole('button', { name: 'Add a manual event' }).click();
  await page.getByRole('dialog').getByLabel('What happened').fill('Customer emailed support');
  await page.getByRole('dialog').getByRole('button', { name: 'Add event' }).click();
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Customer emailed support');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('01:30:00');

  // Hand-written events can be deleted, with undo.
  await page.getByRole('button', { name: 'Delete this manual event' }).click();
  await expect(page.getByRole('heading', { name: 'The timeline is empty' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Customer emailed support');
});

test('after the window is made narrow and wide again, the list draws as many rows as before, without a scroll', async ({ page }) => {
  const tl = new TimelinePage(page);
  await expect(tl.row('Triggered through the API')).toBeVisible();
  const lastDrawn = async () => Number(await tl.list.locator('[data-index]').last().getAttribute('data-index'));
  const wide = await lastDrawn();
  // Narrow: every row wraps to several lines and is measured that tall, so fewer rows are drawn.
  await page.setViewportSize({ width: 380, height: 860 });
  await expect.poll(async () => (await tl.row('Triggered through the API').boundingBox())?.height ?? 0).toBeGreaterThan(90);
  await expect.poll(lastDrawn).toBeLessThan(wide);
  // Wide again: the rows shrink back, and the room they leave is filled with the rows after them,
  // not left as blank space until the reader scrolls.
  await page.setViewportSize({ width: 1280, height: 860 });
  await expect.poll(lastDrawn).toBeGreaterThanOrEqual(wide);
});
