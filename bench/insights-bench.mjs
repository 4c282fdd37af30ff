/* global document, location -- the functions passed to page.evaluate run in the browser */
// Insights and bundle bench (issue 14): the real web app's Insights page over a generated library
// of 500 catalogued incidents × 20k events each (5 years), and an incident bundle export/import of
// a 100k-event incident with the project's own data layer, in headless Chromium. Prints figures
// against the targets; asserts nothing.
//   INSIGHTS_BENCH_INCIDENTS (500), INSIGHTS_BENCH_EVENTS (20000), BUNDLE_BENCH_EVENTS (100000)
import { openApp, untilFrameSource } from './app-driver.mjs';
import { launchChromium, line, millis, openBenchPage, seconds, serveAll } from './bench-server.mjs';

const INCIDENTS = Number(process.env.INSIGHTS_BENCH_INCIDENTS ?? 500);
const EVENTS = Number(process.env.INSIGHTS_BENCH_EVENTS ?? 20_000);
const BUNDLE_EVENTS = Number(process.env.BUNDLE_BENCH_EVENTS ?? 100_000);
const RUNS = 3;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** From the library: click Insights, until the key figures and the first chart are on screen. */
async function openInsights(page) {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('heading', { name: 'Incidents' }).waitFor();
  await page.waitForTimeout(500);
  const ms = await page.evaluate((waitFn) => {
    const wait = new Function(`return (${waitFn})`)();
    const shown = wait(() => document.querySelector('.ins-figures') !== null && document.querySelector('.ins-chart-canvas canvas') !== null);
    location.hash = '#/insights';
    return shown;
  }, untilFrameSource());
  const scanStarted = Date.now();
  await page.waitForFunction(() => document.querySelector('.ins-figures') && !document.body.textContent.includes('checking deploy events'), null, { timeout: 30 * 60_000, polling: 50 });
  return { ms, scanMs: Date.now() - scanStarted };
}

/** Toggles the SEV1 chip, until the key figures show the new count. */
async function filterSev1(page) {
  return page.evaluate((waitFn) => {
    const wait = new Function(`return (${waitFn})`)();
    const figures = () => document.querySelector('.ins-figures')?.textContent;
    const before = figures();
    const chip = [...document.querySelectorAll('.ins-filters button.chip')].find((b) => b.textContent === 'SEV1');
    const shown = wait(() => figures() !== before);
    chip.click();
    return shown;
  }, untilFrameSource());
}

export async function runInsightsBench() {
  const { origin, close } = await serveAll();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page: benchPage, call } = await openBenchPage(context, origin);
    const seeded = await call('seedInsightsLibrary', INCIDENTS, EVENTS);
    const bundle = await call('bundleRoundTrip', BUNDLE_EVENTS);
    await benchPage.close();

    const page = await openApp(context, origin);
    // The first visit scans event blocks for deploys before detection and caches the answers.
    const first = await openInsights(page);
    const opens = [];
    for (let i = 0; i < RUNS; i++) opens.push((await openInsights(page)).ms);
    const filters = [];
    for (let i = 0; i < RUNS * 2; i++) filters.push(await filterSev1(page));
    await context.close();

    console.log(`\nDebrief Insights bench (Chromium, ${INCIDENTS} incidents × ${EVENTS.toLocaleString('en')} events = ${seeded.events.toLocaleString('en')} events)\n`);
    line('Seeding IndexedDB (not part of the app)', seconds(seeded.ms));
    line('Insights first visit -> figures and charts on screen', millis(first.ms), '< 500 ms', first.ms < 500);
    line('  then deploy scan of event blocks finished (first visit only)', millis(first.scanMs));
    line(`Insights open, later visits (median of ${RUNS})`, millis(median(opens)), '< 500 ms', median(opens) < 500);
    line(`Filter change (SEV1 on/off) -> figures updated (median of ${RUNS * 2})`, millis(median(filters)), '< 150 ms', median(filters) < 150);
    line('  slowest filter change', millis(Math.max(...filters)));

    console.log(`\nDebrief bundle bench (Chromium, one incident of ${bundle.events.toLocaleString('en')} events with original records)\n`);
    line('Bundle size', `${(bundle.bundleBytes / 1024 / 1024).toFixed(1)} MB`);
    line('Export bundle (read, zip, SHA-256 per entry)', millis(bundle.exportMs));
    line('Open bundle (unzip, verify every checksum, parse)', millis(bundle.verifyMs));
    line('Import into an empty library (plan + one transaction)', millis(bundle.importMs));
    line(`Round trip records byte-identical (${bundle.blocks} blocks)`, bundle.identical ? 'yes' : 'NO', 'identical', bundle.identical === true);
  } finally {
    await browser.close();
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runInsightsBench();
}
