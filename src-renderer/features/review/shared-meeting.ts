import type * as Y from 'yjs';
import { z } from 'zod';
import { IDLE_TIMER, type TimerState } from './meeting-timer';

/**
 * The shared review meeting, in the incident's `meeting` document: who facilitates, which agenda
 * item the room is on, the item timers, the raise-hand queue and who joined. Notes, questions and
 * action items are not kept here: they are annotations and action items, which team sync
 * already carries to everyone. Annotations carry their author; an action item does not, so the
 * attendance log says who added each one during the meeting.
 */

export interface MeetingHand {
  id: string;
  name: string;
  at: number;
}

export interface MeetingAttendance {
  name: string;
  at: number;
  kind: 'joined' | 'left' | 'raised-hand' | 'action-item';
  /** With 'action-item': the action item this person added. */
  itemId?: string;
}

export interface MeetingSnapshot {
  active: boolean;
  facilitator: string;
  /** The facilitator's session: only that window drives the agenda. */
  facilitatorSession: string;
  startedAt: number;
  endedAt: number | null;
  itemKey: string;
  itemIndex: number;
  timers: Record<string, TimerState>;
  hands: MeetingHand[];
  log: MeetingAttendance[];
}

const timerSchema = z.union([
  z.object({ status: z.literal('idle'), bankedMs: z.literal(0) }),
  z.object({ status: z.literal('running'), bankedMs: z.number(), since: z.number() }),
  z.object({ status: z.literal('paused'), bankedMs: z.number() }),
]);
// A teammate's app could send anything: what does not parse is left out, never shown half-read.
const timersSchema = z.record(z.string(), timerSchema).catch({});
const handSchema = z.object({ id: z.string(), name: z.string(), at: z.number() });
const logSchema = z.object({ name: z.string(), at: z.number(), kind: z.enum(['joined', 'left', 'raised-hand', 'action-item']), itemId: z.string().optional() });

const str = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);
const num = (value: unknown, fallback = 0) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

export class SharedMeeting {
  private readonly state: Y.Map<unknown>;
  private readonly hands: Y.Array<unknown>;
  private readonly log: Y.Array<unknown>;

  constructor(readonly doc: Y.Doc) {
    this.state = doc.getMap('state');
    this.hands = doc.getArray('hands');
    this.log = doc.getArray('log');
  }

  snapshot(): MeetingSnapshot {
    const endedAt = this.state.get('endedAt');
    return {
      active: this.state.get('active') === true,
      facilitator: str(this.state.get('facilitator')),
      facilitatorSession: str(this.state.get('facilitatorSession')),
      startedAt: num(this.state.get('startedAt')),
      endedAt: typeof endedAt === 'number' ? endedAt : null,
      itemKey: str(this.state.get('itemKey')),
      itemIndex: num(this.state.get('itemIndex')),
      timers: timersSchema.parse(this.state.get('timers') ?? {}),
      hands: this.hands.toArray().flatMap((value) => {
        const hand = handSchema.safeParse(value);
        return hand.success ? [hand.data] : [];
      }),
      log: this.log.toArray().flatMap((value) => {
        const entry = logSchema.safeParse(value);
        return entry.success ? [entry.data] : [];
      }),
    };
  }

  /** Calls `listener` after every change, local or remote; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.doc.on('update', listener);
    return () => this.doc.off('update', listener);
  }

  /** A new meeting: the queue and attendance of an earlier one are cleared. */
  start(facilitator: string, session: string, itemKey: string, now: number): void {
    this.doc.transact(() => {
      this.hands.delete(0, this.hands.length);
      this.log.delete(0, this.log.length);
      this.state.set('active', true);
      this.state.set('facilitator', facilitator);
      this.state.set('facilitatorSession', session);
      this.state.set('startedAt', now);
      this.state.set('endedAt', null);
      this.state.set('itemKey', itemKey);
      this.state.set('itemIndex', 0);
      this.state.set('timers', {});
      this.log.push([{ name: facilitator, at: now, kind: 'joined' }]);
    });
  }

  moveTo(itemKey: string, itemIndex: number): void {
    this.doc.transact(() => {
      if (this.state.get('itemKey') !== itemKey) this.state.set('itemKey', itemKey);
      if (this.state.get('itemIndex') !== itemIndex) this.state.set('itemIndex', itemIndex);
    });
  }

  setTimers(timers: ReadonlyMap<string, TimerState>): void {
    const plain = Object.fromEntries([...timers].filter(([, timer]) => timer !== IDLE_TIMER));
    this.state.set('timers', plain);
  }

  join(name: string, now: number): void {
    this.log.push([{ name, at: now, kind: 'joined' }]);
  }

  leave(name: string, now: number): void {
    this.doc.transact(() => {
      this.lowerHandOf(name);
      this.log.push([{ name, at: now, kind: 'left' }]);
    });
  }

  raiseHand(id: string, name: string, now: number): void {
    this.doc.transact(() => {
      if (this.hands.toArray().some((value) => handSchema.safeParse(value).data?.name === name)) return;
      this.hands.push([{ id, name, at: now }]);
      this.log.push([{ name, at: now, kind: 'raised-hand' }]);
    });
  }

  /** `name` added the action item `itemId` during the meeting (the item itself travels as an action item). */
  addedActionItem(itemId: string, name: string, now: number): void {
    this.log.push([{ name, at: now, kind: 'action-item', itemId }]);
  }

  lowerHandOf(name: string): void {
    this.removeHands((hand) => hand.name === name);
  }

  /** The facilitator clears one hand (after that person spoke), or all with no id. */
  clearHand(id?: string): void {
    this.removeHands((hand) => id === undefined || hand.id === id);
  }

  end(now: number): void {
    this.doc.transact(() => {
      this.state.set('active', false);
      this.state.set('endedAt', now);
      this.hands.delete(0, this.hands.length);
    });
  }

  private removeHands(match: (hand: MeetingHand) => boolean): void {
    this.doc.transact(() => {
      const values = this.hands.toArray();
      for (let i = values.length - 1; i >= 0; i--) {
        const hand = handSchema.safeParse(values[i]);
        if (!hand.success || match(hand.data)) this.hands.delete(i, 1);
      }
    });
  }
}

/** The people who joined, in the order they first joined. */
export function attendees(snapshot: MeetingSnapshot): string[] {
  return [...new Set(snapshot.log.filter((entry) => entry.kind === 'joined').map((entry) => entry.name).filter(Boolean))];
}

/** Who raised their hand, with how often, in order of first raise: "who spoke up". */
export function speakers(snapshot: MeetingSnapshot): Array<{ name: string; times: number }> {
  const counts = new Map<string, number>();
  for (const entry of snapshot.log) if (entry.kind === 'raised-hand') counts.set(entry.name, (counts.get(entry.name) ?? 0) + 1);
  return [...counts].map(([name, times]) => ({ name, times }));
}

/** Who added each action item during the meeting, by action item id. */
export function actionItemAuthors(snapshot: MeetingSnapshot): Map<string, string> {
  const authors = new Map<string, string>();
  for (const entry of snapshot.log) if (entry.kind === 'action-item' && entry.itemId && entry.name) authors.set(entry.itemId, entry.name);
  return authors;
}
