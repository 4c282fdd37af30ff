/* global window -- the function passed to page.evaluate runs in the browser */
// Builds the web app and the bench page and serves them from one origin, so that they share
// IndexedDB: the bench page seeds or imports with the project's own code, the app opens the result.
//   /          the web app (the same build as `npm run web`)
//   /bench/    bench/page (the real import worker and import store on a bare page)
//   /data/     the generated exports (bench/generate-slack-export.mjs)
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { projectAliases } from './load-ts.mjs';
import { DATA_DIR } from './generate-slack-export.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_OUT = join(ROOT, 'bench/results/page');
const APP_OUT = join(ROOT, 'bench/results/app');
export const MB = 1024 * 1024;

let built = null;

/** Builds both once per run. `minify: false` (BENCH_PROFILE=1) keeps names readable in profiles. */
export function buildAll() {
  built ??= (async () => {
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
    process.env.WEB_OUT_DIR = APP_OUT;
    const profile = process.env.BENCH_PROFILE === '1';
    await build({ configFile: join(ROOT, 'vite.web.config.ts'), logLevel: 'error', build: profile ? { minify: false } : {} });
  })();
  return built;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.zip': 'application/zip', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2' };

/** Serves the builds; resolves to the server (its address has the port). BENCH_PORT picks it. */
export async function serveAll() {
  await buildAll();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const [base, rest] = path.startsWith('/data/') ? [DATA_DIR, path.slice(5)] : path.startsWith('/bench/') ? [PAGE_OUT, path.slice(6)] : [APP_OUT, path];
    const file = join(base, normalize(rest.endsWith('/') ? `${rest}index.html` : rest));
    if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info'];

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The bench page of `context`, loaded; `call(name, ...args)` runs `window.bench[name]`. */
export async function openBenchPage(context, origin) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('bench page error:', error.message));
  await page.goto(`${origin}/bench/`);
  await page.locator('#status', { hasText: 'loaded' }).waitFor();
  const call = (name, ...args) => page.evaluate(([n, a]) => window.bench[n](...a), [name, args]);
  return { page, call };
}

/** One figure per line: label, value, target and whether it was met (no target: no verdict). */
export function line(label, value, target = '', ok = null) {
  const verdict = ok === null ? '' : ok ? 'OK' : 'MISSED';
  console.log(`${label.padEnd(64)} ${value.padStart(14)}   ${target.padEnd(12)} ${verdict}`);
}

export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms) => `${Math.round(ms)} ms`;

/**
 * The machine's load (1, 5 and 15 minute averages) and cores, printed with every set of figures:
 * on a shared box they are only comparable between runs at a similar load.
 */
export function loadAverage() {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpus().length} cores`;
}
