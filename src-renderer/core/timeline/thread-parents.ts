import type { TimelineEvent } from '../model/event';
import { StringSlots } from './string-slots';

/**
 * Which event each thread reply of a list names as its parent, by position in the list: worked
 * out once per list, so a filter or a search folds threads with integer look-ups instead of
 * hashing every event's key again. A reply's parent is the event whose `dedupeKey` its
 * `threadParentKey` names; when several events hold that key, the last one shown is (see
 * `parentShown`).
 */
export interface ThreadParents {
  /** Per position: the last event in the list holding the key it names, or -1. */
  readonly parent: Int32Array;
  /** Keys several events hold: all their positions (ascending), by the last one's position. */
  readonly holders: ReadonlyMap<number, readonly number[]>;
}

type ThreadFields = Pick<TimelineEvent, 'dedupeKey' | 'threadParentKey'>;

/** Events between two points where a background derivation may pause. */
const STEP = 4096;

export function* threadParentsSteps(events: readonly ThreadFields[]): Generator<void, ThreadParents, void> {
  const parent = new Int32Array(events.length).fill(-1);
  const holders = new Map<number, number[]>();
  // Only keys some reply names can be parents: number those, then find their holders.
  const keys = new StringSlots();
  const named = new Int32Array(events.length).fill(-1);
  for (let i = 0; i < events.length; i++) {
    const key = events[i].threadParentKey;
    if (key !== null) named[i] = keys.add(key);
    if (i % STEP === STEP - 1) yield;
  }
  if (keys.size === 0) return { parent, holders };
  const holder = new Int32Array(keys.size).fill(-1);
  const several = new Map<number, number[]>();
  for (let i = 0; i < events.length; i++) {
    const slot = keys.slotOf(events[i].dedupeKey);
    if (slot !== -1) {
      const previous = holder[slot];
      if (previous !== -1) {
        const list = several.get(slot);
        if (list) list.push(i);
        else several.set(slot, [previous, i]);
      }
      holder[slot] = i;
    }
    if (i % STEP === STEP - 1) yield;
  }
  for (let i = 0; i < events.length; i++) if (named[i] !== -1) parent[i] = holder[named[i]];
  for (const [slot, list] of several) holders.set(holder[slot], list);
  return { parent, holders };
}

/**
 * The parent of the event at `position` among the events shown (`shown[p]` is 1 for each shown
 * position): the last shown event holding the key it names, or -1.
 */
export function parentShown(parents: ThreadParents, position: number, shown: Uint8Array): number {
  const last = parents.parent[position];
  if (last === -1 || shown[last] === 1) return last;
  const all = parents.holders.get(last);
  if (all === undefined) return -1;
  for (let i = all.length - 1; i >= 0; i--) if (shown[all[i]] === 1) return all[i];
  return -1;
}
