import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import { newImportedEvent, type ActorRef, type ImportedEvent, type ParseResult } from '@core/importers/imported-records';
import { DebriefDatabase } from '@db/schema';
import { findEarlierImport, MAX_EVENTS_PER_IMPORT, writeImport, type ImportRequest } from './import-store';
import { discardSource, removeSource } from './discard';
import { listSources } from './sources';
import { loadVisibleEvents } from './load-events';
import { onEventChange, type EventChange } from './event-changes';

const freshDb = createTestDatabases('import-store');

/** Every stored event record of any table (blocks count their events). */
async function storedEvents(database: DebriefDatabase): Promise<number> {
  const blocks = await database.eventBlocks.toArray();
  return blocks.reduce((sum, b) => sum + b.count, 0) + (await database.manualEvents.count());
}

function event(id: string, at: number, actor: string | null = 'U1'): ImportedEvent {
  return newImportedEvent({
    sourceFormat: 'slack-export',
    dedupeKey: `slack-export:C1:${id}`,
    at,
    originalTime: String(at / 1000),
    actorExternalId: actor,
    actorName: actor ?? '',
    channel: '#inc',
    text: `message ${id}`,
    raw: { ts: id },
  });
}

const dana: ActorRef = { sourceFormat: 'slack-export', externalId: 'U1', name: 'Dana Ortiz', email: 'dana@example.test', unknown: false, bot: false };

function result(ids: number[]): ParseResult {
  return { format: 'slack-export', events: ids.map((i) => event(`e${i}`, 1_700_000_000_000 + i * 1000)), actors: [dana], warnings: [{ message: 'users.json is missing' }], skipped: [{ reason: 'channel_join', count: 2 }] };
}

const request = (sha256 = 'abc'): ImportRequest => ({ incidentId: 'inc-1', fileName: 'export.zip', size: 100, sha256, format: 'slack-export' });

