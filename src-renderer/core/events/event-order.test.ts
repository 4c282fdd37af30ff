import { describe, expect, it } from 'vitest';
import { timelineOrder } from './event-order';

describe('timelineOrder', () => {
  it('keeps same-millisecond events in source order (oldest import first) and each source in its own order, whatever the input order', () => {
    const at = Date.parse('2024-06-12T16:00:00Z');
    const events = [
      { id: 'src-b:0', sourceId: 'src-b', at },
      { id: 'src-a:10', sourceId: 'src-a', at },
      { id: 'manual-1', sourceId: 'manual:inc', at },
      { id: 'src-a:9', sourceId: 'src-a', at },
      { id: 'src-a:11', sourceId: 'src-a', at: at - 1 },
    ];
    const expected = ['src-a:11', 'src-b:0', 'src-a:9', 'src-a:10', 'manual-1'];
    const order = timelineOrder(['src-b', 'src-a']);
    expect([...events].sort(order).map((e) => e.id)).toEqual(expected);
    expect([...events].reverse().sort(order).map((e) => e.id)).toEqual(expected);
  });
});
