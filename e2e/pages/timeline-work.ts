import type { Page } from '@playwright/test';

/** A performance measure the app wrote (events:load, events:append, timeline:filter…), ended at `at`. */
export interface WorkMeasure {
  name: string;
  at: number;
  events: number | undefined;
}

/** What the import wizard's progress line said, and when (performance.now()). */
export interface ProgressLine {
  text: string;
  at: number;
  /** The progress bar's `position` then: its fraction done, or -1 while it is indeterminate. */
  bar: number;
}

interface Recorded {
  measures: WorkMeasure[];
  progress: ProgressLine[];
}

/**
 * Records, from the first script of every page, each measure the app writes and each text the
 * import wizard's progress line shows. The Timeline writes `events:load` when it (re)loads an
 * incident, `events:append` when a commit adds events, `timeline:filter` when it recomputes its list.
 */
export async function recordTimelineWork(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const recorded: Recorded = { measures: [], progress: [] };
    (window as unknown as { timelineWork: Recorded }).timelineWork = recorded;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const detail = (entry as PerformanceMeasure).detail as { events?: number } | null;
        recorded.measures.push({ name: entry.name, at: entry.startTime + entry.duration, events: detail?.events });
      }
    }).observe({ type: 'measure' });
    let last = '';
    const watch = () => {
      const text = document.querySelector('.import-running p.muted')?.textContent ?? '';
      const bar = document.querySelector<HTMLProgressElement>('.import-running progress')?.position ?? -1;
      if (text && text !== last) recorded.progress.push({ text, at: performance.now(), bar });
      last = text;
    };
    document.addEventListener('DOMContentLoaded', () => new MutationObserver(watch).observe(document.body, { subtree: true, childList: true, characterData: true }));
  });
}

/** What was recorded since `since` (a performance.now() of the page). */
export async function timelineWork(page: Page, since: number): Promise<Recorded> {
  return page.evaluate((from) => {
    const { measures, progress } = (window as unknown as { timelineWork: Recorded }).timelineWork;
    return { measures: measures.filter((m) => m.at >= from), progress: progress.filter((p) => p.at >= from) };
  }, since);
}
