/* global indexedDB, requestAnimationFrame, document, location, HTMLInputElement -- the functions passed to page.evaluate run in the browser */
// Timeline bench: the real web app, 100k events of one incident seeded straight into
// IndexedDB, driven in headless Chromium. Prints figures; it asserts nothing.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/results/timeline-web');
const COUNT = Number(process.env.TIMELINE_BENCH_EVENTS ?? 100_000);
const MB = 1024 * 1024;

/**
 * Runs in the page: writes an incident, a committed Slack source and `count` events spread
 * over six hours with a few bursts, threads, mentions and links, using the raw IndexedDB API
 * (the app's own Dexie instance is not reachable from outside).
 */
async function seed({ count }) {
  const open = () =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open('debrief');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const done = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  const db = await open();
  const incidentId = 'bench-incident';
  const sourceId = 'bench-source';
  const start = Date.UTC(2024, 5, 12, 21, 0);
  const now = Date.now();
  let tx = db.transaction(['incidents', 'sources'], 'readwrite');
  tx.objectStore('incidents').put({
    id: incidentId, title: 'Bench: checkout outage (100k events)', severity: 'SEV1', status: 'in-review', startedAt: start, detectedAt: start + 300_000,
    resolvedAt: start + 6 * 3_600_000, reviewAt: null, timeZone: 'America/Los_Angeles', services: ['checkout'], commander: 'Priya Raman', roles: [],
    summary: '', createdAt: now, updatedAt: now, deletedAt: null,
  });
  tx.objectStore('sources').put({
    id: sourceId, incidentId, fileName: 'slack-export.zip', size: 1, sha256: 'bench', format: 'slack-export', state: 'committed',
    counts: { added: count, duplicates: 0, skipped: 0, warnings: 0 }, warnings: [], importedAt: now,
  });
  await done(tx);

  const words = 'checkout payments api latency error rollback deploy config pool database timeout retry customer card decline alert pager restart pod cache queue lag region failover metric dashboard runbook incident bridge status update mitigate verify'.split(' ');
  const people = Array.from({ length: 40 }, (_, i) => `Responder ${i + 1}`);
  const channels = ['incident-checkout', 'payments', 'sre', 'support', 'deploys', 'alerts', 'status', 'war-room'];
  let rng = 42;
  const rand = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);
  const span = 6 * 3_600_000;
  const ats = [];
  for (let i = 0; i < count; i++) {
    // A fifth of the events fall in three short bursts; the rest spread evenly.
    const r = rand();
    const at = r < 0.2 ? start + [0.1, 0.35, 0.6][Math.floor(rand() * 3)] * span + rand() * 240_000 : start + rand() * span;
    ats.push(Math.floor(at));
  }
  ats.sort((a, b) => a - b);
  const BATCH = 10_000;
  for (let b = 0; b < count; b += BATCH) {
    tx = db.transaction('events', 'readwrite');
    const store = tx.objectStore('events');
    for (let i = b; i < Math.min(count, b + BATCH); i++) {
      const n = 6 + Math.floor(rand() * 20);
      let text = Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
      if (i % 50 === 0) text = `@${people[i % 40].replace(' ', '')} ${text}`;
      if (i % 70 === 0) text += ` https://grafana.example.com/d/${i}`;
      if (i % 997 === 0) text += ' Élodie résumé';
      const parent = i % 9 === 0 && i > 10 ? `slack-export:m${i - 1 - (i % 7)}` : null;
      store.put({
        id: `e${i}`, incidentId, sourceId, sourceFormat: 'slack-export', dedupeKey: `slack-export:m${i}`, kind: 'message', at: ats[i],
        originalTime: String(ats[i] / 1000), actorId: `U${i % 40}`, actorName: people[i % 40], channel: channels[i % channels.length], text,
        links: [], threadParentKey: parent, replyCount: 0, edited: i % 40 === 0, deleted: false, reactions: i % 30 === 0 ? [{ name: 'eyes', count: 2 }] : [],
        attachments: [], pinned: i % 5000 === 0, redacted: false, redactions: [], raw: null,
      });
    }
    await done(tx);
  }
  db.close();
  return incidentId;
}

/** Runs in the page: time from an action to the first frame where `ready()` holds. */
function untilFrame(ready) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const check = () => (ready() ? resolve(performance.now() - t0) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
}

/** Top functions by self time from a CDP CPU profile. */
function printProfile(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log('\nCPU self time while opening the tab:');
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
}

