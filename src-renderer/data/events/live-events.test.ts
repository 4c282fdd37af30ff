import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import { emitEventChange } from './event-changes';
import { LiveIncidentEvents, type LiveEventsState } from './live-events';
import { loadVisibleEvents } from './load-events';
import { putTestSource } from './test-events';

const freshDb = createTestDatabases('live-events');

/** Resolves with the first state `ready` accepts. */
function next(live: LiveIncidentEvents, ready: (state: LiveEventsState) => boolean): Promise<LiveEventsState> {
  return new Promise((resolve) => {
    if (ready(live.current)) return resolve(live.current);
    const stop = live.subscribe((state) => {
      if (!ready(state)) return;
      stop();
      resolve(state);
    });
  });
}

describe('an incident open on its Timeline', () => {
  it('adds a committed import once, block by block, in the order a full reload gives', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 'earlier', incidentId: 'i', state: 'committed', importedAt: 1 }, Array.from({ length: 40 }, (_, i) => ({ at: i * 10, text: `earlier ${i}` })));
    const live = new LiveIncidentEvents(database, 'i');
    const stop = live.subscribe(() => undefined);
    expect((await next(live, (s) => s.complete)).events).toHaveLength(40);
    let updates = 0;
    const counting = live.subscribe(() => updates++);
    // 700 events in blocks of 3: far more blocks than one read hands over, interleaved in time.
    await putTestSource(database, { id: 'new', incidentId: 'i', state: 'staging', importedAt: 2 }, Array.from({ length: 700 }, (_, i) => ({ at: i, text: `new ${i}` })), 3);
    await database.sources.update('new', { state: 'committed' });
    emitEventChange({ database: database.name, incidentId: 'i', type: 'sources', sourceId: 'new' });
    const state = await next(live, (s) => (s.events?.length ?? 0) === 740);
    expect(state.events?.map((e) => e.id)).toEqual((await loadVisibleEvents(database, 'i', { withRaw: false })).map((e) => e.id));
    expect(updates).toBe(1);
    counting();
    stop();
    live.dispose();
  });
});
