/* global document, window, MutationObserver, location, requestAnimationFrame -- the functions passed to the page run in the browser */
// Drives the real web app the way a user does (New incident, Import…, the wizard, the Timeline)
// and reads what the page recorded: progress-line changes, long tasks and the app's measures.

/**
 * Installed before the app's first script: records long tasks, the app's performance measures,
 * each text the import progress line shows and when "Import finished" appears.
 */
function installRecorder() {
  const recorded = { longTasks: [], measures: [], progress: [], finishedAt: null };
  window.benchRecord = recorded;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) recorded.longTasks.push({ at: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) recorded.measures.push({ name: entry.name, at: entry.startTime + entry.duration, ms: entry.duration, events: entry.detail?.events });
  }).observe({ type: 'measure' });
  let last = '';
  const watch = () => {
    const text = document.querySelector('.import-running p.muted')?.textContent ?? '';
    const now = performance.now();
    if (text && text !== last) recorded.progress.push({ text, at: now });
    last = text;
    if (recorded.finishedAt === null && [...document.querySelectorAll('h2')].some((h) => h.textContent === 'Import finished')) {
      recorded.finishedAt = now;
      // Where a trace of the page sees the import end (what follows is the Timeline's append).
      performance.mark('bench:import-finished');
      window.benchImportFinished?.();
    }
  };
  // Watching every DOM change costs the page on each change; benches that time rendering stop it.
  const watcher = new MutationObserver(watch);
  recorded.stopWatching = () => watcher.disconnect();
  document.addEventListener('DOMContentLoaded', () => watcher.observe(document.body, { subtree: true, childList: true, characterData: true }));
}

/** Per app page, what to call when the page shows "Import finished" (see importThroughWizard). */
const finishedHooks = new WeakMap();

export async function openApp(context, origin) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('app error:', error.message));
  await page.addInitScript(installRecorder);
  await page.exposeFunction('benchImportFinished', () => finishedHooks.get(page)?.());
  await page.goto(`${origin}/`);
  await page.getByRole('link', { name: /Debrief/ }).waitFor();
  return page;
}

