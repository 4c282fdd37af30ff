import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVENT_KINDS } from '@core/model/event';
import { activeFilterCount, applyFilter, emptyTimelineFilter, filterPositions, hitPositions, isFilterEmpty, matchesFilter, parseTimelineFilter, timesOf, type FilterableEvent, type TimelineFilter } from './filters';
import { TimelineError } from './timeline-error';
import { channelColumnSteps } from './channel-column';
import { runSteps } from '../steps';

const base: FilterableEvent = {
  id: 'e1',
  at: 1000,
  sourceId: 'slack',
  channel: 'inc-482',
  actorId: 'U1',
  actorName: 'Alice Ng',
  kind: 'message',
  pinned: false,
  text: 'Rolled back to v411',
};
const filter = (partial: Partial<TimelineFilter>): TimelineFilter => ({ ...emptyTimelineFilter(), ...partial });

describe('TimelineFilter schema', () => {
  it('round-trips through JSON and fills defaults for fields older saves lack', () => {
    const saved = filter({ sources: ['s1'], kinds: ['page'], from: 5, pinnedOnly: true, query: 'roll' });
    expect(parseTimelineFilter(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(parseTimelineFilter({ channels: ['inc'] })).toEqual(filter({ channels: ['inc'] }));
  });

  it('rejects a corrupted saved filter with a typed error', () => {
    expect(() => parseTimelineFilter({ kinds: ['telegram'] })).toThrow(TimelineError);
    expect(() => parseTimelineFilter('nope')).toThrow(expect.objectContaining({ code: 'INVALID_FILTER' }));
  });

  it('knows when nothing is filtered', () => {
    expect(isFilterEmpty(emptyTimelineFilter())).toBe(true);
    expect(isFilterEmpty(filter({ query: '  ' }))).toBe(true);
    expect(isFilterEmpty(filter({ to: 0 }))).toBe(false);
  });
});

describe('activeFilterCount', () => {
  it('counts the filter menus in use, not the search', () => {
    const none = emptyTimelineFilter();
    expect(activeFilterCount({ ...none, query: 'rollback' })).toBe(0);
    expect(activeFilterCount({ ...none, sources: ['a', 'b'], kinds: ['message'] })).toBe(2);
    expect(activeFilterCount({ ...none, from: 0 })).toBe(1);
    expect(activeFilterCount({ ...none, to: 10, from: 5, pinnedOnly: true, actors: ['rosa'], channels: ['#inc'] })).toBe(4);
  });
});

describe('matchesFilter', () => {
  it('applies each criterion, with empty lists meaning everything', () => {
    expect(matchesFilter(base, emptyTimelineFilter())).toBe(true);
    expect(matchesFilter(base, filter({ sources: ['pd'] }))).toBe(false);
    expect(matchesFilter(base, filter({ channels: ['inc-482'], kinds: ['message'] }))).toBe(true);
    expect(matchesFilter(base, filter({ kinds: ['page'] }))).toBe(false);
    expect(matchesFilter(base, filter({ pinnedOnly: true }))).toBe(false);
    expect(matchesFilter(base, filter({ from: 1000, to: 1000 }))).toBe(true);
    expect(matchesFilter(base, filter({ from: 1001 }))).toBe(false);
  });

  it('matches actors by id, or by name for actors that have no id', () => {
    expect(matchesFilter(base, filter({ actors: ['U1'] }))).toBe(true);
    expect(matchesFilter({ ...base, actorId: null }, filter({ actors: ['Alice Ng'] }))).toBe(true);
    expect(matchesFilter(base, filter({ actors: ['U2'] }))).toBe(false);
  });

  it('checks the query with the search rules, or uses index hits when given', () => {
    expect(matchesFilter(base, filter({ query: 'ROLL v41' }))).toBe(true);
    expect(matchesFilter(base, filter({ query: 'alice roll' }))).toBe(true);
    expect(matchesFilter(base, filter({ query: 'forward' }))).toBe(false);
    expect(matchesFilter(base, filter({ query: 'forward' }), { queryHits: new Set(['e1']) })).toBe(true);
  });
});

const eventArb = fc.record({
  id: fc.uuid(),
  at: fc.integer({ min: 0, max: 100 }),
  sourceId: fc.constantFrom('s1', 's2', 's3'),
  channel: fc.constantFrom('inc', 'general', ''),
  actorId: fc.option(fc.constantFrom('U1', 'U2'), { nil: null }),
  actorName: fc.constantFrom('Alice', 'Bob'),
  kind: fc.constantFrom(...EVENT_KINDS),
  pinned: fc.boolean(),
  text: fc.constantFrom('rollback done', 'Déploiement', 'pager fired', ''),
});
const filterArb = fc.record({
  sources: fc.subarray(['s1', 's2', 's3']),
  channels: fc.subarray(['inc', 'general', '']),
  actors: fc.subarray(['U1', 'U2', 'Alice', 'Bob']),
  kinds: fc.subarray([...EVENT_KINDS]),
  from: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  to: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  pinnedOnly: fc.boolean(),
  query: fc.constantFrom('', 'roll', 'deploi', 'PAGER', 'alice'),
});

describe('applyFilter', () => {
  it('gives exactly the events matchesFilter accepts, in their original order', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), filterArb, (events, f) => {
        const sorted = [...events].sort((a, b) => a.at - b.at);
        expect(applyFilter(sorted, f)).toEqual(sorted.filter((e) => matchesFilter(e, f)));
      }),
    );
  });

  it('gives the same positions with the channel column as by reading each event, with or without search hits', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), filterArb, fc.boolean(), (events, f, withHits) => {
        const sorted = [...events].sort((a, b) => a.at - b.at);
        const channelColumn = runSteps(channelColumnSteps(sorted));
        // Hits: every other event, as the index would give positions for a query.
        const hits = withHits && f.query !== '' ? { hitPositions: Int32Array.from(sorted.keys()).filter((i) => i % 2 === 0) } : {};
        expect([...filterPositions(sorted, f, { ...hits, channelColumn })]).toEqual([...filterPositions(sorted, f, hits)]);
      }),
    );
  });

  it('survives a persist round-trip unchanged', () => {
    fc.assert(
      fc.property(filterArb, (f) => {
        expect(parseTimelineFilter(JSON.parse(JSON.stringify(f)))).toEqual(f);
      }),
    );
  });
});

