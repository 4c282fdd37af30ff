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
