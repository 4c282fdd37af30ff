/* global window -- the functions passed to page.evaluate run in the browser */
// `node bench/import-profile.mjs [100k|1m]`: where the time goes during an import through the
// app (an incident open on its Timeline, the wizard). Samples the window's main thread and the
// import worker with the V8 profiler and prints, for each, how busy it was during the import and
// the functions with the most self time. Build unminified for readable names: BENCH_PROFILE=1.
import { join } from 'node:path';
import { openApp, createIncident, importThroughWizard } from './app-driver.mjs';
import { launchChromium, loadAverage, serveAll } from './bench-server.mjs';
import { DATA_DIR, EXPORTS } from './generate-slack-export.mjs';

/** Self time per function (name + script + line) from a V8 CPU profile, largest first. */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    all += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + ms);
  }
  const idle = totals.get('(idle) :0') ?? 0;
  return { all, idle, top: [...totals.entries()].sort((a, b) => b[1] - a[1]) };
}

/** Functions most often on the stack in the profile's samples between `fromUs` and `toUs` (profile clock). */
export function onStack(profile, fromUs, toUs) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (node) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
  const inclusive = new Map();
  let samples = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromUs || at > toUs) continue;
    samples++;
    const seen = new Set();
    for (let n = profile.samples[i]; n !== undefined; n = parent.get(n)) {
      const name = label(byId.get(n));
      if (seen.has(name) || name.startsWith('(root)')) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
    }
  }
  return { samples, top: [...inclusive.entries()].sort((a, b) => b[1] - a[1]) };
}

/** The profile clock (µs) at the start of the page's `benchCalibrationMark` busy loop. */
function calibrationUs(profile) {
  const marked = new Set(profile.nodes.filter((n) => n.callFrame.functionName === 'benchCalibrationMark').map((n) => n.id));
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (marked.has(profile.samples[i])) return at;
  }
  return null;
}

function print(title, profile, rows = 25) {
  const { all, idle, top } = selfTimes(profile);
  console.log(`\n${title}: sampled ${(all / 1000).toFixed(2)} s, busy ${((all - idle) / 1000).toFixed(2)} s (${(((all - idle) / all) * 100).toFixed(0)} %)`);
  for (const [name, ms] of top.slice(0, rows)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

/** A CDP session to the first dedicated worker of the browser that shows up (the import worker). */
async function workerProfiler(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.filter((t) => t.type === 'worker').pop();
  if (!worker) return null;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const parsed = JSON.parse(message);
    waiting.get(parsed.id)?.(parsed.result);
    waiting.delete(parsed.id);
  });
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return { send };
}

const which = process.argv[2] ?? '100k';
const { origin, close } = await serveAll();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const app = await openApp(context, origin);
  await createIncident(app, { title: `Profile: ${which} Slack export`, started: '2024-06-12T02:00', resolved: '2024-06-21T22:00' });
  const cdp = await context.newCDPSession(app);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  // The wizard's worker exists once a file is chosen: start the window's profile now and the
  // worker's as soon as it appears.
  await cdp.send('Profiler.start');
  // A 30 ms busy loop at a known performance.now(): lines the page's long-task entries up with the profile.
  const calibratedAt = await app.evaluate(() => {
    const mark = function benchCalibrationMark() {
      const t0 = performance.now();
      while (performance.now() - t0 < 30);
      return t0;
    };
    return mark();
  });
  let workerSession = null;
  const watcher = (async () => {
    for (let i = 0; i < 600 && !workerSession; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      workerSession = await workerProfiler(browser);
    }
    if (workerSession) {
      await workerSession.send('Profiler.enable');
      await workerSession.send('Profiler.setSamplingInterval', { interval: 1000 });
      await workerSession.send('Profiler.start');
    }
  })();
  // The wizard ends its worker on Close: take the worker's profile as soon as the import finished.
  const workerDone = (async () => {
    await app.getByRole('dialog').getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 30 * 60_000 });
    await watcher;
    const [window, worker] = await Promise.all([cdp.send('Profiler.stop'), workerSession?.send('Profiler.stop')]);
    // PROFILE_APPEND=1: the window again from "Import finished" until the Timeline's append.
    if (process.env.PROFILE_APPEND === '1') await cdp.send('Profiler.start');
    return { profile: window.profile, workerProfile: worker?.profile ?? null };
  })();
  const loadBefore = loadAverage();
  const result = await importThroughWizard(app, join(DATA_DIR, EXPORTS[which].file));
  const { profile, workerProfile } = await workerDone;
  const appendProfile = process.env.PROFILE_APPEND === '1' ? (await cdp.send('Profiler.stop')).profile : null;
  console.log(`App-path import of the ${which} export: ${(result.ms / 1000).toFixed(2)} s; ${loadBefore} before, ${loadAverage()} after`);
  console.log(`  phases start at: ${Object.entries(result.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}`);
  console.log(`  long tasks > 50 ms: ${result.longTasks.count} (> 100 ms: ${result.longTasks.over100}), longest ${Math.round(result.longTasks.longest)} ms`);
  print('Window main thread (file chosen -> "Import finished")', profile);
  const calibration = calibrationUs(profile);
  const longTasks = (await app.evaluate(() => window.benchRecord.longTasks)).filter((t) => t.ms > 50 && t.at >= calibratedAt);
  const printLongTasks = (title, sampled) => {
    if (calibration === null) return;
    console.log(`\n${title}: long tasks > 50 ms, with what was on the stack`);
    for (const task of longTasks) {
      const from = calibration + (task.at - calibratedAt) * 1000;
      const { samples, top } = onStack(sampled, from, from + task.ms * 1000);
      if (samples === 0) continue;
      console.log(`  at ${((task.at - calibratedAt) / 1000).toFixed(2)} s: ${Math.round(task.ms)} ms (${samples} samples)`);
      for (const [name, count] of top.slice(0, Number(process.env.PROFILE_STACK_LINES ?? 14))) console.log(`    ${String(Math.round((count / samples) * 100)).padStart(3)} %  ${name}`);
    }
  };
  printLongTasks('Window main thread (file chosen -> "Import finished")', profile);
  if (process.env.PROFILE_APPEND === '1') {
    printLongTasks('Window main thread (after "Import finished" -> the append measured)', appendProfile);
    print('Window main thread (after "Import finished" -> the append measured)', appendProfile, 30);
  }
  if (workerProfile) print('Import worker (from its start)', workerProfile);
} finally {
  await browser.close();
  await close();
}