export async function runTimelineBench() {
  process.env.WEB_OUT_DIR = OUT;
  const configFile = join(ROOT, 'vite.web.config.ts');
  // TIMELINE_BENCH_PROFILE=1 keeps names readable and prints where the first load spends its time.
  const profile = process.env.TIMELINE_BENCH_PROFILE === '1';
  await build({ configFile, logLevel: 'error', build: profile ? { minify: false } : {} });
  const server = await preview({ configFile, logLevel: 'error', preview: { host: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? 0) + (process.env.BENCH_PORT ? 1 : 0), strictPort: Boolean(process.env.BENCH_PORT), open: false } });
  const url = server.resolvedUrls?.local[0];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.getByRole('link', { name: /Debrief/ }).waitFor();
    const seedStart = Date.now();
    const incidentId = await page.evaluate(seed, { count: COUNT });
    const seedMs = Date.now() - seedStart;
    // A fresh load, as when the reviewer opens the incident: the library page first.
    await page.reload();
    await page.getByRole('link', { name: /Debrief/ }).waitFor();

    const cdp = await page.context().newCDPSession(page);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const firstRows = await page.evaluate(
      ([id, waitFn]) => {
        const wait = new Function(`return (${waitFn})`)();
        const shown = wait(() => document.querySelector('.tl-row') !== null);
        location.hash = `#/incidents/${id}/timeline`;
        return shown;
      },
      [incidentId, untilFrame.toString()],
    );
    if (profile) printProfile((await cdp.send('Profiler.stop')).profile);
    const measures = async () => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration])));
    await page.waitForFunction(() => performance.getEntriesByName('timeline:index-build').length > 0, undefined, { timeout: 120_000 });
    const afterIndex = await measures();

    // Filter change: only "alert"-free kinds is not possible here, so filter by one channel.
    const filterMs = await page.evaluate(async (waitFn) => {
      const wait = new Function(`return (${waitFn})`)();
      const count = document.querySelector('.tl-count');
      const before = count?.textContent;
      const summary = [...document.querySelectorAll('details.tl-checklist summary')].find((s) => s.textContent?.includes('Channel'));
      summary?.click();
      await new Promise((r) => setTimeout(r, 50));
      const box = summary?.parentElement?.querySelector('input[type=checkbox]');
      const shown = wait(() => count?.textContent !== before);
      box?.click();
      return shown;
    }, untilFrame.toString());
    const filterCompute = (await measures())['timeline:filter'];

    const search = async (query) => {
      const ms = await page.evaluate(
        async ([waitFn, q]) => {
          const wait = new Function(`return (${waitFn})`)();
          const input = document.querySelector('input[type=search]');
          const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
          const counter = () => document.querySelector('.tl-hit-counter')?.textContent ?? '';
          const before = document.querySelector('.tl-count')?.textContent;
          const shown = wait(() => counter().includes('of') && document.querySelector('.tl-count')?.textContent !== before);
          setValue.call(input, q);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return shown;
        },
        [untilFrame.toString(), query],
      );
      const m = await measures();
      return { ms, compute: m['timeline:filter'] + (m['timeline:search'] ?? 0), hits: await page.locator('.tl-hit-counter').textContent() };
    };
    const narrow = await search('elodie');
    const broad = await search('rollback data');

    // Scrolling: jump through the list and count frames that took too long.
    const scroll = await page.evaluate(async () => {
      const el = document.querySelector('.tl-scroller');
      const frames = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        el.scrollTop += el.clientHeight * 1.5;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      frames.sort((a, b) => a - b);
      return { p50: frames[60], p95: frames[114], max: frames[119] };
    });

    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');

    const row = (label, value, target = '') => console.log(`${label.padEnd(52)} ${value.padStart(12)}   ${target}`);
    console.log(`\nDebrief timeline bench (Chromium, ${COUNT.toLocaleString('en')} events in one incident)\n`);
    row('Seeding IndexedDB (not part of the app)', `${(seedMs / 1000).toFixed(1)} s`);
    row('Open Timeline tab -> first rows on screen', `${firstRows.toFixed(0)} ms`, 'target < 300 ms');
    row('  of which mount -> first rows (app measure)', `${(afterIndex['timeline:first-rows'] ?? NaN).toFixed(0)} ms`);
    row('Whole incident loaded from IndexedDB (in background)', `${(afterIndex['timeline:all-events'] ?? NaN).toFixed(0)} ms`);
    row('Search index build (chunked, after first rows)', `${(afterIndex['timeline:index-build'] ?? NaN).toFixed(0)} ms`);
    row('Filter change (channel) -> list updated', `${filterMs.toFixed(0)} ms`, 'target < 100 ms');
    row('  of which filtering (app measure)', `${filterCompute.toFixed(1)} ms`);
    for (const [query, r] of [['elodie', narrow], ['rollback data', broad]]) {
      row(`Search "${query}" (${r.hits}) -> list updated`, `${r.ms.toFixed(0)} ms`, 'target < 100 ms');
      row('  of which index search + filtering (app measure)', `${r.compute.toFixed(1)} ms`);
    }
    row('Scrolling 1.5 screens per frame: p50 / p95 frame', `${scroll.p50.toFixed(0)} / ${scroll.p95.toFixed(0)} ms`);
    row('JS heap after GC', `${(usedSize / MB).toFixed(0)} MB`);
    return { firstRows, filterMs, narrow, broad, measures: afterIndex, heap: usedSize, scroll };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runTimelineBench();
}
