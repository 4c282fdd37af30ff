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
    return { profile: window.profile, workerProfile: worker?.profile ?? null };
  })();
  const loadBefore = loadAverage();
  const result = await importThroughWizard(app, join(DATA_DIR, EXPORTS[which].file));
  const { profile, workerProfile } = await workerDone;
  console.log(`App-path import of the ${which} export: ${(result.ms / 1000).toFixed(2)} s; ${loadBefore} before, ${loadAverage()} after`);
  console.log(`  phases start at: ${Object.entries(result.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}`);
  console.log(`  long tasks > 50 ms: ${result.longTasks.count} (> 100 ms: ${result.longTasks.over100}), longest ${Math.round(result.longTasks.longest)} ms`);
  print('Window main thread (file chosen -> "Import finished")', profile);
  if (workerProfile) print('Import worker (from its start)', workerProfile);
} finally {
  await browser.close();
  await close();
}
