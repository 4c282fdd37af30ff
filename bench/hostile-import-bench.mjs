// Issue 13: hostile archives and Cancel through the real import worker in Chromium (the bench page
// drives it as the wizard does: analyse for the preview, then import). Prints the time to refusal
// and the import worker's peak memory (JS heap + ArrayBuffer backing stores, sampled every 50 ms
// through CDP, from a heap just collected) on a 1 GiB zip bomb and on a 199,999-entry archive, and the time from Cancel to the
// worker's "cancelled" answer while reading and while saving the 1M-message export, and while
// tokenizing and reading an 800k-row CSV (synchronous work: it must yield for Cancel to get in).
// A second bomb's directory understates its size (2 KB), so only the cap checked while inflating
// can stop it: the worst case for memory.
//   node bench/hostile-import-bench.mjs            (all)
//   node bench/hostile-import-bench.mjs bombs 3    (the archives only, three runs)
import { peakSampler, workerHeapReader } from './import-bench.mjs';
import { launchChromium, line, loadAverage, MB, millis, openBenchPage, seconds, serveAll } from './bench-server.mjs';
import { EXPORTS } from './generate-slack-export.mjs';
import { ARCHIVES, makeArchives } from './zip-bench.mjs';

export async function runHostileImportBench({ archivesOnly = false, runs = 1 } = {}) {
  await makeArchives();
  const { origin, close } = await serveAll();
  const browser = await launchChromium();
  try {
    const workerMemory = await workerHeapReader(browser, { withBuffers: true });
    const context = await browser.newContext();
    const { call } = await openBenchPage(context, origin);
    await call('reset');
    console.log('\nHostile imports and Cancel through the real import worker (Chromium)\n');
    for (let run = 1; run <= runs; run++) {
      if (runs > 1) console.log(`run ${run} of ${runs} (${loadAverage()})`);
      for (const [key, target] of [
        ['bomb', 'refused'],
        ['bomb-lying', 'refused'],
        ['entries-200k', ''],
      ]) {
        const input = await call('load', `/data/${ARCHIVES[key].file}`);
        // Each file gets its own worker (as each wizard does); the bench page's idle one is collected
        // first, so the peak is this file's, not garbage an earlier run left behind.
        await workerMemory.collectGarbage();
        const before = await workerMemory();
        const watch = peakSampler(workerMemory, 50);
        const result = await call('hostileImport', input, `hostile-${key}-${run}`);
        const peak = await watch.stop();
        line(`${ARCHIVES[key].label}: preview, then import`, seconds(result.ms), target);
        console.log(`    preview ${millis(result.analysedMs)}${result.analyseError ? ` (refused: ${result.analyseError})` : ''}; import: ${result.outcome}`);
        line('  peak import-worker memory (heap + buffers)', `${(peak / MB).toFixed(0)} MB`, '< 256 MB', peak < 256 * MB);
        console.log(`    workers before this file: ${(before / MB).toFixed(0)} MB (after a full GC)`);
      }
    }
    if (archivesOnly) {
      await context.close();
      return;
    }
    const large = await call('load', `/data/${EXPORTS['1m'].file}`);
    for (const [phase, after] of [
      ['reading', 1000],
      ['writing', 1000],
    ]) {
      const result = await call('cancelDuring', large, `cancel-${phase}`, phase, after);
      line(`Cancel ${after} ms into ${phase} (1M export) -> worker says cancelled`, millis(result.ms), '< 1000 ms', result.ms < 1000 && result.outcome.startsWith('CANCELLED'));
      console.log(`    ${result.outcome}; ${result.events.toLocaleString('en-US')} events reported before Cancel`);
    }
    const csv = await call('csv', 800_000);
    // 'hashing' + 100 ms lands in the tokenizer (no progress while it runs); 'reading' in the row loop.
    for (const [phase, after, what] of [
      ['hashing', 100, 'tokenizing'],
      ['reading', 300, 'reading rows of'],
    ]) {
      const result = await call('cancelDuring', csv, `cancel-csv-${phase}`, phase, after, 'csv-timeline');
      line(`Cancel while ${what} an 800k-row CSV -> cancelled`, millis(result.ms), '< 1000 ms', result.ms < 1000 && result.outcome.startsWith('CANCELLED'));
      console.log(`    ${result.outcome}; ${result.events.toLocaleString('en-US')} events reported before Cancel`);
    }
    await context.close();
  } finally {
    await browser.close();
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runHostileImportBench({ archivesOnly: process.argv[2] === 'bombs', runs: Number(process.argv[3] ?? 1) });
