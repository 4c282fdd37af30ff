import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import { loadVisibleEvents } from './load-events';
import { putManualEvent, buildManualEvent } from './event-writes';
import { putTestSource } from './test-events';

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
