import { describe, expect, it } from 'vitest';
import { createTestDatabases } from './test-database';
import { newImportedEvent, type ActorRef, type ImportedEvent, type ParseResult } from '@core/importers/imported-records';
import { discardSource, findEarlierImport, listSources, writeImport, type ImportRequest } from './import-store';
import { loadVisibleEvents } from './visible-events';

const freshDb = createTestDatabases('import-store');

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
    const outcome = await writeImport(database, request(), result([1, 2, 3]), { chunkSize: 2 });
    expect(outcome.added).toBe(3);
    expect(outcome.source.state).toBe('committed');
    expect(outcome.source.counts).toEqual({ added: 3, duplicates: 0, skipped: 2, warnings: 1 });
    const events = await loadVisibleEvents(database, 'inc-1');
    expect(events.map((e) => e.text)).toEqual(['message e1', 'message e2', 'message e3']);
    const person = (await database.people.toArray())[0];
    expect(events[0]).toMatchObject({ incidentId: 'inc-1', sourceId: outcome.source.id, actorId: person?.id, actorName: 'Dana Ortiz', pinned: false, redacted: false, redactions: [] });
    expect(events[0]).not.toHaveProperty('actorExternalId');
  });

  it('adds nothing when the same file is imported again, and reports when it was imported first', async () => {
    const database = await freshDb();
    const first = await writeImport(database, request('same'), result([1, 2, 3]));
    const again = await writeImport(database, request('same'), result([1, 2, 3]));
    expect(again.added).toBe(0);
    expect(again.duplicates).toBe(3);
    expect(await database.events.count()).toBe(3);
    expect((await findEarlierImport(database, 'inc-1', 'same'))?.id).toBe(first.source.id);
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
      chunkSize: 2,
      signal: flag,
      onProgress: () => {
        flag.aborted = true;
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await database.events.count()).toBe(1);
    expect(await database.sources.count()).toBe(1);
  });

  it('rolls back and keeps no new people when a write fails part-way', async () => {
    const database = await freshDb();
    const bad = result([1, 2, 3]);
    // A function cannot be stored: the second chunk's bulkAdd fails after the first was written.
    (bad.events[2] as { raw: unknown }).raw = () => 1;
    await expect(writeImport(database, request(), bad, { chunkSize: 2 })).rejects.toThrow();
    expect(await database.events.count()).toBe(0);
    expect(await database.sources.count()).toBe(0);
    expect(await database.people.count()).toBe(0);
  });

  it('removing a source removes exactly its events', async () => {
    const database = await freshDb();
    const a = await writeImport(database, request('a'), result([1, 2]));
    await writeImport(database, request('b'), result([2, 3, 4]));
    expect(await discardSource(database, a.source.id)).toBe(2);
    expect((await loadVisibleEvents(database, 'inc-1')).map((e) => e.text)).toEqual(['message e3', 'message e4']);
    expect((await listSources(database, 'inc-1')).map((s) => s.sha256)).toEqual(['b']);
  });
});
