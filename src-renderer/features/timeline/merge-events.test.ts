import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '@core/model/event';
import { mergeChangedEvents } from './merge-events';

const ev = (id: string, at: number, pinned = false) => ({ id, at, pinned }) as TimelineEvent;

describe('mergeChangedEvents', () => {
  const list = [ev('a', 1), ev('b', 2), ev('c', 2), ev('d', 5)];

  it('replaces a changed event in place', () => {
    const merged = mergeChangedEvents(list, ['c'], [ev('c', 2, true)]);
    expect(merged.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(merged[2]?.pinned).toBe(true);
  });

  it('inserts new events in time order (ties by id) and drops deleted ones', () => {
    const merged = mergeChangedEvents(list, ['bb', 'a', 'z'], [ev('z', 0), ev('bb', 2)]);
    expect(merged.map((e) => e.id)).toEqual(['z', 'b', 'bb', 'c', 'd']);
  });

  it('moves an event whose time changed', () => {
    expect(mergeChangedEvents(list, ['a'], [ev('a', 9)]).map((e) => e.id)).toEqual(['b', 'c', 'd', 'a']);
  });
});
