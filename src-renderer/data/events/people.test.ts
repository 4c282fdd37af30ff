import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import { newImportedEvent, type ActorRef, type ImportedEvent, type ParseResult } from '@core/importers/imported-records';
import type { SourceFormat } from '@core/model/source';
import type { DebriefDatabase } from '@db/schema';
import { listPeopleWithCounts, mergePeople, normaliseName, renamePerson, splitAlias, undoMerge } from '@db/people-store';
import { writeImport } from './import-store';
import { loadVisibleEvents } from './load-events';

/** Every event of the test incident as the timeline shows it. */
const shown = (database: DebriefDatabase) => loadVisibleEvents(database, 'inc');

const freshDb = createTestDatabases('people-store');

const actor = (sourceFormat: SourceFormat, externalId: string, name: string, email: string | null = null): ActorRef => ({ sourceFormat, externalId, name, email, unknown: false, bot: false });

function parse(format: SourceFormat, actors: ActorRef[]): ParseResult {
  const events: ImportedEvent[] = actors.map((a, i) =>
    newImportedEvent({
      sourceFormat: format,
      dedupeKey: `${format}:${a.externalId}:${i}`,
      at: 1000 + i,
      actorExternalId: a.externalId,
      actorName: a.name,
      text: `${a.name} says ${i}`,
    }),
  );
  return { format, events, actors, warnings: [], skipped: [] };
}

async function load(database: DebriefDatabase, format: SourceFormat, actors: ActorRef[]) {
  await writeImport(database, { incidentId: 'inc', fileName: format, size: 1, sha256: format, format }, parse(format, actors));
}

async function names(database: DebriefDatabase) {
  return (await listPeopleWithCounts(database)).map(({ person, events }) => `${person.displayName}:${person.aliases.length}:${events}`);
}

describe('matching actors to people', () => {
  it('matches by alias, then email, then case- and accent-insensitive name, else creates a person', async () => {
    const database = await freshDb();
    await load(database, 'slack-export', [actor('slack-export', 'U1', 'José Núñez', 'jose@example.test'), actor('slack-export', 'U2', 'Dana Ortiz')]);
    await load(database, 'pagerduty', [actor('pagerduty', 'P1', 'J. Nunez', 'JOSE@example.test'), actor('pagerduty', 'P2', 'dana ortiz'), actor('pagerduty', 'P3', 'Sam Lee')]);
    await load(database, 'csv-timeline', [actor('csv-timeline', 'jose nunez', 'jose nunez')]);
    expect(await names(database)).toEqual(['Dana Ortiz:2:2', 'José Núñez:3:3', 'Sam Lee:1:1']);
    const events = (await shown(database)).filter((e) => e.actorName === 'José Núñez').length;
    expect(events).toBe(3);
  });

  it('normalises names for matching', () => {
    expect(normaliseName('  ÉMILE  Zola ')).toBe('emile zola');
  });
});

describe('editing people', () => {
  it('renames a person on every event they wrote', async () => {
    const database = await freshDb();
    await load(database, 'slack-export', [actor('slack-export', 'U1', 'dana')]);
    const [person] = await database.people.toArray();
    await renamePerson(database, person?.id ?? '', 'Dana Ortiz');
    expect((await shown(database)).map((e) => e.actorName)).toEqual(['Dana Ortiz']);
  });

  it('merges people, repoints their events, and undo restores both exactly', async () => {
    const database = await freshDb();
    await load(database, 'slack-export', [actor('slack-export', 'U1', 'dana'), actor('slack-export', 'U2', 'D. Ortiz')]);
    const before = await shown(database);
    const [a, b] = await database.people.orderBy('displayName').toArray();
    const undo = await mergePeople(database, a?.id ?? '', [b?.id ?? '']);
    expect(await names(database)).toEqual(['D. Ortiz:2:2']);
    expect(new Set((await shown(database)).map((e) => e.actorId))).toEqual(new Set([a?.id]));
    expect(new Set((await shown(database)).map((e) => e.actorName))).toEqual(new Set(['D. Ortiz']));
    await undoMerge(database, undo);
    expect(await shown(database)).toEqual(before);
    expect(await names(database)).toEqual(['D. Ortiz:1:1', 'dana:1:1']);
  });

  it('splits an alias into a new person taking exactly its events along', async () => {
    const database = await freshDb();
    await load(database, 'slack-export', [actor('slack-export', 'U1', 'dana'), actor('slack-export', 'U2', 'Dana (work)'), actor('slack-export', 'U1', 'dana')]);
    const [a, b] = await database.people.orderBy('displayName').toArray();
    await mergePeople(database, b?.id ?? '', [a?.id ?? '']);
    const created = await splitAlias(database, b?.id ?? '', 'slack-export:U2');
    expect(created.displayName).toBe('Dana (work)');
    // Sorted by name ignoring case: "dana" before "Dana (work)".
    expect(await names(database)).toEqual(['dana:1:2', 'Dana (work):1:1']);
    expect((await shown(database)).map((e) => `${e.actorName}:${e.actorId === created.id}`)).toEqual(['dana:false', 'Dana (work):true', 'dana:false']);
    await expect(splitAlias(database, created.id, 'slack-export:U2')).rejects.toMatchObject({ code: 'INVALID' });
  });
});
