import { useEffect, useState } from 'react';
import Dexie, { type ObservabilitySet } from 'dexie';
import { db } from '@db/database';
import { committedSourceIds, loadVisibleEvents } from '@db/visible-events';
import type { TimelineEvent } from '@core/model/event';
import { mergeChangedEvents } from './merge-events';
import { measureSince, nowMs } from './perf';

/** Changes to at most this many events are patched in; bigger ones (imports) reload. */
const PATCH_LIMIT = 500;
/** What the first paint shows while the whole incident loads. */
const FIRST_PAGE = 200;

export interface VisibleEvents {
  events: TimelineEvent[] | undefined;
  /** False while only the first page is loaded. */
  complete: boolean;
}

/**
 * Visible events of an incident, kept current. A liveQuery over 100k rows would track every
 * key it read and re-read them all on each pin, so instead: the first page paints at once,
 * the full list (loadVisibleEvents) follows, and Dexie's storage-mutation signal patches in
 * the few events a pin or a redaction changed, reloading only after bulk changes.
 */
export function useVisibleEvents(incidentId: string): VisibleEvents {
  const [state, setState] = useState<{ incidentId: string; events: TimelineEvent[]; complete: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const started = nowMs();
    const reload = () =>
      loadVisibleEvents(db, incidentId).then((events) => {
        if (!live) return;
        setState({ incidentId, events, complete: true });
        if (first) measureSince('timeline:all-events', started, { events: events.length });
        first = false;
      });
    // The full read starts once the first page is on screen: its 100k-row result is
    // deserialised on this thread and would otherwise hold up the first paint.
    void firstPage(incidentId)
      .then((events) => {
        if (live) setState((s) => (s?.incidentId === incidentId && s.complete ? s : { incidentId, events, complete: false }));
      })
      .finally(() => {
        if (live) requestAnimationFrame(() => setTimeout(() => void reload(), 0));
      });

    const prefix = `idb://${db.name}/`;
    const onMutated = (parts: ObservabilitySet) => {
      const keys = Object.keys(parts);
      const sources = keys.some((k) => k.startsWith(`${prefix}sources/`));
      if (!sources && !keys.some((k) => k.startsWith(`${prefix}events/`))) return;
      const ids = sources ? null : singleKeys(parts[`${prefix}events/`]);
      if (ids === null) {
        clearTimeout(reloadTimer);
        reloadTimer = setTimeout(() => void reload(), 300);
        return;
      }
      void patch(incidentId, ids).then((changed) => {
        if (!live) return;
        setState((s) => (s?.incidentId === incidentId ? { ...s, events: mergeChangedEvents(s.events, ids, changed) } : s));
      });
    };
    Dexie.on('storagemutated', onMutated);
    return () => {
      live = false;
      clearTimeout(reloadTimer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [incidentId]);

  const current = state?.incidentId === incidentId ? state : null;
  return { events: current?.events, complete: current?.complete ?? false };
}

async function firstPage(incidentId: string): Promise<TimelineEvent[]> {
  // The same visibility rule as loadVisibleEvents, on the first rows only.
  return db.transaction('r', db.sources, db.events, async () => {
    const visible = await committedSourceIds(db, incidentId);
    // No filter in the query so IndexedDB answers with one getAll; staging rows are dropped here.
    const first = await db.events.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).limit(FIRST_PAGE).toArray();
    return first.filter((e) => visible.has(e.sourceId));
  });
}

/** The changed events that are (still) visible in this incident. */
async function patch(incidentId: string, ids: string[]): Promise<TimelineEvent[]> {
  return db.transaction('r', db.sources, db.events, async () => {
    const visible = await committedSourceIds(db, incidentId);
    const found = await db.events.bulkGet(ids);
    return found.filter((e): e is TimelineEvent => e !== undefined && e.incidentId === incidentId && visible.has(e.sourceId));
  });
}

/** The primary keys of a mutation when it names a few single keys; null for ranges or many keys. */
function singleKeys(part: unknown): string[] | null {
  if (part === undefined || part === null || typeof (part as Iterable<unknown>)[Symbol.iterator] !== 'function') return null;
  const ids: string[] = [];
  for (const node of part as Iterable<{ from: unknown; to: unknown }>) {
    if (typeof node.from !== 'string' || node.from !== node.to || ids.length >= PATCH_LIMIT) return null;
    ids.push(node.from);
  }
  return ids;
}
