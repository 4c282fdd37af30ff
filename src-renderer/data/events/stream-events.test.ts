import { describe, expect, it } from 'vitest';
import { createTimelineIndex } from '@core/timeline/search-index';
import { createTestDatabases } from '@db/test-database';
import { addManualEvent, setPinned } from './event-writes';
import { LiveIncidentEvents, type LiveEventsState } from './live-events';
import { loadTimelineEvents } from './load-events';
import { Slices, streamSourceBlocks, streamTimelineEvents } from './stream-events';
import { putTestSource } from './test-events';

const freshDb = createTestDatabases('stream-events');

const QUERIES = ['rollback', 'roll', 'elod', 'page', 'priya', 'note', 'event', 'zz'];

/** Two sources interleaved in time (blocks of 3), a staging one, a typed-in event, a pin, a block without readable postings. */
async function incident() {
  const database = await freshDb();
  const words = ['rollback started', 'paging Élodie', 'page again', 'roll forward'];
  await putTestSource(database, { id: 'chat', incidentId: 'i', state: 'committed', importedAt: 1 }, Array.from({ length: 20 }, (_, n) => ({ at: n * 2, text: words[n % 4], actorName: 'Bob' })), 3);
  await putTestSource(database, { id: 'pager', incidentId: 'i', state: 'committed', importedAt: 2 }, Array.from({ length: 11 }, (_, n) => ({ at: n * 3, text: `page ${n}`, channel: 'alerts' })), 3);
  await putTestSource(database, { id: 'half', incidentId: 'i', state: 'staging', importedAt: 3 }, [{ at: 4, text: 'rollback staged' }]);
  await database.eventBlocks.update(['pager', 1], { terms: new Uint8Array([1, 2, 3]) });
  await addManualEvent(database, 'i', { at: 7, typed: 'note', actorName: 'Priya', text: 'rolled back' });
  await setPinned(database, { id: 'chat:4', incidentId: 'i', sourceId: 'chat', text: 'rollback started' }, true);
  return database;
}

describe('reading an incident block by block', () => {
  it('gives the events, postings and uncovered events of the one-request load, in the same order', async () => {
    const database = await incident();
    const whole = await loadTimelineEvents(database, 'i', { withRaw: false });
    const streamed = await streamTimelineEvents(database, 'i', { withRaw: () => false, slices: new Slices(0) });
    expect(streamed.events).toEqual(whole.events);
    expect(streamed.events.map((e) => e.id)).toContain('chat:4');
    expect(streamed.events.find((e) => e.id === 'chat:4')?.pinned).toBe(true);
    expect(streamed.postings.map((p) => [p.sourceId, p.rows.map((e) => e.id)])).toEqual(whole.postings.map((p) => [p.sourceId, p.rows.map((e) => e.id)]));
    expect(streamed.uncovered.map((e) => e.id)).toEqual(whole.uncovered.map((e) => e.id));
    // Postings and uncovered name the very objects listed.
    const listed = new Set(streamed.events);
    expect(streamed.postings.every((p) => p.rows.every((e) => listed.has(e)))).toBe(true);
    expect(streamed.uncovered.every((e) => listed.has(e))).toBe(true);
  });

  it('builds a search index while reading that answers as one tokenised from the whole list', async () => {
    const database = await incident();
    const index = createTimelineIndex();
    const { events } = await streamTimelineEvents(database, 'i', { withRaw: () => false, index, slices: new Slices(0) });
    const tokenised = createTimelineIndex();
    tokenised.addEvents(events);
    expect(index.size).toBe(events.length);
    for (const query of QUERIES) expect(index.search(query)).toEqual(tokenised.search(query));
    expect(index.hits('rolled').events).toEqual([events.find((e) => e.text === 'rolled back')]);
  });

  it('reads the original records only of the sources asked for', async () => {
    const database = await incident();
    const { events } = await streamTimelineEvents(database, 'i', { withRaw: (source) => source.id === 'pager', slices: new Slices(0) });
    expect(events.filter((e) => e.sourceId === 'pager').map((e) => e.raw)).toEqual(Array.from({ length: 11 }, (_, n) => ({ row: n })));
    expect(events.filter((e) => e.sourceId === 'chat').every((e) => e.raw === null)).toBe(true);
  });

  it('ends a source whose blocks are removed while it is read', async () => {
    const database = await incident();
    const seen: number[] = [];
    for await (const { record } of streamSourceBlocks(database, 'chat', false)) {
      seen.push(record.seq);
      if (record.seq === 1) await database.eventBlocks.delete(['chat', 5]);
    }
    // Blocks 0–6 were listed; 5 went while 2–4 were being read: nothing after the missing block is given.
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('an incident opened on its Timeline', () => {
  it('hands over the search index built while loading, once, for exactly the full list', async () => {
    const database = await incident();
    const live = new LiveIncidentEvents(database, 'i');
    const state = await new Promise<LiveEventsState>((resolve) => {
      const stop = live.subscribe(
        (s) => {
          if (!s.complete) return;
          stop();
          resolve(s);
        },
        { searchIndex: true },
      );
    });
    expect(state.searchIndex?.events).toBe(state.events);
    const index = state.searchIndex?.take();
    expect(index?.size).toBe(state.events?.length);
    expect(index?.search('elod')).toEqual(state.events?.filter((e) => e.text === 'paging Élodie').map((e) => e.id));
    expect(state.searchIndex?.take()).toBeNull();
    live.dispose();
  });

  it('builds no index when no subscriber asked for one', async () => {
    const database = await incident();
    const live = new LiveIncidentEvents(database, 'i');
    const state = await new Promise<LiveEventsState>((resolve) => {
      const stop = live.subscribe((s) => {
        if (!s.complete) return;
        stop();
        resolve(s);
      });
    });
    expect(state.events).toHaveLength(20 + 11 + 1);
    expect(state.searchIndex).toBeUndefined();
    live.dispose();
  });
});
