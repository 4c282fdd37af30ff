import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newTimelineEvent } from '@core/model/new-event';
import { EventLookup } from './event-lookup';

describe('EventLookup', () => {
  it('finds what a map of every id finds, asked in any order and again', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 20 }), (present, asked) => {
        const events = present.map((n) => newTimelineEvent({ id: `s:${n}`, incidentId: 'i', sourceId: 's', sourceFormat: 'slack-export', dedupeKey: `k${n}`, at: n, originalTime: '', actorName: '', channel: '', text: '' }));
        const byId = new Map(events.map((e) => [e.id, e]));
        const lookup = new EventLookup(events);
        for (const n of asked) expect(lookup.get(`s:${n}`)).toBe(byId.get(`s:${n}`));
      }),
    );
  });
});
