import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DebriefDatabase } from './schema';
import { loadVisibleEvents, manualSourceId } from './visible-events';

const database = new DebriefDatabase({ name: 'visible-events-test' });
afterEach(async () => {
  await database.delete();
});

describe('visible events', () => {
  it('shows committed and manual events in time order, never staging ones', async () => {
    await database.open();
    const source = (id: string, state: 'staging' | 'committed') =>
      ({ id, incidentId: 'i', state, fileName: id, size: 0, sha256: id, format: 'csv-timeline', counts: {}, warnings: [], importedAt: 0 }) as never;
    await database.sources.bulkPut([source('ok', 'committed'), source('half', 'staging')]);
    await database.events.bulkPut([
      { id: 'c', incidentId: 'i', sourceId: 'ok', dedupeKey: 'c', at: 30 } as never,
      { id: 's', incidentId: 'i', sourceId: 'half', dedupeKey: 's', at: 10 } as never,
      { id: 'm', incidentId: 'i', sourceId: manualSourceId('i'), dedupeKey: 'm', at: 20 } as never,
      { id: 'other', incidentId: 'j', sourceId: 'ok', dedupeKey: 'o', at: 5 } as never,
    ]);
    expect((await loadVisibleEvents(database, 'i')).map((e) => e.id)).toEqual(['m', 'c']);
  });
});