describe('hitPositions', () => {
  const list = [1, 2, 2, 2, 5, 8, 8, 13, 21, 21].map((at, i) => ({ id: `e${i}`, at }));
  const times = timesOf(list);
  const brute = (ids: string[]) => ids.map((id) => list.findIndex((e) => e.id === id)).sort((a, b) => a - b);

  it('finds every hit by its time, in list order, whatever order the hits of one time come in', () => {
    fc.assert(
      fc.property(fc.subarray(list.map((e) => e.id)), fc.boolean(), fc.constantFrom('none', 'same', 'copies'), (ids, shuffle, objects) => {
        const chosen = list.filter((e) => ids.includes(e.id));
        // As the index gives them (time, then id) or in any order at all.
        const ordered = shuffle ? [...chosen].reverse() : [...chosen].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
        // The index's objects: the list's own, or older versions of them (an index behind edits).
        const events = objects === 'none' ? undefined : ordered.map((e) => (objects === 'same' ? e : { ...e }));
        const found = hitPositions(list, times, { ids: ordered.map((e) => e.id), ats: ordered.map((e) => e.at), ...(events ? { events } : {}) });
        expect(found && [...found]).toEqual(brute(ids));
      }),
    );
  });

  it('finds hits in a millisecond shared by hundreds of events, in any order, by object or by id', () => {
    // Second-precision imports put hundreds of events at one time; the list orders them by source.
    const crowd = Array.from({ length: 400 }, (_, i) => ({ id: `c${String(399 - i).padStart(3, '0')}`, at: i < 10 ? 5 : 7 }));
    const crowdTimes = timesOf(crowd);
    const picked = crowd.filter((_, i) => i % 3 === 0);
    const byId = [...picked].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const expected = picked.map((e) => crowd.indexOf(e));
    for (const events of [byId, byId.map((e) => ({ ...e })), undefined]) {
      const found = hitPositions(crowd, crowdTimes, { ids: byId.map((e) => e.id), ats: byId.map((e) => e.at), ...(events ? { events } : {}) });
      expect(found && [...found]).toEqual(expected);
    }
  });

  it('gives up (null) when a hit is not at its time', () => {
    expect(hitPositions(list, times, { ids: ['e4'], ats: [6] })).toBeNull();
    expect(hitPositions(list, times, { ids: ['e9'], ats: [99] })).toBeNull();
    expect(hitPositions(list, times, { ids: ['e1'], ats: [8] })).toBeNull();
  });
});
