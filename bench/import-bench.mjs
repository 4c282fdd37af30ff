// The import figures (issues 9, 17, 19): the real import worker and store driven on a bare page
// (worker-only), the same import through the real app (an incident open on its Timeline, the
// wizard, the progress line), and a raw per-record IndexedDB put of the same records, in one run.
// Worker-only and app runs alternate (BENCH_IMPORT_RUNS pairs, default 3) and the medians are
// compared: on a shared machine one run of each swings by 2x either way. The app path presses
// Import once the wizard's preview has settled (every conversation's message count shown), as a
// user who reads the preview does, for the 100k and the windowed runs alike.
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { openApp, createIncident, importThroughWizard, openTimeline } from './app-driver.mjs';
import { launchChromium, line, loadAverage, MB, millis, openBenchPage, seconds, serveAll } from './bench-server.mjs';
import { DATA_DIR, EXPORTS } from './generate-slack-export.mjs';
import { byThreadName, cpuBetween, threadTicks, totalSeconds, untilQuiet } from './thread-cpu.mjs';
import { withTaskCpu } from './task-cpu.mjs';

/**
 * JS heap of dedicated workers through the browser's CDP (`performance.memory` does not exist in
 * workers): attaches to each worker target once and asks `Runtime.getHeapUsage`. `withBuffers`
 * adds the ArrayBuffer backing stores (decompressed bytes live there, outside the JS heap).
 * `read.collectGarbage()` runs a full GC in every worker, so a measurement that starts after it
 * does not count garbage an earlier run left behind.
 */
export async function workerHeapReader(browser, { withBuffers = false } = {}) {
  const cdp = await browser.newBrowserCDPSession();
  const sessions = new Map();
  const waiting = new Map();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const parsed = JSON.parse(message);
    waiting.get(parsed.id)?.(parsed.result ?? {});
    waiting.delete(parsed.id);
  });
  /** Sends `method` to every worker; resolves with each one's result ({} after 1 s without one). */
  const toWorkers = async (method, timeoutMs = 1000) => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return Promise.all(
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
            setTimeout(() => resolve({}), timeoutMs);
          });
          await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => undefined);
          return answer;
        }),
    );
  };
  const read = async () => {
    const results = await toWorkers('Runtime.getHeapUsage');
    return results.reduce((sum, result) => sum + (result.usedSize ?? 0) + (withBuffers ? (result.backingStorageSize ?? 0) : 0), 0);
  };
  read.collectGarbage = async () => {
    await toWorkers('HeapProfiler.collectGarbage', 10_000);
  };
  return read;
}

/** Peak heap of the workers alone, to show the import worker was measured. */
let peakWorkers = 0;

/** Calls `read()` every `everyMs` until stopped; `stop()` resolves to the largest value read. */
export function peakSampler(read, everyMs) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await read().catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
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

/** Samples the JS heap of the page plus its workers until stopped; returns the peak of the sum. */
function heapSampler(page, workerHeap) {
  return peakSampler(async () => {
    const [pageHeap, workers] = await Promise.all([page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0).catch(() => 0), workerHeap().catch(() => 0)]);
    peakWorkers = Math.max(peakWorkers, workers);
    return pageHeap + workers;
  }, 100);
}

/** Median, fastest and slowest of a list of numbers. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

const spreadText = (values, unit = seconds) => {
  const { median, min, max, n } = spread(values);
  return `median ${unit(median)} (${unit(min)}–${unit(max)}, ${n} runs)`;
};

/** The app's progress-line labels, by the worker's phase names. */
const PHASE_OF_LABEL = { 'Checking the file': 'hashing', Reading: 'reading', 'Saving events': 'writing', Finishing: 'committing' };

/** How long each phase took (from its start to the next phase's start, the last to `total`). */
function phaseDurations(phases, total) {
  const starts = Object.entries(phases).map(([name, at]) => [PHASE_OF_LABEL[name] ?? name, at]).sort((a, b) => a[1] - b[1]);
  return Object.fromEntries(starts.map(([name, at], i) => [name, (starts[i + 1]?.[1] ?? total) - at]));
}

/**
 * CPU seconds every Chromium thread used during one timed import (from `start()` to `end()`):
 * what the import cost, apart from how long its threads waited for a core on a busy machine.
 */
function cpuMeter() {
  let before = null;
  let used = null;
  return {
    start: () => void (before = threadTicks()),
    end: () => void (used = before ? cpuBetween(before, threadTicks()) : null),
    /** Takes the last measurement (null when the run did not call both). */
    take() {
      const result = used;
      before = used = null;
      return result;
    },
  };
}

