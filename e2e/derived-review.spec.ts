import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatDuration } from '../src-renderer/core/metrics/elapsed';
import { METRIC_KEYS, METRICS } from '../src-renderer/core/metrics/incident-metrics';
import { expect, test } from './fixtures';
import { ImportPage, zipFixtureFolder } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';
import { TimelinePage } from './pages/timeline-page';

/**
 * INC-311, one of the fixture incidents in src-renderer/core/milestones/__fixtures__/ (a Slack
 * export, a PagerDuty log, a Statuspage incident and a deploy CSV of one outage), imported through
 * the wizard. Its truth.json says when each stage really began; the suggested milestones, once
 * confirmed, must give the truth's metrics in the panel and the postmortem.
 */
const FIXTURE = join(import.meta.dirname, '..', 'src-renderer', 'core', 'milestones', '__fixtures__', 'inc-311-checkout');
const file = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(join(FIXTURE, name)) });

test('suggested milestones from what responders wrote give the true metrics in the panel and the postmortem', async ({ page, network }) => {
  test.slow();
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'INC-311 Checkout 5xx', severity: 'SEV3', status: 'Resolved', timeZone: 'Europe/Berlin', started: '2024-06-12T16:00' });
  const slack = zipFixtureFolder(join('..', '..', '..', 'src-renderer', 'core', 'milestones', '__fixtures__', 'inc-311-checkout', 'slack-export'), 'inc-311-slack.zip');
  await importer.chooseFiles([slack, file('pagerduty-log.json', 'application/json'), file('statuspage.json', 'application/json'), file('deploys.csv', 'text/csv')]);
  await importer.runImport();
  await importer.close();

  const tl = new TimelinePage(page);
  await expect(tl.row('Triggered through the API')).toBeVisible();
  // Each suggestion shows its evidence and confidence; the Mitigate one names the disagreeing recap.
  const mitigate = tl.milestones.locator('.tl-suggestion').filter({ hasText: /^Mitigate/ });
  await expect(mitigate).toContainText('16:24:05');
  await expect(mitigate).toContainText('rolled back payments-api config');
  await expect(mitigate).toContainText('High');
  await expect(mitigate).toContainText('other candidates');
  for (const kind of ['Detect', 'Assemble', 'Verify', 'Dispatch', 'Mitigate', 'Under Control', 'Repair', 'All Clear', 'Severity changed to SEV2', 'Severity changed to SEV1']) {
    await tl.milestones.getByRole('button', { name: `Confirm ${kind}`, exact: true }).click();
    await expect(tl.milestones.getByRole('button', { name: `Confirm ${kind}`, exact: true })).toHaveCount(0);
  }
  // The truth's metrics (truth.json): 130 s, 190 s, 1445 s, 2280 s, 6000 s, impact 2280 s.
  await expect(tl.metric('Time to detect')).toHaveText('2 min 10 s');
  await expect(tl.metric('Time to acknowledge')).toHaveText('3 min 10 s');
  await expect(tl.metric('Time to mitigate')).toHaveText('24 min 5 s');
  await expect(tl.metric('Time to Under Control')).toHaveText('38 min');
  await expect(tl.metric('Time to All Clear')).toHaveText('1 h 40 min');
  await expect(tl.metric('Customer-impact duration')).toHaveText('38 min');
  await page.screenshot({ path: test.info().outputPath('derived-timeline.png'), fullPage: false });
  await tl.metrics.screenshot({ path: test.info().outputPath('derived-metrics.png') });

  const pm = new PostmortemPage(page);
  await pm.open();
  await pm.createDraft('Incident review');
  await expect(pm.editor).toContainText('Detected: 2024-06-12 16:02 CEST');
  await expect(pm.editor).toContainText('Customer impact ended: 2024-06-12 16:38 CEST');
  await expect(pm.editor.locator('table').filter({ hasText: 'Time to acknowledge' })).toContainText('3m 10s');
  await expect(pm.editor.getByRole('heading', { name: 'Repair' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('derived-postmortem.png'), fullPage: false });

  // People: kenji.sato in Slack and Kenji Sato in PagerDuty are one person, the match explained.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  const kenji = page.getByRole('list', { name: 'People' }).getByRole('listitem', { name: /^(kenji\.sato|Kenji Sato)$/ });
  await expect(kenji).toHaveCount(1);
  await expect(kenji).toContainText(/matched by “(Kenji Sato|kenji\.sato)” matches/);
  expect(network.external).toEqual([]);
});

/** What the e2e reads of a truth file (the full schema lives with the fixtures, beside the importers). */
const truthSchema = z.object({
  title: z.string(),
  timeZone: z.string(),
  milestones: z.record(z.string(), z.string()),
  severityChanges: z.array(z.object({ to: z.string() })),
  metrics: z.record(z.enum(METRIC_KEYS), z.number()),
});

/** The other two fixture incidents, in their own styles (bot-driven; chatty with no bot). */
const MORE_FIXTURES = [
  { folder: 'search-latency', started: '2024-09-03T05:12' },
  { folder: 'login-outage', started: '2024-11-20T19:00' },
] as const;

for (const { folder, started } of MORE_FIXTURES) {
  test(`the ${folder} fixture's confirmed suggestions give its truth file's metrics in the panel`, async ({ page }) => {
    test.slow();
    const dir = join(import.meta.dirname, '..', 'src-renderer', 'core', 'milestones', '__fixtures__', folder);
    const truth = truthSchema.parse(JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')));
    const read = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(join(dir, name)) });
    const library = new LibraryPage(page);
    const importer = new ImportPage(page);
    await library.goto();
    await library.createIncident({ title: truth.title, severity: 'SEV3', status: 'Resolved', timeZone: truth.timeZone, started });
    const slack = zipFixtureFolder(join('..', '..', '..', 'src-renderer', 'core', 'milestones', '__fixtures__', folder, 'slack-export'), `${folder}-slack.zip`);
    await importer.chooseFiles([slack, read('pagerduty-log.json', 'application/json'), read('statuspage.json', 'application/json'), read('deploys.csv', 'text/csv')]);
    await importer.runImport();
    await importer.close();

    const tl = new TimelinePage(page);
    const kinds = [...Object.keys(truth.milestones), ...truth.severityChanges.map((c) => `Severity changed to ${c.to}`)];
    for (const kind of kinds) {
      const confirm = tl.milestones.getByRole('button', { name: `Confirm ${kind}`, exact: true });
      await confirm.click();
      await expect(confirm).toHaveCount(0);
    }
    for (const key of METRIC_KEYS) {
      await expect(tl.metric(METRICS[key].label), key).toHaveText(formatDuration(truth.metrics[key] * 1000));
    }
    // The true order raises no warning.
    await expect(tl.milestones.getByText(/usually comes before/)).toHaveCount(0);
    await tl.metrics.screenshot({ path: test.info().outputPath(`${folder}-metrics.png`) });
  });
}
