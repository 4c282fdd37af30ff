/* global document, window, HTMLInputElement, requestAnimationFrame -- the functions passed to page.evaluate run in the browser */
// Timeline bench (issue 9): the real web app opening incidents of 100k and 1M events, seeded
// with the project's own block writer (as an import writes them), driven in headless Chromium.
// Prints figures; it asserts nothing.
import { openApp, openTimeline, untilFrameSource } from './app-driver.mjs';
import { withFrameCpu } from './frame-cpu.mjs';
import { launchChromium, line, loadAverage, MB, millis, openBenchPage, seconds, serveAll } from './bench-server.mjs';

const COUNTS = (process.env.TIMELINE_BENCH_EVENTS ?? '100000,1000000').split(',').map(Number);

/** Top functions by self time from a CDP CPU profile. */
function printProfile(profile, what) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log(`\nCPU self time ${what}:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
}

/** One incident of `count` events: open it, filter, search, scroll; the figures. */
async function benchIncident(browser, origin, count) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const { page: benchPage, call } = await openBenchPage(context, origin);
    const incidentId = `bench-${count}`;
    const seeded = await call('seedIncident', incidentId, count, `Bench: checkout outage (${count.toLocaleString('en')} events)`);
    await benchPage.close();
    const page = await openApp(context, origin);
    const cdp = await context.newCDPSession(page);
    const profile = process.env.BENCH_PROFILE === '1';
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const opened = await openTimeline(page, incidentId, count);
    if (profile) printProfile((await cdp.send('Profiler.stop')).profile, 'while opening the tab');
    const measures = async () => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration])));

    if (profile) await cdp.send('Profiler.start');
    const filterMs = await page.evaluate(async (waitFn) => {
      const wait = new Function(`return (${waitFn})`)();
      const counter = document.querySelector('.tl-count');
      const before = counter?.textContent;
      const summary = [...document.querySelectorAll('details.tl-checklist summary')].find((s) => s.textContent?.includes('Channel'));
      summary?.click();
      await new Promise((r) => setTimeout(r, 50));
      const box = summary?.parentElement?.querySelector('input[type=checkbox]');
      const shown = wait(() => counter?.textContent !== before);
      box?.click();
      return shown;
    }, untilFrameSource());
    const filterCompute = (await measures())['timeline:filter'];
    if (profile) printProfile((await cdp.send('Profiler.stop')).profile, 'while filtering');

    const search = async (query) => {
      const ms = await page.evaluate(
        async ([waitFn, q]) => {
          const wait = new Function(`return (${waitFn})`)();
          const input = document.querySelector('input[type=search]');
          const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
          const hitCounter = () => document.querySelector('.tl-hit-counter')?.textContent ?? '';
          const before = document.querySelector('.tl-count')?.textContent;
          const shown = wait(() => hitCounter().includes('of') && document.querySelector('.tl-count')?.textContent !== before);
          setValue.call(input, q);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return shown;
        },
        [untilFrameSource(), query],
      );
      const m = await measures();
      return { ms, compute: m['timeline:filter'] + (m['timeline:search'] ?? 0), searchMs: m['timeline:search'] ?? 0, hits: await page.locator('.tl-hit-counter').textContent() };
    };
    const narrow = await search('elodie');
    if (profile) await cdp.send('Profiler.start');
    const broad = await search('rollback data');
    if (profile) printProfile((await cdp.send('Profiler.stop')).profile, 'while searching "rollback data"');

    // Scrolling the whole incident (filters and search cleared): jump 1.5 screens per frame and
    // time each frame; a second pass, traced, goes on further down (rows not seen yet) and takes
    // the main thread's CPU per frame (comparable under load, unlike the wall time between frames).
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForFunction(() => /^[\d,]+ events$/.test(document.querySelector('.tl-count')?.textContent ?? ''));
    await page.waitForTimeout(500);
    // The import recorder's MutationObserver (app-driver.mjs) would pay for every row drawn.
    await page.evaluate(() => window.benchRecord.stopWatching());
    const scrollPass = (scrolling = true) =>
      page.evaluate(async (scrolling) => {
        const el = document.querySelector('.tl-scroller');
        let lastBegin = await new Promise((r) => requestAnimationFrame(r));
        // Two clocks per frame: when our callback ran (performance.now(), which includes how late
        // the renderer got a core), and the frame's own begin time (the callback's argument, set
        // by the compositor's frame clock), whose gaps show frames the page made it skip.
        const frames = [];
        const paced = [];
        let last = performance.now();
        for (let i = 0; i < 120; i++) {
          if (scrolling) el.scrollTop += el.clientHeight * 1.5;
          const begin = await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          frames.push(now - last);
          paced.push(begin - lastBegin);
          last = now;
          lastBegin = begin;
        }
        frames.sort((a, b) => a - b);
        paced.sort((a, b) => a - b);
        return { p50: frames[60], p95: frames[114], max: frames[119], paceP50: paced[60], paceP95: paced[114], skipped: paced.filter((d) => d > 25).length };
      }, scrolling);
    // Baseline in the same run: the same page's frames while nothing scrolls (the display's own
    // pace and jitter, which no list can beat).
    const still = await scrollPass(false);
    if (profile) await cdp.send('Profiler.start');
    const scroll = await scrollPass();
    if (profile) printProfile((await cdp.send('Profiler.stop')).profile, 'while scrolling');
    const { frameCpu: scrollCpu } = await withFrameCpu(browser, page, scrollPass);

    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { seeded, opened, filterMs, filterCompute, narrow, broad, scroll, still, scrollCpu, heap: usedSize };
  } finally {
    await context.close();
  }
}

export async function runTimelineBench() {
  const { origin, close } = await serveAll();
  const browser = await launchChromium();
  try {
    for (const count of COUNTS) {
      const r = await benchIncident(browser, origin, count);
      const big = count >= 1_000_000;
      console.log(`\nDebrief timeline bench (Chromium, ${count.toLocaleString('en')} events in one incident; ${loadAverage()})\n`);
      line('Seeding IndexedDB with blocks (not part of the app)', seconds(r.seeded.ms));
      line('Open Timeline tab -> first rows on screen', millis(r.opened.firstRows), '< 300 ms', r.opened.firstRows < 300);
      line('Open Timeline tab -> fully loaded (list, filters, search, chart)', millis(r.opened.ready), big ? '< 8000 ms' : '< 1000 ms', r.opened.ready < (big ? 8000 : 1000));
      line('  of which: whole incident read and decoded (app measure)', millis(r.opened.measures['timeline:all-events'] ?? NaN));
      line('  of which: search index built (app measure)', millis(r.opened.measures['timeline:index-build'] ?? NaN));
      line('Filter change (channel) -> list updated', millis(r.filterMs), '< 100 ms', r.filterMs < 100);
      line('  of which filtering (app measure)', `${r.filterCompute.toFixed(1)} ms`);
      for (const [query, s] of [['elodie', r.narrow], ['rollback data', r.broad]]) {
        line(`Search "${query}" (${s.hits}) -> list updated`, millis(s.ms), '< 100 ms', s.ms < 100);
        line('  of which index search + filtering (app measure)', `${s.compute.toFixed(1)} ms (search ${s.searchMs.toFixed(1)} ms)`);
      }
      line('Scrolling 1.5 screens per frame: p50 / p95 frame', `${r.scroll.p50.toFixed(1)} / ${r.scroll.p95.toFixed(1)} ms`, 'p95 <= 17 ms', r.scroll.p95 <= 17);
      line('  baseline, same page not scrolling: p50 / p95 frame', `${r.still.p50.toFixed(1)} / ${r.still.p95.toFixed(1)} ms`, `scrolling p95 ${(r.scroll.p95 / r.still.p95).toFixed(2)}x`);
      line('  frame clock (frames\' begin times): p50 / p95, frames skipped of 120', `${r.scroll.paceP50.toFixed(1)} / ${r.scroll.paceP95.toFixed(1)} ms, ${r.scroll.skipped}`, 'p95 <= 17 ms', r.scroll.paceP95 <= 17);
      line('  frame clock, same page not scrolling', `${r.still.paceP50.toFixed(1)} / ${r.still.paceP95.toFixed(1)} ms, ${r.still.skipped}`);
      line('  main-thread CPU per frame (traced pass): p50 / p95', `${r.scrollCpu.p50.toFixed(1)} / ${r.scrollCpu.p95.toFixed(1)} ms`, 'p95 <= 17 ms', r.scrollCpu.p95 <= 17);
      line('JS heap after GC', `${(r.heap / MB).toFixed(0)} MB`, big ? '< 600 MB' : '', big ? r.heap < 600 * MB : null);
    }
  } finally {
    await browser.close();
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runTimelineBench();
}
