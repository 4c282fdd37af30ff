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

/** A day header of the list. */
interface DayRow {
  key: string;
  label: string;
  dayStart: number;
}

const REPLY = 1;
const EXPANDED = 2;
/** The thread copy of a reply also sent to the channel (its channel copy has the plain key). */
const THREAD_COPY = 4;

/**
 * The flat list the virtualised timeline renders (see TimelineRow), kept as columns: a TimelineRow
 * object is made only for a row asked for (the rows drawn, a few dozen). A filter at a million
 * events shows hundreds of thousands of rows; an object per row was most of what a filter cost
 * after the filtering itself, and a heap full of them.
 */
export class TimelineRows {
  /** Made by buildTimelineRowsSteps (or `of`); the columns are its own. */
  constructor(
    /** The event of each row; null for a day header. */
    private readonly events: readonly (TimelineEvent | null)[],
    /** Per event row, its folded replies; per day header, the day's number in `days`. */
    private readonly counts: Int32Array,
    private readonly flags: Uint8Array,
    private readonly days: readonly DayRow[],
    /** The rows that are day headers, ascending. */
    readonly dayIndexes: Int32Array,
  ) {}

  static readonly EMPTY = new TimelineRows([], new Int32Array(0), new Uint8Array(0), [], new Int32Array(0));

  /** The rows of a list of row objects (tests, small fixed lists). */
  static of(rows: readonly TimelineRow[]): TimelineRows {
    const builder = new RowsBuilder();
    for (const row of rows) {
      if (row.type === 'day') builder.day({ key: row.key, label: row.label, dayStart: row.dayStart });
      else builder.event(row.event, row.replies, (row.reply ? REPLY : 0) | (row.expanded ? EXPANDED : 0) | (row.key !== row.event.id ? THREAD_COPY : 0));
    }
    return builder.done();
  }

  get length(): number {
    return this.events.length;
  }

  isDay(index: number): boolean {
    return this.events[index] === null;
  }

  /** The event shown by row `index` (undefined for a day header or past the end). */
  eventAt(index: number): TimelineEvent | undefined {
    return this.events[index] ?? undefined;
  }

  /** The row's stable key: measured heights and React elements follow it when the list changes. */
  keyAt(index: number): string {
    const event = this.events[index];
    if (event === undefined) return String(index);
    if (event === null) return this.days[this.counts[index]].key;
    return (this.flags[index] & THREAD_COPY) !== 0 ? `thread:${event.id}` : event.id;
  }

  at(index: number): TimelineRow | undefined {
    const event = this.events[index];
    if (event === undefined) return undefined;
    if (event === null) {
      const day = this.days[this.counts[index]];
      return { type: 'day', key: day.key, label: day.label, dayStart: day.dayStart };
    }
    const flags = this.flags[index];
    return { type: 'event', key: this.keyAt(index), event, replies: this.counts[index], reply: (flags & REPLY) !== 0, expanded: (flags & EXPANDED) !== 0 };
  }

  /** Every row as an object (tests). */
  toArray(): TimelineRow[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i) as TimelineRow);
  }

  /** Index of the first row showing `eventId`, or -1 (e.g. a reply in a closed thread). */
  indexOfEvent(eventId: string): number {
    for (let i = 0; i < this.events.length; i++) if (this.events[i]?.id === eventId) return i;
    return -1;
  }

  /**
   * The event row `delta` event rows after (before, when negative) row `from`, day headers
   * skipped, stopping at the first or last event row; the first event row when `from` is -1.
   */
  stepEvent(from: number, delta: number): number {
    const first = this.nextEventRow(0, 1);
    if (from < 0 || from >= this.length) return first;
    const direction = delta < 0 ? -1 : 1;
    let at = from;
    for (let left = Math.abs(delta); left > 0; left--) {
      const next = this.nextEventRow(at + direction, direction);
      if (next === -1) break;
      at = next;
    }
    return at;
  }

  private nextEventRow(from: number, direction: 1 | -1): number {
    for (let i = from; i >= 0 && i < this.length; i += direction) if (this.events[i] !== null) return i;
    return -1;
  }
}

/** Collects the columns of a TimelineRows. */
class RowsBuilder {
  private readonly events: (TimelineEvent | null)[] = [];
  private readonly counts: number[] = [];
  private readonly flags: number[] = [];
  private readonly days: DayRow[] = [];
  private readonly dayIndexes: number[] = [];

  day(day: DayRow): void {
    this.dayIndexes.push(this.events.length);
    this.events.push(null);
    this.counts.push(this.days.length);
    this.flags.push(0);
    this.days.push(day);
  }

  event(event: TimelineEvent, replies: number, flags: number): void {
    this.events.push(event);
    this.counts.push(replies);
    this.flags.push(flags);
  }

  done(): TimelineRows {
    return new TimelineRows(this.events, Int32Array.from(this.counts), Uint8Array.from(this.flags), this.days, Int32Array.from(this.dayIndexes));
  }
}

export function buildTimelineRows(fold: ThreadFold, zone: string, expanded: ReadonlySet<string>): TimelineRows {
  return runStaged(() => buildTimelineRowsSteps(fold, zone, expanded));
}

/** buildTimelineRows, pausing (yield) every few thousand events, for the background derivation. */
export function* buildTimelineRowsSteps(fold: ThreadFold, zone: string, expanded: ReadonlySet<string>): Generator<void, TimelineRows, void> {
  const rows = new RowsBuilder();
  const days = groupByDay(fold.top, zone);
  yield;
  let read = 0;
  for (const day of days) {
    rows.day({ key: `day:${day.dayKey}`, label: day.label, dayStart: day.dayStart });
    for (const event of day.events) {
      if (++read % FOLD_STEP === 0) yield;
      const replies = fold.replies.get(event) ?? NO_REPLIES;
      const open = replies.length > 0 && expanded.has(event.id);
      rows.event(event, replies.length, open ? EXPANDED : 0);
      if (!open) continue;
      // The channel copy of a broadcast reply has the plain key; its copy in the thread another.
      for (const reply of replies) rows.event(reply, 0, REPLY | (reply.alsoInChannel ? THREAD_COPY : 0));
    }
  }
  return rows.done();
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
