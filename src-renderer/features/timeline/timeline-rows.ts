import type { TimelineEvent } from '@core/model/event';
import { groupByDay } from '@core/timeline/day-groups';
import { runStaged } from './stage-cache';

/**
 * The flat list the virtualised timeline renders: a header row per local day, then the events
 * of that day, with thread replies folded under their parent. A reply folds only when its
 * parent is among the rows shown; when a filter hides the parent the reply stands on its own
 * so matching messages are never lost.
 */
export type TimelineRow =
  | { type: 'day'; key: string; label: string; dayStart: number }
  | { type: 'event'; key: string; event: TimelineEvent; replies: number; reply: boolean; expanded: boolean };

export interface ThreadFold {
  /** Events that start a line of their own, in time order. */
  top: TimelineEvent[];
  /** Replies by parent event id, in time order. */
  replies: Map<string, TimelineEvent[]>;
  /** Parent event id of each folded reply. */
  parentOf: Map<string, string>;
}

export function foldThreads(events: readonly TimelineEvent[]): ThreadFold {
  return runStaged(() => foldThreadsSteps(events));
}

/** Events between two points where a background fold may pause. */
const FOLD_STEP = 4096;

/** foldThreads, pausable every few thousand events (see useStaged). */
export function* foldThreadsSteps(events: readonly TimelineEvent[]): Generator<void, ThreadFold, void> {
  // Only events some reply names can be parents: keying those alone (not every event) keeps
  // this a few set lookups per event instead of a map of a million keys.
  const parentKeys = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const key = events[i].threadParentKey;
    if (key !== null) parentKeys.add(key);
  }
  const byKey = new Map<string, TimelineEvent>();
  if (parentKeys.size > 0) {
    for (let i = 0; i < events.length; i++) {
      if (parentKeys.has(events[i].dedupeKey)) byKey.set(events[i].dedupeKey, events[i]);
      if (i % FOLD_STEP === FOLD_STEP - 1) yield;
    }
  }
  const top: TimelineEvent[] = [];
  const replies = new Map<string, TimelineEvent[]>();
  const parentOf = new Map<string, string>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (i % FOLD_STEP === FOLD_STEP - 1) yield;
    const parent = event.threadParentKey === null ? undefined : byKey.get(event.threadParentKey);
    if (parent === undefined || parent.id === event.id) {
      top.push(event);
      continue;
    }
    let list = replies.get(parent.id);
    if (!list) replies.set(parent.id, (list = []));
    list.push(event);
    // A reply also sent to the channel stands in the channel flow too; jumps go to that copy.
    if (event.alsoInChannel) top.push(event);
    else parentOf.set(event.id, parent.id);
  }
  return { top, replies, parentOf };
}

export function buildTimelineRows(fold: ThreadFold, zone: string, expanded: ReadonlySet<string>): TimelineRow[] {
  return runStaged(() => buildTimelineRowsSteps(fold, zone, expanded));
}

/** buildTimelineRows, pausing (yield) every few thousand events, for the background derivation. */
export function* buildTimelineRowsSteps(fold: ThreadFold, zone: string, expanded: ReadonlySet<string>): Generator<void, TimelineRow[], void> {
  const rows: TimelineRow[] = [];
  const days = groupByDay(fold.top, zone);
  yield;
  let read = 0;
  for (const day of days) {
    rows.push({ type: 'day', key: `day:${day.dayKey}`, label: day.label, dayStart: day.dayStart });
    for (const event of day.events) {
      if (++read % FOLD_STEP === 0) yield;
      const replies = fold.replies.get(event.id) ?? [];
      const open = replies.length > 0 && expanded.has(event.id);
      rows.push({ type: 'event', key: event.id, event, replies: replies.length, reply: false, expanded: open });
      if (!open) continue;
      for (const reply of replies) {
        // The channel copy of a broadcast reply has the plain key; its copy in the thread another.
        const key = reply.alsoInChannel ? `thread:${reply.id}` : reply.id;
        rows.push({ type: 'event', key, event: reply, replies: 0, reply: true, expanded: false });
      }
    }
  }
  return rows;
}

/** Index of the row showing `eventId`, or -1 (e.g. a reply in a closed thread). */
export function rowIndexOf(rows: readonly TimelineRow[], eventId: string): number {
  return rows.findIndex((row) => row.type === 'event' && row.event.id === eventId);
}
