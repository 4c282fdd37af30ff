import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { InsightsPage, type SeedIncident } from './pages/insights-page';
import { LibraryPage } from './pages/library-page';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A UTC date `back` months before this one, on `day`, and its label on the page ("Mar 2026"). */
function monthsAgo(back: number, day: number): { iso: string; label: string } {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, 9, 0));
  return { iso: d.toISOString(), label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
}

const m9 = monthsAgo(9, 5);
const m9b = monthsAgo(9, 20);
const m7 = monthsAgo(7, 2);
const INCIDENTS: SeedIncident[] = [
  { id: 'inc-a', title: 'Checkout down after deploy', severity: 'SEV1', started: m9.iso, services: ['checkout'], trigger: 'deploy', factors: ['canary skipped EU'], detectAfter: 10, mitigateAfter: 40 },
  { id: 'inc-b', title: 'Checkout errors after another deploy', severity: 'SEV2', started: m9b.iso, services: ['checkout'], trigger: 'deploy', factors: ['canary skipped EU'], detectAfter: 20, mitigateAfter: 60 },
  { id: 'inc-c', title: 'Search slow at peak', severity: 'SEV3', started: m7.iso, services: ['search'], trigger: 'capacity', detectAfter: 5, mitigateAfter: 100 },
  { id: 'inc-old', title: 'Old config outage', severity: 'SEV2', started: monthsAgo(30, 3).iso, services: ['checkout'], trigger: 'config' },
];

test('Insights answers what fails most and how fast we recover; a chart has a table view and a keyboard path to its incidents', async ({ page, network }) => {
  test.slow();
  const library = new LibraryPage(page);
  const insights = new InsightsPage(page);
  await library.goto();
  await insights.seed(INCIDENTS, [
    { id: 'ai-1', incidentId: 'inc-a', title: 'Gate deploys on EU canary', ownerName: 'Priya Raman', priority: 'P1', status: 'open', due: monthsAgo(2, 1).iso },
    { id: 'ai-2', incidentId: 'inc-b', title: 'Alert on checkout 5xx', ownerName: 'Tom Okafor', priority: 'P2', status: 'done', due: monthsAgo(5, 20).iso, completed: monthsAgo(5, 10).iso },
  ]);
  await page.reload();
  await insights.open();

  const figures = page.getByRole('definition');
  await expect(page.getByRole('group', { name: 'Key figures' }).or(page.locator('.ins-figures'))).toContainText('Incidents3');
  await expect(page.locator('.ins-figures')).toContainText('Deploy-related67%');
  await expect(page.locator('.ins-figures')).toContainText('Repeat incidents1');
  await expect(page.locator('.ins-figures')).toContainText('SLA compliance100%');
  void figures;

  await expect(page.getByRole('region', { name: 'Top triggers' }).getByRole('button').first()).toHaveText(/deploy\s*2/);
  await expect(page.getByRole('region', { name: 'Repeat incidents' })).toContainText('checkout · deploy');
  await expect(page.getByRole('region', { name: 'Overdue action items' })).toContainText('Gate deploys on EU canary');

  // The severity chart as a table: one row per month, each count opens the incidents behind it.
  const chart = insights.chart('Incidents per month by severity');
  await page.screenshot({ path: test.info().outputPath('insights-light.png'), fullPage: true });
  await chart.getByRole('button', { name: 'Table view' }).click();
  const row = chart.getByRole('row', { name: new RegExp(`^${m9.label}`) });
  await expect(row.getByRole('cell')).toHaveText(['1', '1', '0', '0', '2']);
  await row.getByRole('button', { name: '1' }).first().click();
  await expect(insights.behind.getByRole('heading')).toHaveText(`SEV1 in ${m9.label}: 1 incident`);
  await expect(insights.behind.getByRole('link')).toHaveText(['Checkout down after deploy']);

  // Keyboard on the drawn chart: arrows move between months, Enter lists a month's incidents.
  await chart.getByRole('button', { name: 'Table view' }).click();
  const canvas = chart.getByRole('img');
  await canvas.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  await expect(chart.getByText(`${m9.label}: SEV1 1, SEV2 1, SEV3 0, SEV4 0.`)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(insights.behind.getByRole('heading')).toHaveText(`Incidents in ${m9.label}: 2 incidents`);

  // Filters: one service.
  await page.getByRole('group', { name: 'Insights filters' }).getByLabel('Service').selectOption('search');
  await expect(page.locator('.ins-figures')).toContainText('Incidents1');

  // The list picked under the old filters no longer matches the charts: it closes, and the
  // chart's focused-point caption is the prompt again, not a month of the old figures.
  await expect(insights.behind).toBeHidden();
  await expect(chart.getByText(/^Click a point or focus the chart/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Open action items' })).toContainText('No open action item among these incidents.');
  await page.getByRole('region', { name: 'Top services' }).getByRole('button').first().click();
  await expect(insights.behind.getByRole('link')).toHaveText(['Search slow at peak']);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('insights-dark.png'), fullPage: true });
  await insights.behind.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search slow at peak');
  expect(network.external).toEqual([]);
});

test('the quarterly report is the same for the same quarter, with the charts as images, in Markdown and for PDF', async ({ page }) => {
  test.slow();
  const library = new LibraryPage(page);
  const insights = new InsightsPage(page);
  await library.goto();
  await insights.seed(INCIDENTS, []);
  await page.reload();
  await insights.open();
  const d = new Date(m9.iso);
  const quarter = `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;

  await page.getByRole('button', { name: 'Quarterly report…' }).click();
  const panel = page.getByRole('region', { name: 'Quarterly report' });
  await panel.getByLabel('Quarter').selectOption(quarter);
  const preview = panel.getByRole('article', { name: 'Report preview' });
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(`Incident report: Q${quarter.slice(-1)} ${d.getUTCFullYear()}`);
  await expect(preview.getByRole('img', { name: 'Incidents per month by severity' })).toBeVisible();
  await expect(preview.getByRole('row', { name: /^Deploy-related/ })).toBeVisible();

  const save = async () => {
    const downloadPromise = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Save Markdown' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`incident-report-${quarter}.md`);
    return readFile(await download.path(), 'utf8');
  };
  const first = await save();
  expect(first).toMatch(/!\[Incidents per month by severity\]\(data:image\/png;base64,[A-Za-z0-9+/=]+\)/);
  expect(first).toContain('| Checkout down after deploy |');
  expect(first).toContain('| Repeat incidents | 1 |');
  // Another quarter and back: the same bytes.
  await panel.getByLabel('Quarter').selectOption({ index: 0 });
  await panel.getByLabel('Quarter').selectOption(quarter);
  await expect(preview.getByRole('img', { name: 'Incidents per month by severity' })).toBeVisible();
  expect(await save()).toBe(first);

  // Save PDF prints the report alone (in a browser, through the print dialog).
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: test.info().outputPath('report-print.png') });
  const pdf = await page.pdf();
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
