import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import { cleanUpAbandonedImports, discardSource } from './discard';
import { setPinned } from './event-writes';
import { loadVisibleEvents } from './load-events';
import { putTestSource } from './test-events';

const freshDb = createTestDatabases('discard');
const events = (n: number) => Array.from({ length: n }, (_, i) => ({ at: i }));

describe('imports a crash interrupted', () => {
  it('are discarded by the clean-up, committed imports stay', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 'half', incidentId: 'i', state: 'staging' }, events(7));
    await putTestSource(database, { id: 'done', incidentId: 'i', state: 'committed' }, events(3));
    expect(await cleanUpAbandonedImports(database)).toEqual({ cleaned: 1, running: 0 });
    expect(await database.sources.toCollection().primaryKeys()).toEqual(['done']);
    expect(await database.eventBlocks.where('sourceId').equals('half').count()).toBe(0);
    expect(await database.eventRaw.count()).toBe(await database.eventBlocks.count());
    expect(await database.eventKeys.count()).toBe(await database.eventBlocks.count());
    expect(await loadVisibleEvents(database, 'i')).toHaveLength(3);
  });

  it('leave alone an import that committed after the clean-up listed it as staging', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 'small', incidentId: 'i', state: 'staging' }, events(6));
    // The clean-up lists the staging row; the import commits (and lets its lock go) before the
    // clean-up gets to that row. Transactions run in the order they were asked for.
    const cleanup = cleanUpAbandonedImports(database);
    const commit = database.sources.update('small', { state: 'committed' });
    await Promise.all([cleanup, commit]);
    expect(await database.sources.get('small')).toMatchObject({ state: 'committed' });
    expect(await loadVisibleEvents(database, 'i')).toHaveLength(6);
  });

  it('finish a removal a second crash cut short, and nothing of it was ever visible meanwhile', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 'going', incidentId: 'i', state: 'committed' }, events(9));
    await setPinned(database, { id: 'going:4', incidentId: 'i', sourceId: 'going', text: '' }, true);
    // The removal got as far as hiding the source and deleting one block, then the app died.
    await database.sources.update('going', { state: 'discarding' });
    await database.eventBlocks.delete(['going', 0]);
    expect(await loadVisibleEvents(database, 'i')).toEqual([]);
    expect(await cleanUpAbandonedImports(database)).toEqual({ cleaned: 1, running: 0 });
    expect(await database.sources.count()).toBe(0);
    expect(await database.eventBlocks.count()).toBe(0);
    expect(await database.eventRaw.count()).toBe(0);
    expect(await database.eventState.count()).toBe(0);
  });

  it('removing a source says how many events went and is a no-op the second time', async () => {
    const database = await freshDb();
    await putTestSource(database, { id: 's', incidentId: 'i', state: 'committed' }, events(5));
    expect(await discardSource(database, 's')).toBe(5);
    expect(await discardSource(database, 's')).toBe(0);
  });
});