describe('writeImport', () => {
  it('commits a source with its counts and writes events exactly as the timeline model expects', async () => {
    const database = await freshDb();
    const outcome = await writeImport(database, request(), result([1, 2, 3]), { blockSize: 2 });
    expect(outcome.added).toBe(3);
    expect(outcome.source?.state).toBe('committed');
    expect(outcome.source?.counts).toEqual({ added: 3, duplicates: 0, skipped: 2, warnings: 1 });
    expect(outcome.source?.blockCount).toBe(2);
    expect(outcome.source?.actorCounts).toEqual({ 'slack-export:U1': 3 });
    const events = await loadVisibleEvents(database, 'inc-1');
    expect(events.map((e) => e.text)).toEqual(['message e1', 'message e2', 'message e3']);
    const person = (await database.people.toArray())[0];
    expect(events[0]).toMatchObject({ incidentId: 'inc-1', sourceId: outcome.source?.id, actorId: person?.id, actorName: 'Dana Ortiz', pinned: false, redacted: false, redactions: [], raw: { ts: 'e1' } });
    expect(events[0]).not.toHaveProperty('actorExternalId');
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it('adds nothing when the same file is imported again, says when it was imported first, and adds no empty Sources row', async () => {
    const database = await freshDb();
    const first = await writeImport(database, request('same'), result([1, 2, 3]));
    const again = await writeImport(database, request('same'), result([1, 2, 3]));
    expect(again).toMatchObject({ added: 0, duplicates: 3, source: null, earlierImportAt: first.source?.importedAt });
    expect(await storedEvents(database)).toBe(3);
    expect((await findEarlierImport(database, 'inc-1', 'same'))?.id).toBe(first.source?.id);
    expect((await listSources(database, 'inc-1')).map((s) => s.id)).toEqual([first.source?.id]);
    expect(await database.sources.count()).toBe(1);
    expect(await database.people.count()).toBe(1);
  });

  it('adds only the new events of an overlapping export', async () => {
    const database = await freshDb();
    await writeImport(database, request('a'), result([1, 2, 3]));
    const overlap = await writeImport(database, request('b'), result([2, 3, 4, 5]));
    expect(overlap).toMatchObject({ added: 2, duplicates: 2 });
    expect((await loadVisibleEvents(database, 'inc-1')).map((e) => e.text)).toEqual(['message e1', 'message e2', 'message e3', 'message e4', 'message e5']);
  });

  it('leaves the database exactly as it was when cancelled mid-way', async () => {
    const database = await freshDb();
    await writeImport(database, request('a'), result([1]));
    const flag = { aborted: false };
    const cancelled = writeImport(database, request('b'), result([2, 3, 4, 5, 6]), {
      blockSize: 2,
      signal: flag,
      onProgress: () => {
        flag.aborted = true;
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await storedEvents(database)).toBe(1);
    expect(await database.sources.count()).toBe(1);
    expect(await database.eventRaw.count()).toBe(1);
    expect(await database.eventKeys.count()).toBe(1);
  });

  it('rolls back and keeps no new people when a write fails part-way', async () => {
    const database = await freshDb();
    const bad = result([1, 2, 3]);
    // A BigInt has no JSON form: the second block fails to encode after the first was written.
    (bad.events[2] as { raw: unknown }).raw = { n: 1n };
    await expect(writeImport(database, request(), bad, { blockSize: 2 })).rejects.toThrow();
    expect(await storedEvents(database)).toBe(0);
    expect(await database.eventRaw.count()).toBe(0);
    expect(await database.sources.count()).toBe(0);
    expect(await database.people.count()).toBe(0);
  });

  it('removing a source removes exactly its events, and the people only it named', async () => {
    const database = await freshDb();
    const a = await writeImport(database, request('a'), result([1, 2]), { blockSize: 1 });
    const b = await writeImport(database, request('b'), result([2, 3, 4]));
    expect(await database.people.count()).toBe(1);
    expect(await removeSource(database, { id: a.source?.id ?? '' })).toBe(2);
    expect((await loadVisibleEvents(database, 'inc-1')).map((e) => e.text)).toEqual(['message e3', 'message e4']);
    expect((await listSources(database, 'inc-1')).map((s) => s.sha256)).toEqual(['b']);
    expect(await database.people.count()).toBe(1);
    await removeSource(database, { id: b.source?.id ?? '' });
    expect(await storedEvents(database)).toBe(0);
    expect(await database.people.count()).toBe(0);
  });

  it('keeps a person who owns an action item when their last events go', async () => {
    const database = await freshDb();
    const a = await writeImport(database, request('a'), result([1]));
    const [person] = await database.people.toArray();
    await database.actionItems.put({ id: 'x', incidentId: 'inc-1', ownerId: person?.id ?? null } as never);
    await discardSource(database, a.source?.id ?? '');
    expect(await database.people.count()).toBe(1);
  });

  it('refuses an import over the cap with a message saying what to do', async () => {
    const database = await freshDb();
    const huge = { ...result([]), events: { length: MAX_EVENTS_PER_IMPORT + 1 } as ImportedEvent[] };
    await expect(writeImport(database, request('huge'), huge)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('at most 2,000,000') });
    expect(await database.sources.count()).toBe(0);
  });

  it('signals the incident once, at the commit, never while blocks are written', async () => {
    const database = await freshDb();
    const seen: EventChange[] = [];
    const stop = onEventChange(database.name, 'inc-1', (change) => seen.push(change));
    const outcome = await writeImport(database, request(), result([1, 2, 3, 4, 5]), { blockSize: 1 });
    stop();
    expect(seen).toEqual([{ database: database.name, incidentId: 'inc-1', type: 'sources', sourceId: outcome.source?.id }]);
  });

  it('writes blocks on the relaxed connection and commits on the strict one, as the worker does', async () => {
    const database = await freshDb();
    // Two more connections to the same database, opened as the import worker opens them.
    const relaxed = new DebriefDatabase({ name: database.name, durability: 'relaxed' });
    const strict = new DebriefDatabase({ name: database.name, durability: 'strict' });
    const writes: { connection: string; durability: IDBTransactionDurability; stores: string[] }[] = [];
    for (const [connection, db] of [['relaxed', relaxed], ['strict', strict]] as const) {
      db.use({
        stack: 'dbcore',
        name: 'record-durability',
        create: (down) => ({
          ...down,
          transaction(stores, mode, options) {
            const transaction = down.transaction(stores, mode, options) as unknown as IDBTransaction;
            if (mode === 'readwrite') writes.push({ connection, durability: transaction.durability, stores: [...stores] });
            return transaction as never;
          },
        }),
      });
    }
    try {
      const outcome = await writeImport(relaxed, request(), result([1, 2, 3]), { blockSize: 1, commitWith: strict });
      expect(outcome.source?.state).toBe('committed');
      // Each write was made with its connection's durability, as IndexedDB recorded it.
      expect(writes.every((w) => w.durability === w.connection)).toBe(true);
      // The one transaction that makes the import visible is the strict connection's only write.
      expect(writes.filter((w) => w.connection === 'strict')).toEqual([{ connection: 'strict', durability: 'strict', stores: expect.arrayContaining(['sources', 'eventBlocks']) as string[] }]);
      expect(writes.filter((w) => w.connection === 'relaxed' && w.stores.includes('eventBlocks')).length).toBeGreaterThanOrEqual(3);
    } finally {
      relaxed.close();
      strict.close();
    }
  });

  it('commits with the same few writes whatever the import\'s size: it finishes as soon as its last block is written', async () => {
    const commitWrites = async (events: number) => {
      const database = await freshDb();
      const strict = new DebriefDatabase({ name: database.name, durability: 'strict' });
      const writes: string[] = [];
      strict.use({
        stack: 'dbcore',
        name: 'record-writes',
        create: (down) => ({
          ...down,
          table(name) {
            const table = down.table(name);
            return { ...table, mutate: (req) => (writes.push(`${name} ${req.type} ${'values' in req && req.values ? req.values.length : 'keys' in req && req.keys ? req.keys.length : 0}`), table.mutate(req)) };
          },
        }),
      });
      try {
        const ids = Array.from({ length: events }, (_, i) => i);
        const outcome = await writeImport(database, request(), result(ids), { blockSize: 4, commitWith: strict });
        expect(outcome.added).toBe(events);
        return writes.sort();
      } finally {
        strict.close();
      }
    };
    const small = await commitWrites(3);
    expect(small.some((w) => w.startsWith('sources put 1'))).toBe(true);
    expect(small.some((w) => w.startsWith('eventBlocks'))).toBe(false);
    expect(await commitWrites(3000)).toEqual(small);
  });

  it('reports saving progress while a block is still being filled, not only once it is written', async () => {
    const database = await freshDb();
    const written: number[] = [];
    await writeImport(database, request(), result(Array.from({ length: 2500 }, (_, i) => i + 1)), {
      onProgress: (progress) => {
        if (progress.phase === 'writing') written.push(progress.written);
      },
    });
    // 2,500 events fit in one block: it is written once, at the end.
    expect(written).toEqual([1024, 2048, 2500]);
  });

  it('commits nothing when its staging row was taken away meanwhile', async () => {
    const database = await freshDb();
    const outcome = writeImport(database, request(), result([1, 2, 3, 4]), {
      blockSize: 1,
      onProgress: (progress) => {
        // Another window's clean-up discarding this import as abandoned.
        if (progress.phase === 'writing' && progress.written === 2) void database.sources.where('state').equals('staging').modify({ state: 'discarding' });
      },
    });
    await expect(outcome).rejects.toMatchObject({ code: 'STAGING_LOST' });
    expect(await loadVisibleEvents(database, 'inc-1')).toEqual([]);
    expect(await storedEvents(database)).toBe(0);
  });
});
