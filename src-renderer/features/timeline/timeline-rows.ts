import type { TimelineEvent } from '@core/model/event';
import { groupByDay } from '@core/timeline/day-groups';
import { parentShown, threadParentsSteps, type ThreadParents } from '@core/timeline/thread-parents';
import { runStaged } from './stage-cache';

const NO_REPLIES: readonly TimelineEvent[] = [];

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
  /** Replies by parent event (the object in the list), in time order. */
  replies: Map<TimelineEvent, TimelineEvent[]>;
  /** Parent event of each folded reply. */
  parentOf: Map<TimelineEvent, TimelineEvent>;
}

/** Folds every event of `events` (a list in time order). */
export function foldThreads(events: readonly TimelineEvent[]): ThreadFold {
  return runStaged(function* () {
    const parents = yield* threadParentsSteps(events);
    return yield* foldThreadsSteps(events, parents, everyPosition(events.length));
  });
}

/** 0, 1, … count - 1. */
export function everyPosition(count: number): Int32Array {
  const positions = new Int32Array(count);
  for (let i = 0; i < count; i++) positions[i] = i;
  return positions;
}

/** Events between two points where a background fold may pause. */
const FOLD_STEP = 4096;

/**
 * The threads among the events shown (`shown`: ascending positions in `events`), pausable every
 * few thousand events (see useStaged). Parents come from `parents`, worked out once per list,
 * so a filter change costs integer look-ups, not a hash of every event's key.
 */
export function* foldThreadsSteps(events: readonly TimelineEvent[], parents: ThreadParents, shown: Int32Array): Generator<void, ThreadFold, void> {
  const isShown = new Uint8Array(events.length);
  for (let i = 0; i < shown.length; i++) isShown[shown[i]] = 1;
  const top: TimelineEvent[] = [];
  const replies = new Map<TimelineEvent, TimelineEvent[]>();
  const parentOf = new Map<TimelineEvent, TimelineEvent>();
  for (let i = 0; i < shown.length; i++) {
    if (i % FOLD_STEP === FOLD_STEP - 1) yield;
    const position = shown[i];
    const event = events[position];
    const at = parentShown(parents, position, isShown);
    if (at === -1 || at === position) {
      top.push(event);
      continue;
    }
    const parent = events[at];
    let list = replies.get(parent);
    if (!list) replies.set(parent, (list = []));
    list.push(event);
    // A reply also sent to the channel stands in the channel flow too; jumps go to that copy.
    if (event.alsoInChannel) top.push(event);
    else parentOf.set(event, parent);
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
      const replies = fold.replies.get(event) ?? NO_REPLIES;
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

/**
 * Where the event `id` stands in a fold: under which parent (its id), or in the channel flow.
 * Found by id, not by object: a fold still on screen may be of the list before the last change.
 * A scan, for one user action at a time.
 */
export function placeInFold(fold: ThreadFold, id: string): { parentId?: string; top: boolean } {
  for (const [reply, parent] of fold.parentOf) if (reply.id === id) return { parentId: parent.id, top: false };
  return { top: fold.top.some((event) => event.id === id) };
}

/** Whether the event `id` has folded replies (by id, as placeInFold). */
export function hasReplies(fold: ThreadFold, id: string): boolean {
  for (const parent of fold.replies.keys()) if (parent.id === id) return true;
  return false;
}
