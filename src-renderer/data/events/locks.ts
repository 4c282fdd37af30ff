/**
 * Web Locks coordinate the app's windows and workers on one origin (several tabs of the browser
 * build): a lock is held for as long as the work it names runs, and the browser releases it when
 * that window or worker dies. Where the API is missing (unit tests in Node) there is only one
 * process, so the work simply runs.
 */

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable?: boolean; mode?: 'exclusive' | 'shared' }, callback: (lock: unknown) => Promise<T> | T): Promise<T>;
}

function lockManager(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/** Held by an import from before its staging row exists until it is committed or discarded. */
export const importLockName = (sourceId: string) => `debrief:import:${sourceId}`;
/** One import at a time per incident (they de-duplicate against each other), across windows. */
export const incidentImportLockName = (incidentId: string) => `debrief:incident-import:${incidentId}`;
/** Held while an incident's deletion can still be undone in some window. */
export const undoDeleteLockName = (incidentId: string) => `debrief:undo-delete:${incidentId}`;

/** Runs `work` holding the lock, waiting for it if another holds it. */
export async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  if (!locks) return work();
  return locks.request(name, {}, () => work());
}

/** Runs `work` holding the lock only if nobody holds it; returns `skipped` otherwise. */
export async function ifUnlocked<T, S>(name: string, work: () => Promise<T>, skipped: S): Promise<T | S> {
  const locks = lockManager();
  if (!locks) return work();
  return locks.request<T | S>(name, { ifAvailable: true }, (lock) => (lock ? work() : skipped));
}

/** True when some window or worker holds the lock now. */
export async function isLocked(name: string): Promise<boolean> {
  return (await ifUnlocked(name, async () => false, true)) === true;
}

/**
 * Takes the lock and keeps it until the returned release is called. Resolves once the lock is
 * held (at once when the API is missing).
 */
export function holdLock(name: string): Promise<() => void> {
  const locks = lockManager();
  if (!locks) return Promise.resolve(() => undefined);
  return new Promise((held) => {
    void locks.request(name, {}, () => new Promise<void>((release) => held(release)));
  });
}

/**
 * Takes the lock only if nobody holds it now: resolves to its release, or to null when another
 * window or worker holds it (at once either way; a release at once when the API is missing).
 */
export function tryHoldLock(name: string): Promise<(() => void) | null> {
  const locks = lockManager();
  if (!locks) return Promise.resolve(() => undefined);
  return new Promise((answer) => {
    void locks.request(name, { ifAvailable: true }, (lock) => {
      if (!lock) {
        answer(null);
        return undefined;
      }
      return new Promise<void>((release) => answer(release));
    });
  });
}