/** New incident → the incident opens on its Timeline tab. Times are UTC `YYYY-MM-DDTHH:mm`. */
export async function createIncident(page, { title, started, resolved }) {
  await page.getByRole('banner').getByRole('button', { name: 'New incident' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('radio', { name: /SEV2/ }).check();
  await dialog.getByLabel('Time zone').fill('UTC');
  if (started) await dialog.getByLabel(/^Started/).fill(started);
  if (resolved) {
    await dialog.getByLabel('Status').selectOption({ label: 'Resolved' });
    await dialog.getByLabel(/^Resolved/).fill(resolved);
  }
  await dialog.getByRole('button', { name: 'Create incident' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByText('The timeline is empty').or(page.getByRole('searchbox', { name: 'Search the timeline' })).first().waitFor();
  return page.evaluate(() => location.hash.match(/#\/incidents\/([^/]+)/)?.[1]);
}

/**
 * Import… → the file → the preview settled (every message count shown) → (optionally only the
 * first `conversations` Slack conversations) → Import, until "Import finished". Returns the wall
 * time from the click on Import and what the page saw.
 * `onStart` runs just before the click, `onFinished` as soon as the page shows "Import finished"
 * (told by the page, not polled), so a measurement can cover exactly the timed import.
 */
export async function importThroughWizard(page, filePath, { conversations, onStart, onFinished } = {}) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(filePath);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Import into this incident' }).waitFor();
  await dialog.getByRole('checkbox', { name: /^Import / }).first().waitFor({ timeout: 120_000 });
  // A user reads the preview before pressing Import: wait, as they would, until every Slack
  // conversation's message count is shown (none says "counting…"). Pressing Import at once would
  // time the wizard's counting (stopped by Import, but its last day file and garbage land in the
  // import) rather than the import.
  await dialog.getByText('counting…').first().waitFor({ state: 'detached', timeout: 600_000 });
  if (conversations !== undefined) {
    await dialog.getByRole('button', { name: 'Select none' }).click();
    const boxes = dialog.getByRole('checkbox', { name: /^Import / });
    for (let i = 0; i < conversations; i++) await boxes.nth(i).check();
  }
  const button = dialog.getByRole('button', { name: /^Import( \d+ files)?$/ });
  await button.waitFor();
  // Playwright's click finds the button by its role (walking the whole page in the page's main
  // thread) and waits for it to stay put over two frames before pressing: work of the bench, which
  // had landed inside the timed import. Those checks run here, before the start; the timed part
  // is the press itself, where the button is.
  await button.click({ trial: true });
  const box = await button.boundingBox();
  if (!box) throw new Error('the Import button has no box');
  // Each import is timed to its own "Import finished" (the page may have shown one before).
  const finished = new Promise((resolve) => finishedHooks.set(page, resolve)).then(() => onFinished?.());
  const started = await page.evaluate(() => {
    window.benchRecord.finishedAt = null;
    // Where a trace of the page starts to count (bench/import-trace.mjs).
    performance.mark('bench:import-click');
    return performance.now();
  });
  onStart?.();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // The page's recorder says when "Import finished" shows, rather than a role locator polling:
  // Playwright's role queries walk the whole page on every poll, work the window would do only
  // under the bench.
  await finished;
  finishedHooks.delete(page);
  // The open Timeline adds the committed events after the wizard says so: wait for that append
  // (or a reload, which the figures then report), so both are counted.
  await page
    .waitForFunction((from) => window.benchRecord.measures.some((m) => m.at >= from && (m.name === 'events:append' || m.name === 'events:load')), started, { timeout: 120_000, polling: 50 })
    .catch(() => undefined);
  const record = await page.evaluate((from) => {
    const r = window.benchRecord;
    return { ...r, longTasks: r.longTasks.filter((t) => t.at >= from), measures: r.measures.filter((m) => m.at >= from), progress: r.progress.filter((p) => p.at >= from) };
  }, started);
  const summary = await dialog.getByRole('region', { name: /^Result for / }).first().textContent();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  return { ms: record.finishedAt - started, started, summary, ...analyse(record, started) };
}

/** Figures from what the page recorded during one import. */
function analyse(record, started) {
  const points = [{ at: started, text: 'start' }, ...record.progress, { at: record.finishedAt, text: 'Import finished' }];
  let maxGap = { ms: 0, after: '' };
  for (let i = 1; i < points.length; i++) {
    const gap = points[i].at - points[i - 1].at;
    if (gap > maxGap.ms) maxGap = { ms: gap, after: points[i - 1].text.split(' · ')[0] };
  }
  const writes = record.progress.filter((p) => p.text.startsWith('Saving events'));
  const lastWrite = writes.length ? writes[writes.length - 1].at : NaN;
  const phases = {};
  for (const p of record.progress) phases[p.text.split(' · ')[0]] ??= p.at - started;
  const longest = record.longTasks.reduce((max, t) => Math.max(max, t.ms), 0);
  return {
    maxProgressGap: maxGap,
    lastWriteToFinished: record.finishedAt - lastWrite,
    phases,
    longTasks: { count: record.longTasks.length, over100: record.longTasks.filter((t) => t.ms > 100).length, longest },
    reloads: record.measures.filter((m) => m.name === 'events:load').length,
    appends: record.measures.filter((m) => m.name === 'events:append'),
  };
}

/** Runs in the page: ms from now to the first frame where `ready()` holds. */
export function untilFrameSource() {
  return `(ready) => new Promise((resolve) => {
    const t0 = performance.now();
    const check = () => (ready() ? resolve(performance.now() - t0) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })`;
}

/**
 * Opens an incident's Timeline from the library and times the first rows and the whole incident
 * being ready (every event counted in the list, the search index built).
 */
export async function openTimeline(page, incidentId, total) {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('link', { name: /Debrief/ }).waitFor();
  await page.waitForTimeout(300);
  const started = await page.evaluate(() => performance.now());
  const firstRows = await withTimeout(page, 'first rows', page.evaluate(
    ([id, waitFn]) => {
      const wait = new Function(`return (${waitFn})`)();
      const shown = wait(() => document.querySelector('.tl-row') !== null);
      location.hash = `#/incidents/${id}/timeline`;
      return shown;
    },
    [incidentId, untilFrameSource()],
  ));
  // Ready = the search index built and the count line showing the whole incident (not "Loading
  // all events…"); the count is returned rather than awaited, so a mismatch is printed, not hung on.
  await page.waitForFunction(
    (from) => performance.getEntriesByName('timeline:index-build').some((m) => m.startTime >= from) && /^[\d,]+ events$/.test(document.querySelector('.tl-count')?.textContent ?? ''),
    started,
    { timeout: Number(process.env.BENCH_OPEN_TIMEOUT_MS ?? 10 * 60_000), polling: 50 },
  ).catch(async (error) => {
    await page.screenshot({ path: 'bench/results/open-timeline-timeout.png' });
    const seen = await page.evaluate(() => ({ count: document.querySelector('.tl-count')?.textContent, hash: location.hash, marks: performance.getEntriesByType('measure').map((m) => m.name).slice(-10) }));
    throw new Error(`The timeline did not finish loading: ${JSON.stringify(seen)} (screenshot: bench/results/open-timeline-timeout.png)`, { cause: error });
  });
  const listed = Number((await page.locator('.tl-count').textContent()).replace(/\D/g, ''));
  const measures = await page.evaluate((from) => Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.startTime >= from).map((m) => [m.name, m.startTime + m.duration - from])), started);
  const ready = Math.max(measures['timeline:index-build'] ?? 0, measures['timeline:all-events'] ?? 0);
  return { firstRows, ready, measures, listed, expected: total };
}

/** Fails with a screenshot and what the page shows when `work` takes longer than BENCH_OPEN_TIMEOUT_MS. */
async function withTimeout(page, what, work) {
  const ms = Number(process.env.BENCH_OPEN_TIMEOUT_MS ?? 10 * 60_000);
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(async () => {
      await page.screenshot({ path: 'bench/results/open-timeline-timeout.png' }).catch(() => undefined);
      const seen = await page.evaluate(() => ({ count: document.querySelector('.tl-count')?.textContent, hash: location.hash, text: document.querySelector('main')?.textContent?.slice(0, 300) })).catch(() => null);
      reject(new Error(`Waited ${ms} ms for ${what}: ${JSON.stringify(seen)} (screenshot: bench/results/open-timeline-timeout.png)`));
    }, ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
