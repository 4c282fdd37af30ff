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