/**
 * `runs` pairs of the same import, worker-only and through the app, in alternating order (worker
 * first, then app first…) so that a change in the machine's load hits both alike. Each run writes
 * into a fresh incident and starts once the browser is quiet (an app import leaves its Timeline
 * working after "Import finished", which would otherwise slow the worker-only run after it).
 * Returns every run of each, with the load average when it ended.
 */
async function interleaved(runs, worker, app) {
  const workerRuns = [];
  const appRuns = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['worker', 'app'] : ['app', 'worker'];
    for (const which of order) {
      if (!(await untilQuiet())) console.error('import bench: the browser was still busy after 30 s; running anyway');
      if (which === 'worker') workerRuns.push({ ...(await worker(i)), load: loadavg()[0] });
      else appRuns.push({ ...(await app(i)), load: loadavg()[0] });
    }
  }
  return { workerRuns, appRuns };
}

/**
 * The CPU seconds of each path's runs (medians), their ratio, and the threads that differ most:
 * less sensitive to the machine's load than wall time (a thread waiting for a core uses none).
 */
function printCpu(label, pairs) {
  const measured = (runs) => runs.map((r) => r.cpu).filter(Boolean);
  const worker = measured(pairs.workerRuns);
  const app = measured(pairs.appRuns);
  if (worker.length === 0 || app.length === 0) return;
  const workerCpu = spread(worker.map(totalSeconds)).median;
  const appCpu = spread(app.map(totalSeconds)).median;
  line(`${label}: CPU seconds, app / worker-only (medians)`, `${appCpu.toFixed(2)} / ${workerCpu.toFixed(2)} s`);
  line(`  app path CPU relative to worker-only`, `${(appCpu / workerCpu).toFixed(2)}x`, '<= 1.10x', appCpu / workerCpu <= 1.1);
  const grouped = (runs) => runs.map(byThreadName);
  const names = new Set([...grouped(worker), ...grouped(app)].flatMap((m) => [...m.keys()]));
  const median = (maps, name) => spread(maps.map((m) => m.get(name) ?? 0)).median;
  const rows = [...names].map((name) => [name, median(grouped(worker), name), median(grouped(app), name)]).filter(([, w, a]) => Math.max(w, a) >= 0.02);
  rows.sort((x, y) => Math.abs(y[2] - y[1]) - Math.abs(x[2] - x[1]));
  console.log(`    by thread (median s, worker-only -> app): ${rows.slice(0, 8).map(([name, w, a]) => `${name} ${w.toFixed(2)} -> ${a.toFixed(2)}`).join('; ')}`);
}

function printPhases(label, runs, byName) {
  const names = ['reading', 'writing', 'committing'];
  const parts = names.map((name) => `${name} ${seconds(spread(runs.map((r) => byName(r)[name] ?? 0)).median)}`);
  console.log(`    ${label} median phase times: ${parts.join(', ')}`);
}

