import { liveQuery } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';

/**
 * Annotations per event of one incident, from one live query shared by every row that shows a
 * badge: a scrolling timeline mounts and drops dozens of rows per frame, and a query (an
 * IndexedDB transaction and a subscription) per row made each frame several times too long.
 */
class IncidentAnnotationCounts {
  counts: ReadonlyMap<string, number> = new Map();
  loaded = false;
  private readonly listeners = new Set<() => void>();
  private stop: (() => void) | null = null;

  constructor(
    readonly database: DebriefDatabase,
    readonly incidentId: string,
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.stop) {
      const subscription = liveQuery(() => this.database.annotations.where('incidentId').equals(this.incidentId).toArray()).subscribe({
        next: (annotations) => {
          const counts = new Map<string, number>();
          for (const a of annotations) if (a.eventId) counts.set(a.eventId, (counts.get(a.eventId) ?? 0) + 1);
          this.counts = counts;
          this.loaded = true;
          for (const notify of [...this.listeners]) notify();
        },
        error: (error: unknown) => console.error('Counting annotations failed', error),
      });
      this.stop = () => subscription.unsubscribe();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) release(this);
    };
  }

  dispose(): void {
    this.stop?.();
    this.stop = null;
  }

  get subscribers(): number {
    return this.listeners.size;
  }
}

const shared = new Map<string, IncidentAnnotationCounts>();
/** Kept a moment after the last badge goes, so switching tabs does not query again. */
const KEEP_MS = 5_000;

function countsOf(database: DebriefDatabase, incidentId: string): IncidentAnnotationCounts {
  const key = `${database.name}\u0000${incidentId}`;
  let counts = shared.get(key);
  if (!counts) {
    counts = new IncidentAnnotationCounts(database, incidentId);
    shared.set(key, counts);
  }
  return counts;
}

function release(counts: IncidentAnnotationCounts): void {
  setTimeout(() => {
    if (counts.subscribers > 0) return;
    for (const [key, value] of shared) {
      if (value !== counts) continue;
      shared.delete(key);
      counts.dispose();
    }
  }, KEEP_MS);
}

/** How many annotations are on one event (0 while loading), kept current. */
export function useEventAnnotationCount(incidentId: string, eventId: string, database: DebriefDatabase = db): number {
  const counts = countsOf(database, incidentId);
  const subscribe = useCallback((notify: () => void) => counts.subscribe(notify), [counts]);
  return useSyncExternalStore(subscribe, () => counts.counts.get(eventId) ?? 0);
}
