// The window's main-thread tasks by the CPU they used (a trace's thread time), not by wall time:
// on a loaded machine a task of 20 ms of work can take 100 ms of wall time waiting for a core, and
// the Long Tasks API then reports it as long.

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

/**
 * Traces `page` while `work` runs; resolves to `work`'s result and the renderer main thread's tasks
 * that started after the performance mark `fromMark` (all of them when the mark is missing).
 */
export async function withTaskCpu(browser, page, fromMark, work) {
  await browser.startTracing(page, { categories: CATEGORIES });
  const result = await work().catch(async (error) => {
    await browser.stopTracing();
    throw error;
  });
  const trace = JSON.parse((await browser.stopTracing()).toString());
  return { result, tasks: mainThreadTasks(trace, fromMark) };
}

/** `{ cpu, wall }` (ms) of each main-thread task after `fromMark`, most CPU first. */
export function mainThreadTasks(trace, fromMark) {
  const events = trace.traceEvents ?? trace;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const from = events.find((e) => e.name === fromMark)?.ts ?? 0;
  return events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts >= from && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ cpu: (e.tdur ?? 0) / 1000, wall: e.dur / 1000 }))
    .sort((a, b) => b.cpu - a.cpu);
}
