/* global document -- the functions passed to page.evaluate run in the browser */
// Issue 19: the browser dies with an import's 100k events staged (written, not committed); how
// long until the library shows on the next start, and how long the background clean-up takes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, line, loadAverage, millis, openBenchPage, seconds, serveAll } from './bench-server.mjs';

const STAGED = Number(process.env.CRASH_BENCH_EVENTS ?? 100_000);

export async function runCrashBench() {
  const { origin, close } = await serveAll();
  const profile = mkdtempSync(join(tmpdir(), 'debrief-crash-bench-'));
  const launch = () => chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    let context = await launch();
    const { call } = await openBenchPage(context, origin);
    await call('seedIncident', 'kept', 2_000, 'Bench: an incident imported earlier');
    const staged = await call('seedIncident', 'crashed', STAGED, 'Bench: the incident being imported into', 'staging');
    // The crash: the browser goes away with the staging source and its blocks on disk.
    await context.close();

    // Page load -> the library listing the earlier incident, in a fresh browser on that profile.
    const timeToLibrary = async (page) => {
      const started = Date.now();
      await page.goto(`${origin}/`);
      await page.getByText('Bench: an incident imported earlier').first().waitFor({ timeout: 10 * 60_000 });
      return Date.now() - started;
    };
    context = await launch();
    const page = context.pages()[0] ?? (await context.newPage());
    const toLibrary = await timeToLibrary(page);
    await page.waitForFunction(() => performance.getEntriesByName('debrief:import-cleanup:end').length > 0, undefined, { timeout: 10 * 60_000, polling: 50 });
    const cleanup = await page.evaluate(() => {
      const start = performance.getEntriesByName('debrief:import-cleanup:start')[0];
      const end = performance.getEntriesByName('debrief:import-cleanup:end')[0];
      return { ms: end.startTime - start.startTime, endedAt: end.startTime, imports: end.detail?.imports ?? 0, libraryPaintedBy: document.body.textContent?.includes('Bench: an incident imported earlier') };
    });
    await context.close();
    // The baseline, same run: a normal start of the same library once nothing is left to clean.
    context = await launch();
    const normal = await timeToLibrary(context.pages()[0] ?? (await context.newPage()));
    await context.close();

    console.log(`\nDebrief crash bench (Chromium, the browser closed with ${STAGED.toLocaleString('en')} events staged; ${loadAverage()})\n`);
    line('Seeding the staged import (not part of the app)', seconds(staged.ms));
    line('Next start: page load -> library on screen', millis(toLibrary), '< 1000 ms', toLibrary < 1000);
    line('  a normal start of the same library (baseline, same run)', millis(normal));
    line('  start after the crash relative to a normal start', `${(toLibrary / normal).toFixed(2)}x`, '<= 1.2x', toLibrary / normal <= 1.2);
    line(`Background clean-up of the interrupted import (${cleanup.imports} import)`, millis(cleanup.ms));
    return { toLibrary, normal, cleanup };
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCrashBench();
}
