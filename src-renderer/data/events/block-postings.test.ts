import { describe, expect, it } from 'vitest';
import { visitPrefix } from '@core/events/block-terms';
import { createTimelineIndex } from '@core/timeline/search-index';
import { createTestDatabases } from '@db/test-database';
import { emitEventChange } from './event-changes';
import { LiveIncidentEvents } from './live-events';
import { loadTimelineEvents } from './load-events';
import { addManualEvent } from './event-writes';
import { putTestSource } from './test-events';

const freshDb = createTestDatabases('block-postings');

/** Resolves with the first state of `live` that `ready` accepts. */
function until(live: LiveIncidentEvents, ready: (state: LiveIncidentEvents['current']) => boolean) {
  return new Promise<LiveIncidentEvents['current']>((resolve) => {
    const stop = live.subscribe((state) => {
      if (!ready(state)) return;
      stop();
      resolve(state);
    });
  });
}

describe('stored search postings of the visible events', () => {
  it('come with the events, one per block, naming each row by the event shown', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 'chat', incidentId: 'i', state: 'committed' }, [{ at: 1, text: 'Rollback started' }, { at: 2, text: 'paging Élodie' }, { at: 3, text: 'rollback done' }]);
    await putTestSource(database, { id: 'half', incidentId: 'i', state: 'staging' }, [{ at: 4, text: 'rollback staged' }]);
    const { postings } = await loadTimelineEvents(database, 'i', { withRaw: false });
    expect(postings.map((p) => [p.sourceId, p.rows.map((e) => e.id)])).toEqual([
      ['chat', ['chat:0', 'chat:1']],
      ['chat', ['chat:2']],
    ]);
    const rows: string[] = [];
    for (const block of postings) visitPrefix(block.terms, 'rollb', (row) => rows.push(block.rows[row].id));
    expect(rows).toEqual(['chat:0', 'chat:2']);
    // The index built from them answers as one built by tokenising the texts.
    const index = createTimelineIndex();
    for (const block of postings) index.addBlock(block.rows, block.terms);
    expect(index.search('elod')).toEqual(['chat:1']);
  });

  it('leave out a block whose postings cannot be read (its texts are tokenised instead)', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 'chat', incidentId: 'i', state: 'committed' }, [{ at: 1 }, { at: 2 }, { at: 3 }]);
    await database.eventBlocks.update(['chat', 0], { terms: new Uint8Array([1, 2, 3]) });
    const { events, postings, uncovered } = await loadTimelineEvents(database, 'i', { withRaw: false });
    expect(events).toHaveLength(3);
    expect(postings.map((p) => p.rows.map((e) => e.id))).toEqual([['chat:2']]);
    expect(postings[0].rows[0]).toBe(events[2]);
    // Named as not covered (the same objects), so the index tokenises exactly these.
    expect(uncovered).toEqual([events[0], events[1]]);
    expect(uncovered[0]).toBe(events[0]);
    // A typed-in event is never in a block.
    const typed = await addManualEvent(database, 'i', { at: 5, typed: 'note', actorName: 'Priya', text: 'rolled back' });
    const again = await loadTimelineEvents(database, 'i', { withRaw: false });
    expect(again.uncovered.map((e) => e.id)).toEqual(['chat:0', 'chat:1', typed.id]);
    expect(again.uncovered[2]).toBe(again.events[3]);
  });

  it('follow the live events as a source is committed and removed', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 'one', incidentId: 'i', state: 'committed' }, [{ at: 1, text: 'first' }]);
    const live = new LiveIncidentEvents(database, 'i');
    try {
      const loaded = await until(live, (s) => s.complete);
      expect(loaded.postings.map((p) => p.sourceId)).toEqual(['one']);
      await putTestSource(database, { id: 'two', incidentId: 'i', state: 'committed', importedAt: 2 }, [{ at: 2, text: 'second' }, { at: 3 }, { at: 4 }]);
      const added = until(live, (s) => s.events?.length === 4);
      emitEventChange({ database: database.name, incidentId: 'i', type: 'sources', sourceId: 'two' });
      expect((await added).postings.map((p) => [p.sourceId, p.rows.length])).toEqual([
        ['one', 1],
        ['two', 2],
        ['two', 1],
      ]);
      await database.sources.update('one', { state: 'discarding' });
      const removed = until(live, (s) => s.events?.length === 3);
      emitEventChange({ database: database.name, incidentId: 'i', type: 'sources', sourceId: 'one' });
      expect((await removed).postings.map((p) => p.sourceId)).toEqual(['two', 'two']);
    } finally {
      live.dispose();
    }
  });
});
