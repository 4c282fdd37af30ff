// First: installs fake-indexeddb before Dexie is loaded.
import { createTestDatabases } from '@db/test-database';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { newImportedEvent, type ParseResult } from '@core/importers/imported-records';
import { listPeopleWithCounts } from '@db/people-store';
import { writeImport } from './import-store';
import { listSources } from './sources';
import { discardSource } from './discard';

const freshDb = createTestDatabases('view-queries');

function parse(count: number): ParseResult {
  const events = Array.from({ length: count }, (_, i) =>
    newImportedEvent({ sourceFormat: 'csv-timeline', dedupeKey: `csv-timeline:${i}`, at: 1_700_000_000_000 + i * 1000, originalTime: String(i), actorExternalId: 'ops', actorName: 'Ops', text: `row ${i}` }),
  );
  return { format: 'csv-timeline', events, actors: [{ sourceFormat: 'csv-timeline', externalId: 'ops', name: 'Ops', email: null, unknown: false, bot: false }], warnings: [], skipped: [] };
}

/** How many times each view's live query ran after its first run. */
function watch(queries: Record<string, () => Promise<unknown>>) {
  const reruns: Record<string, number> = {};
  const subscriptions = Object.entries(queries).map(([name, query]) => {
    reruns[name] = -1;
    return liveQuery(() => {
      reruns[name]++;
      return query();
    }).subscribe({ error: (error: unknown) => console.error(error) });
  });
  return {
    reruns,
    settle: () => new Promise((resolve) => setTimeout(resolve, 50)),
    stop: () => subscriptions.forEach((s) => s.unsubscribe()),
  };
}

const request = (incidentId: string, sha256: string) => ({ incidentId, fileName: 'timeline.csv', size: 1, sha256, format: 'csv-timeline' as const });

describe('live views during a bulk import', () => {
  it('a view of the incident runs again once, at the commit, however many blocks the import writes; views of other incidents never', async () => {
    const database = await freshDb();
    const views = watch({
      sources: () => listSources(database, 'inc-1'),
      otherSources: () => listSources(database, 'inc-2'),
      people: () => listPeopleWithCounts(database),
      actionItems: () => database.actionItems.where('incidentId').equals('inc-1').toArray(),
    });
    await views.settle();
    expect(views.reruns).toEqual({ sources: 0, otherSources: 0, people: 0, actionItems: 0 });

    const outcome = await writeImport(database, request('inc-1', 'a'), parse(60), { blockSize: 3 });
    await views.settle();
    expect(outcome.source?.blockCount).toBe(20);
    // One run for the commit (people and the source row change in one transaction).
    expect(views.reruns).toEqual({ sources: 1, otherSources: 0, people: 1, actionItems: 0 });
    views.stop();
  });

  it('an import that fails and is discarded wakes no view at all', async () => {
    const database = await freshDb();
    const views = watch({ sources: () => listSources(database, 'inc-1'), people: () => listPeopleWithCounts(database) });
    await views.settle();
    const aborted = { aborted: false };
    let blocks = 0;
    const failing = writeImport(database, request('inc-1', 'b'), parse(30), {
      blockSize: 3,
      signal: aborted,
      onProgress: ({ phase }) => {
        if (phase === 'writing' && ++blocks === 4) aborted.aborted = true;
      },
    });
    await expect(failing).rejects.toMatchObject({ code: 'CANCELLED' });
    await views.settle();
    expect(views.reruns).toEqual({ sources: 0, people: 0 });
    expect(await database.sources.count()).toBe(0);
    views.stop();
  });

  it('removing a committed source wakes the incident view when it disappears', async () => {
    const database = await freshDb();
    const outcome = await writeImport(database, request('inc-1', 'c'), parse(9), { blockSize: 3 });
    const views = watch({ sources: () => listSources(database, 'inc-1') });
    await views.settle();
    if (!outcome.source) throw new Error('nothing committed');
    await discardSource(database, outcome.source.id);
    await views.settle();
    expect(views.reruns.sources).toBeGreaterThanOrEqual(1);
    expect(await listSources(database, 'inc-1')).toEqual([]);
    views.stop();
  });
});
