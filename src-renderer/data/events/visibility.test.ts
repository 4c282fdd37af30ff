import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineOrder } from '@core/events/event-order';
import { createTestDatabases } from '@db/test-database';
import { loadVisibleEvents } from './load-events';
import { putManualEvent, buildManualEvent } from './event-writes';
import { putTestSource } from './test-events';
import { visibleSources } from './visibility';

const freshDb = createTestDatabases('visibility');

describe('visible events', () => {
  it('shows committed and typed-in events in time order, never staging or discarding ones', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 'ok', incidentId: 'i', state: 'committed' }, [{ at: 30 }]);
    await putTestSource(database, { id: 'half', incidentId: 'i', state: 'staging' }, [{ at: 10 }]);
    await putTestSource(database, { id: 'going', incidentId: 'i', state: 'discarding' }, [{ at: 11 }]);
    await putTestSource(database, { id: 'other', incidentId: 'j', state: 'committed' }, [{ at: 5 }]);
    await putManualEvent(database, buildManualEvent({ incidentId: 'i', at: 20, typed: '20', actorName: 'Dana', text: 'call' }, 'm'));
    expect((await loadVisibleEvents(database, 'i')).map((e) => e.id)).toEqual(['m', 'ok:0']);
  });

  it('keeps the order of the sources for events in the same millisecond, never a random id', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 'zz-first', incidentId: 'i', state: 'committed', importedAt: 1 }, [{ at: 5, text: 'a' }, { at: 5, text: 'b' }, { at: 5, text: 'c' }]);
    await putTestSource(database, { id: 'aa-second', incidentId: 'i', state: 'committed', importedAt: 2 }, [{ at: 4, text: 'x' }, { at: 5, text: 'd' }]);
    await putManualEvent(database, buildManualEvent({ incidentId: 'i', at: 5, typed: '5', actorName: '', text: 'typed' }, '00'));
    expect((await loadVisibleEvents(database, 'i')).map((e) => e.text)).toEqual(['x', 'a', 'b', 'c', 'd', 'typed']);
  });
});

describe('load order', () => {
  it('is the one timeline order, whatever the sources, times and typed-in events', async () => {
    const database = await freshDb();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ importedAt: fc.integer({ min: 1, max: 3 }), ats: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }), sorted: fc.boolean() }), { maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
        async (sources, manual) => {
          const incidentId = `p${run++}`;
          const ids: string[] = [];
          for (const [n, source] of sources.entries()) {
            const id = `${incidentId}-s${(n * 7) % 5}${n}`;
            ids.push(id);
            // Imports write each source in time order; a library migrated from older storage may not be.
            const ats = source.sorted ? [...source.ats].sort((a, b) => a - b) : source.ats;
            await putTestSource(database, { id, incidentId, state: 'committed', importedAt: source.importedAt }, ats.map((at) => ({ at })));
          }
          for (const [n, at] of manual.entries()) await putManualEvent(database, buildManualEvent({ incidentId, at, typed: String(at), actorName: '', text: 'typed' }, `${incidentId}-m${(n * 5) % 3}${n}`));
          const loaded = await loadVisibleEvents(database, incidentId);
          const order = (await visibleSources(database, incidentId)).map((s) => s.id);
          expect(loaded.map((e) => e.id)).toEqual([...loaded].sort(timelineOrder(order)).map((e) => e.id));
          expect(loaded).toHaveLength(sources.reduce((sum, s) => sum + s.ats.length, 0) + manual.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
