// Builds bench/page with Vite (the real import worker and import store), serves it with the
// generated exports, drives it in Chromium through Playwright and prints the figures.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { projectAliases } from './load-ts.mjs';
import { DATA_DIR, EXPORTS } from './generate-slack-export.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_OUT = join(ROOT, 'bench/results/page');
const MB = 1024 * 1024;

async function buildPage() {
  const rendererAliases = await projectAliases();
  await build({
    root: join(ROOT, 'bench/page'),
    base: './',
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    resolve: { alias: rendererAliases },
    define: { __APP_VERSION__: JSON.stringify('bench') },
    worker: { format: 'es' },
    build: { outDir: PAGE_OUT, emptyOutDir: true, sourcemap: false },
  });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.zip': 'application/zip' };

/** Static files: the built page at /, the generated exports at /data/. */
function serve() {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const base = path.startsWith('/data/') ? DATA_DIR : PAGE_OUT;
    const relative = normalize(path.replace(/^\/data\//, '/').replace(/^\/$/, '/index.html'));
    const file = join(base, relative);
    if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => resolve(server)));
}

/**
 * JS heap of dedicated workers through the browser's CDP (`performance.memory` does not exist in
 * workers): attaches to each worker target once and asks `Runtime.getHeapUsage`.
 */
async function workerHeapReader(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const sessions = new Map();
  const waiting = new Map();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const parsed = JSON.parse(message);
    waiting.get(parsed.id)?.(parsed.result?.usedSize ?? 0);
    waiting.delete(parsed.id);
  });
  return async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sizes = await Promise.all(
      targetInfos
        .filter((target) => target.type === 'worker')
        .map(async (target) => {
          let sessionId = sessions.get(target.targetId);
          if (!sessionId) {
            ({ sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false }));
            sessions.set(target.targetId, sessionId);
          }
          const id = nextId++;
          const answer = new Promise((resolve) => {
            waiting.set(id, resolve);
            setTimeout(() => resolve(0), 1000);
          });
          await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => undefined);
          return answer;
        }),
    );
    return sizes.reduce((a, b) => a + b, 0);
  };
}

/** Peak heap of the workers alone, to show the import worker was measured. */
let peakWorkers = 0;

/** Samples the JS heap of the page plus its workers until stopped; returns the peak of the sum. */
function heapSampler(page, workerHeap) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const [pageHeap, workers] = await Promise.all([page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0).catch(() => 0), workerHeap().catch(() => 0)]);
      peak = Math.max(peak, pageHeap + workers);
      peakWorkers = Math.max(peakWorkers, workers);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

export async function runImportBench() {
  await buildPage();
  const server = await serve();
  const port = server.address().port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
  });
  const results = {};
  try {
    const workerHeap = await workerHeapReader(browser);
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('#status', { hasText: 'loaded' }).waitFor();
    const call = (name, ...args) => page.evaluate(([n, a]) => window.bench[n](...a), [name, args]);

    // 1. Full import of the 100k export vs a raw IndexedDB put of the same records.
    const small = await call('load', `/data/${EXPORTS['100k'].file}`);
    let sampler = heapSampler(page, workerHeap);
    const full = await call('importInput', small, 'bench-100k');
    let peak = await sampler.stop();
    const raw = await call('rawPut', 'bench-100k');
    results.full = full;
    results.raw = raw;

    // 2. The 1M export: conversation list, then 3 conversations x 3 days.
    const large = await call('load', `/data/${EXPORTS['1m'].file}`);
    sampler = heapSampler(page, workerHeap);
    const listed = await call('conversationList', large);
    const window = { from: Date.UTC(2024, 5, 14), to: Date.UTC(2024, 5, 17) - 1 };
    const slice = await call('importInput', large, 'bench-1m', { conversations: listed.ids.slice(0, 3), window });
    peak = Math.max(peak, await sampler.stop());
    results.listed = listed;
    results.slice = slice;
    results.peakHeap = peak;

    const ratio = raw.ms / full.ms;
    const line = (label, value, target, ok) => console.log(`${label.padEnd(58)} ${value.padStart(14)}   target ${target.padEnd(10)} ${ok ? 'OK' : 'MISSED'}`);
    console.log('\nDebrief import bench (Chromium, real worker + import store)\n');
    line(`Full import, 100k messages (${full.added} events)`, `${(full.ms / 1000).toFixed(2)} s`, '', true);
    console.log(`    phases start at: ${Object.entries(full.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}`);
    line(`Raw IndexedDB put of the same ${raw.count} records`, `${(raw.ms / 1000).toFixed(2)} s`, '', true);
    line('Import speed relative to raw put (raw time / import time)', `${ratio.toFixed(2)}x`, '>= 0.8x', ratio >= 0.8);
    line(`Conversation list of the 1M export (${listed.conversations} conversations)`, `${(listed.ms / 1000).toFixed(2)} s`, '< 2 s', listed.ms < 2000);
    line(`Import 3 conversations x 3 days of the 1M export (${slice.added} events)`, `${(slice.ms / 1000).toFixed(2)} s`, '< 2 s', slice.ms < 2000);
    console.log(`    phases start at: ${Object.entries(slice.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}`);
    line('Peak JS heap (page + workers, sampled every 100 ms)', `${(peak / MB).toFixed(0)} MB`, '< 512 MB', peak < 512 * MB);
    console.log(`    of which the import worker at its peak: ${(peakWorkers / MB).toFixed(0)} MB`);
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runImportBench();
}
