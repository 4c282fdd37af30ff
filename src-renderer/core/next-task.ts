interface TaskPort {
  onmessage: (() => void) | null;
  postMessage(message: null): void;
  close(): void;
}

/**
 * Resolves in a new task (a macrotask through a MessageChannel), so the page or worker gets a
 * turn between two stretches of work: unlike setTimeout it is not clamped to 4 ms when repeated.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    // Both the browser's and Node's ports have onmessage; core's type library only knows Node's.
    const { port1, port2 } = new MessageChannel() as unknown as { port1: TaskPort; port2: TaskPort };
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

interface BackgroundScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<unknown>;
}

/**
 * Resolves in a new task that runs only once nothing more urgent waits (the browser's
 * `scheduler.postTask` at background priority): for derivations the reader can wait for (milestone
 * suggestions), so that a filter, a search or a scroll goes first. Where that scheduler is missing
 * (Node), the same as nextTask.
 */
export function backgroundTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<BackgroundScheduler> }).scheduler;
  if (typeof scheduler?.postTask !== 'function') return nextTask();
  return scheduler.postTask(() => undefined, { priority: 'background' }).then(() => undefined);
}

interface IdleDeadline {
  timeRemaining(): number;
}
type IdleCallback = (callback: (deadline: IdleDeadline) => void, options: { timeout: number }) => number;

/** Longest stretch given to background work when the page is idle (the browser offers up to 50 ms). */
const IDLE_SLICE_MAX_MS = 12;
/** What a background stretch gets when the page never goes idle (it still has to finish). */
const IDLE_SLICE_MIN_MS = 2;

/**
 * Resolves when the page has time to spare before its next frame (`requestIdleCallback`), with
 * how many milliseconds background work may take: while the reader scrolls that is what is left
 * of the frame, so a background derivation (milestone suggestions over a million events) no
 * longer lands an 8 ms slice in every scrolled frame. After `waitMs` without an idle moment, or
 * where there is no such callback (Node, workers), it resolves like backgroundTask with `fallbackMs`.
 */
export function idleTime(fallbackMs: number, waitMs = 500): Promise<number> {
  const requestIdle = (globalThis as { requestIdleCallback?: IdleCallback }).requestIdleCallback;
  if (typeof requestIdle !== 'function') return backgroundTask().then(() => fallbackMs);
  return new Promise((resolve) => {
    requestIdle((deadline) => resolve(Math.min(IDLE_SLICE_MAX_MS, Math.max(IDLE_SLICE_MIN_MS, deadline.timeRemaining()))), { timeout: waitMs });
  });
}
