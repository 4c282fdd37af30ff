// Main-thread CPU time per frame, from a Chromium trace. On a loaded machine the wall time between
// frames mostly measures how long the renderer waited for a core; the thread time (`tdur`) of the
// tasks run between two animation frames is what the page itself cost, and stays comparable.

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Runs `work` while tracing `page`'s renderer; resolves to `work`'s result and the per-frame CPU. */
export async function withFrameCpu(browser, page, work) {
  await browser.startTracing(page, { categories: CATEGORIES });
  const result = await work().catch(async (error) => {
    await browser.stopTracing();
    throw error;
  });
  const buffer = await browser.stopTracing();
  return { result, frameCpu: frameCpuFromTrace(JSON.parse(buffer.toString())) };
}

/** p50/p95/max of the renderer main thread's CPU (ms) spent between consecutive animation frames. */
export function frameCpuFromTrace(trace) {
  const events = trace.traceEvents ?? trace;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const frames = onMain.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts).sort((a, b) => a - b);
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  // Each interval holds one frame's task (scroll events, React, style, layout, paint) plus whatever
  // else ran before the next frame.
  const perFrame = [];
  let t = 0;
  for (let i = 0; i + 1 < frames.length; i++) {
    let cpu = 0;
    while (t < tasks.length && tasks[t].ts < frames[i]) t++;
    for (let j = t; j < tasks.length && tasks[j].ts < frames[i + 1]; j++) cpu += (tasks[j].tdur ?? 0) / 1000;
    perFrame.push(cpu);
  }
  perFrame.sort((a, b) => a - b);
  const at = (q) => perFrame[Math.min(perFrame.length - 1, Math.floor(perFrame.length * q))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: perFrame.at(-1) ?? NaN, frames: perFrame.length };
}