export async function runImportBench() {
  const { origin, close } = await serveAll();
  const browser = await launchChromium();
  const loadAtStart = loadAverage();
  // Single runs swing by 2x on a shared machine: each comparison is made of this many interleaved pairs.
  const runs = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
  // A windowed import takes about a second, mostly fixed costs that a busy core stretches: more pairs.
  const windowedRuns = Number(process.env.BENCH_WINDOWED_RUNS ?? Math.max(runs, 9));
  try {
    const workerHeap = await workerHeapReader(browser);
    // Worker-only: the import worker and store on the bench page (its own browser context), given
    // the export as a File read from disk, as the app gets it from the file chooser.
    const benchContext = await browser.newContext();
    const { page, call } = await openBenchPage(benchContext, origin);
    const pick = async (file) => {
      await page.locator('#file').setInputFiles(join(DATA_DIR, file));
      return call('picked');
    };
    const small = await pick(EXPORTS['100k'].file);
    // The bench page says when a timed import starts and ends (and waits for the answer): each
    // import's CPU seconds are read in between, and likewise around the app's click → "Import finished".
    const meter = cpuMeter();
    await page.exposeFunction('benchTimedStart', meter.start);
    await page.exposeFunction('benchTimedEnd', meter.end);
    const withCpu = async (run) => ({ ...(await run), cpu: meter.take() });

    // The user's path: the app, a new incident open on its Timeline, the wizard (fresh storage).
    const appContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const app = await openApp(appContext, origin);
    let appIncident = null;
    const sampler = heapSampler(page, workerHeap);
    const full100k = await interleaved(
      runs,
      (i) => {
        console.error(`import bench: worker-only 100k import (run ${i + 1}/${runs})…`);
        return withCpu(call('importInput', small, i === 0 ? 'bench-100k' : `bench-100k-${i}`));
      },
      async (i) => {
        // Its dates cover the export's ten days (12–21 June 2024), so the wizard's default window
        // (2 h either side) takes every message, as the worker-only import does.
        const incident = await createIncident(app, { title: `Bench: 100k-message Slack export (run ${i + 1})`, started: '2024-06-12T02:00', resolved: '2024-06-21T22:00' });
        appIncident ??= incident;
        console.error(`import bench: app-path 100k import (run ${i + 1}/${runs})…`);
        return withCpu(importThroughWizard(app, join(DATA_DIR, EXPORTS['100k'].file), { onStart: meter.start, onFinished: meter.end }));
      },
    );
    let peak = await sampler.stop();
    const full = full100k.workerRuns[0];
    const viaApp = full100k.appRuns;

    // One more app import, traced from the click until the Timeline's append (not timed: tracing
    // costs), for the main thread's tasks by the CPU they used rather than by wall time.
    await createIncident(app, { title: 'Bench: 100k-message Slack export (traced)', started: '2024-06-12T02:00', resolved: '2024-06-21T22:00' });
    console.error('import bench: app-path 100k import, traced…');
    const traced = await withTaskCpu(browser, app, 'bench:import-click', () => importThroughWizard(app, join(DATA_DIR, EXPORTS['100k'].file)));

    // Straight after its import: the app opened afresh (reload) on the first app incident's Timeline.
    await app.reload();
    await app.getByRole('link', { name: /Debrief/ }).waitFor();
    console.error('import bench: reopening the 100k incident…');
    const reopened = await openTimeline(app, appIncident, full.added);

    // The baseline, after the imports so it does not warm the disk for them.
    console.error('import bench: raw put baseline…');
    const raw = await call('rawPut', 'bench-100k');

    // The 1M export: conversation list, then 3 conversations x 3 days, worker-only and in the app.
    const large = await pick(EXPORTS['1m'].file);
    const largeSampler = heapSampler(page, workerHeap);
    console.error('import bench: 1M export: conversation list and windowed imports…');
    const listed = await call('conversationList', large);
    const window = { from: Date.UTC(2024, 5, 14), to: Date.UTC(2024, 5, 17) - 1 };
    const windowed = await interleaved(
      windowedRuns,
      (i) => withCpu(call('importInput', large, `bench-1m-${i}`, { conversations: listed.ids.slice(0, 3), window })),
      async (i) => {
        // The app's default window is 2 h before the start to 2 h after resolution: the same 3 days.
        await createIncident(app, { title: `Bench: 1M-message Slack export, 3 conversations x 3 days (run ${i + 1})`, started: '2024-06-14T02:00', resolved: '2024-06-16T22:00' });
        return withCpu(importThroughWizard(app, join(DATA_DIR, EXPORTS['1m'].file), { conversations: 3, onStart: meter.start, onFinished: meter.end }));
      },
    );
    peak = Math.max(peak, await largeSampler.stop());
    await appContext.close();
    const slice = windowed.workerRuns[0];

    const workerMs = spread(full100k.workerRuns.map((r) => r.ms));
    const appMs = spread(viaApp.map((r) => r.ms));
    const ratio = raw.ms / workerMs.median;
    const appRatio = appMs.median / workerMs.median;
    const sliceRatio = spread(windowed.appRuns.map((r) => r.ms)).median / spread(windowed.workerRuns.map((r) => r.ms)).median;
    const pairRatios = (pairs) => pairs.workerRuns.map((w, i) => `${(pairs.appRuns[i].ms / w.ms).toFixed(2)}x`).join(', ');
    const loads = (pairs) => [...pairs.workerRuns, ...pairs.appRuns].map((r) => r.load);
    const worst = (pick) => viaApp.reduce((max, r) => Math.max(max, pick(r)), 0);
    console.log('\nDebrief import bench (Chromium; worker-only = real worker + import store on a bare page; app = the web app through the wizard;');
    console.log(`both read the export from disk; interleaved pairs of runs: ${runs} of the 100k import, ${windowedRuns} of the windowed 1M import)`);
    console.log(`At the start: ${loadAtStart}; now: ${loadAverage()}`);
    console.log(`1-minute load average during the 100k runs: ${spreadText(loads(full100k), (l) => l.toFixed(1))}\n`);
    line(`Worker-only: full import, 100k messages (${full.added} events)`, seconds(workerMs.median));
    console.log(`    ${spreadText(full100k.workerRuns.map((r) => r.ms))}`);
    printPhases('worker-only', full100k.workerRuns, (r) => phaseDurations(r.phases, r.ms));
    line(`App path: same export into an incident open on its Timeline`, seconds(appMs.median));
    console.log(`    ${spreadText(viaApp.map((r) => r.ms))}; ${viaApp[0].summary?.replace(/\s+/g, ' ').trim()}`);
    printPhases('app path   ', viaApp, (r) => phaseDurations(r.phases, r.ms));
    line(`Raw IndexedDB put of the same ${raw.count} records`, seconds(raw.ms));
    line('Import speed relative to raw put (raw time / worker-only median)', `${ratio.toFixed(2)}x`, '>= 1.5x', ratio >= 1.5);
    line('App path relative to worker-only (median app / median worker)', `${appRatio.toFixed(2)}x`, '<= 1.10x', appRatio <= 1.1);
    console.log(`    each pair (app / worker): ${pairRatios(full100k)}`);
    printCpu('100k import', full100k);
    line('  Timeline reloads / appends per app import (every run)', viaApp.map((r) => `${r.reloads}/${r.appends.length}`).join(' '), '0 / 1', viaApp.every((r) => r.reloads === 0 && r.appends.length === 1));
    line('  Main-thread long tasks > 100 ms during an app import (most)', `${worst((r) => r.longTasks.over100)}`, '0', worst((r) => r.longTasks.over100) === 0);
    console.log(`    per run: ${viaApp.map((r) => `${r.longTasks.over100} (longest ${millis(r.longTasks.longest)}, append ${millis(r.appends[0]?.ms ?? NaN)})`).join('; ')}`);
    const [longestCpu] = traced.tasks;
    line('  Main-thread tasks over 100 ms of CPU, traced app import', `${traced.tasks.filter((t) => t.cpu > 100).length}`, '0', traced.tasks.every((t) => t.cpu <= 100));
    console.log(`    longest by CPU ${millis(longestCpu?.cpu ?? 0)} (wall ${millis(longestCpu?.wall ?? 0)}); tasks over 100 ms of wall time in that run: ${traced.tasks.filter((t) => t.wall > 100).length}; ${loadAverage()}`);
    line('  Longest time the progress line stood still (worst run)', millis(worst((r) => r.maxProgressGap.ms)), '<= 1000 ms', worst((r) => r.maxProgressGap.ms) <= 1000);
    console.log(`    per run: ${viaApp.map((r) => `${millis(r.maxProgressGap.ms)} after "${r.maxProgressGap.after}"`).join('; ')}`);
    line('Last block written -> import finished, 100k (worker-only, worst)', millis(Math.max(...full100k.workerRuns.map((r) => r.lastWriteToDone))), '<= 1000 ms', full100k.workerRuns.every((r) => r.lastWriteToDone <= 1000));
    line('Last block written -> "Import finished" on screen, 100k (app, worst)', millis(worst((r) => r.lastWriteToFinished)), '<= 1000 ms', viaApp.every((r) => r.lastWriteToFinished <= 1000));
    line('Open the 100k incident right after its import: first rows', millis(reopened.firstRows), '< 300 ms', reopened.firstRows < 300);
    line('  fully loaded (every event listed, search index built)', millis(reopened.ready), '< 1000 ms', reopened.ready < 1000);
    line('  events listed after the app import / added by the worker-only import', `${reopened.listed} / ${reopened.expected}`, 'equal', reopened.listed === reopened.expected);
    line(`Conversation list of the 1M export (${listed.conversations} conversations)`, seconds(listed.ms), '< 2 s', listed.ms < 2000);
    line(`Worker-only: 3 conversations x 3 days of the 1M export (${slice.added} events)`, seconds(spread(windowed.workerRuns.map((r) => r.ms)).median), '< 2 s', spread(windowed.workerRuns.map((r) => r.ms)).median < 2000);
    console.log(`    ${spreadText(windowed.workerRuns.map((r) => r.ms))}`);
    line('App path: the same windowed import through the wizard', seconds(spread(windowed.appRuns.map((r) => r.ms)).median));
    console.log(`    ${spreadText(windowed.appRuns.map((r) => r.ms))}`);
    line('App path relative to worker-only, windowed 1M import (medians)', `${sliceRatio.toFixed(2)}x`, '<= 1.10x', sliceRatio <= 1.1);
    console.log(`    each pair (app / worker): ${pairRatios(windowed)}`);
    printCpu('Windowed 1M import', windowed);
    line('Peak JS heap (bench page + workers, sampled every 100 ms)', `${(peak / MB).toFixed(0)} MB`, '< 512 MB', peak < 512 * MB);
    console.log(`    of which the import worker at its peak: ${(peakWorkers / MB).toFixed(0)} MB`);

    if (process.env.BENCH_SKIP_FULL_1M !== '1') {
      // The whole 1M export in one import (issue 19: the commit follows the last write at once).
      const whole = await call('importInput', large, 'bench-1m-full');
      line(`Worker-only: full import of the 1M export (${whole.added} events)`, seconds(whole.ms));
      line('Last block written -> import finished, 1M (worker-only)', millis(whole.lastWriteToDone), '<= 1000 ms', whole.lastWriteToDone <= 1000);
    }
    await benchContext.close();
    return { full, viaApp, raw, listed, slice, windowed, reopened, peak };
  } finally {
    await browser.close();
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runImportBench();
}
