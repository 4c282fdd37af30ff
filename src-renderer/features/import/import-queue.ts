const tails = new Map<string, Promise<unknown>>();

/**
 * Imports into one incident run one at a time: each one reads the incident's existing dedupe
 * keys once up front, which is only correct if no other import is writing meanwhile.
 */
export function enqueueImport<T>(incidentId: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(incidentId) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(task);
  const tail = run.catch(() => undefined);
  tails.set(incidentId, tail);
  void tail.then(() => {
    if (tails.get(incidentId) === tail) tails.delete(incidentId);
  });
  return run;
}
