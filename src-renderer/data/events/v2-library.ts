import '@db/__fixtures__/test-browser-globals';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { importInto } from 'dexie-export-import';
import { afterEach, expect } from 'vitest';
import type { TimelineEvent } from '@core/model/event';
import { contentHash } from '@db/__fixtures__/content-hash';
import { listPeopleWithCounts } from '@db/people-store';
import type { DebriefDatabase } from '@db/schema';
import { loadVisibleEvents } from './load-events';


/** For tests: a version-2 library, its backup, and what version 2 showed of it. */

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../db/__fixtures__/${name}`, import.meta.url)));
export const backup = (databaseName = 'debrief') => {
  const json = JSON.parse(fixture('library-v2.backup.json').toString()) as { data: { databaseName: string } };
  json.data.databaseName = databaseName;
  return new Blob([JSON.stringify(json)]);
};

interface Expected {
  tables: Record<string, { count: number; hash: string }>;
  committedSources: { count: number; hash: string };
  incidents: Record<string, { count: number; hash: string; order: string }>;
  peopleCounts: { count: number; hash: string };
}
const expected = JSON.parse(fixture('library-v2.expected.json').toString()) as Expected;

/** Version 2's schema, exactly as it shipped. */
export class V2Database extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      incidents: 'id, updatedAt, severity, status, startedAt, deletedAt',
      sources: 'id, incidentId, state, [incidentId+sha256]',
      events: 'id, [incidentId+at], &[incidentId+dedupeKey], sourceId, [incidentId+threadParentKey]',
      people: 'id, *matchKeys, displayName',
      milestones: 'id, incidentId, [incidentId+at]',
      annotations: 'id, incidentId, eventId, updatedAt',
      documents: 'id, incidentId, [incidentId+kind]',
      actionItems: 'id, incidentId, ownerId, status, dueAt, priority, updatedAt',
      settings: 'key',
    });
    this.version(2).stores({
      events: 'id, [incidentId+at], &[incidentId+dedupeKey], sourceId, [incidentId+threadParentKey], actorId',
    });
  }
}

let counter = 0;
const opened: { name: string; close(): void }[] = [];

/** A fresh database name; the database is deleted after the test. */
export function testDatabaseName(prefix: string): string {
  return `${prefix}-${++counter}`;
}

/** Closes and deletes the database after the test. */
export function closeAfterTest(database: { name: string; close(): void }): void {
  opened.push(database);
}
afterEach(async () => {
  for (const database of opened.splice(0)) {
    database.close();
    await Dexie.delete(database.name);
  }
});

export async function v2Library(): Promise<{ name: string; v2: V2Database }> {
  const name = testDatabaseName('upgrade');
  const v2 = new V2Database(name);
  closeAfterTest(v2);
  await importInto(v2 as unknown as Parameters<typeof importInto>[0], backup(), { acceptNameDiff: true });
  return { name, v2 };
}

const V2_FIELDS = ['id', 'incidentId', 'fileName', 'size', 'sha256', 'format', 'state', 'counts', 'warnings', 'importedAt'] as const;

export async function expectEverythingV2Showed(database: DebriefDatabase): Promise<void> {
  for (const [table, want] of Object.entries(expected.tables)) {
    const stored = (await database.table(table).toArray()) as { id?: string; key?: string; slaStartAt?: unknown }[];
    // The SLA start is derived on the way in (upgrade, restore); v2 did not store it.
    const rows = table === 'actionItems' ? stored.map(({ slaStartAt: _derived, ...row }) => row) : stored;
    expect({ table, count: rows.length, hash: contentHash(rows, (r) => String(r.id ?? r.key)) }).toEqual({ table, ...want });
  }
  const sources = (await database.sources.where('state').equals('committed').toArray()).map((s) => Object.fromEntries(V2_FIELDS.map((f) => [f, s[f]])) as { id: string });
  expect({ count: sources.length, hash: contentHash(sources, (s) => s.id) }).toEqual(expected.committedSources);
  for (const [incidentId, want] of Object.entries(expected.incidents)) {
    const events = await loadVisibleEvents(database, incidentId, { withRaw: true });
    expect({ incidentId, count: events.length, hash: contentHash(events, (e) => e.id) }).toEqual({ incidentId, count: want.count, hash: want.hash });
    expectV2Order(events);
  }
  // Version 2 counted every stored event by author, including the interrupted import's invisible
  // ones; version 3 counts what is visible. Adding those back gives exactly v2's counts.
  const invisible = invisibleEventsByAuthor();
  const counts = (await listPeopleWithCounts(database)).map(({ person, events }) => ({ id: person.id, events: events + (invisible.get(person.id) ?? 0) }));
  expect({ count: counts.length, hash: contentHash(counts, (c) => c.id) }).toEqual(expected.peopleCounts);
}

function invisibleEventsByAuthor(): Map<string, number> {
  const json = JSON.parse(fixture('library-v2.backup.json').toString()) as { data: { data: { tableName: string; rows: Record<string, unknown>[] }[] } };
  const table = (name: string) => json.data.data.find((t) => t.tableName === name)?.rows ?? [];
  const committed = new Set(table('sources').filter((s) => s.state === 'committed').map((s) => s.id));
  const counts = new Map<string, number>();
  for (const event of table('events')) {
    if (committed.has(event.sourceId) || typeof event.actorId !== 'string') continue;
    counts.set(event.actorId, (counts.get(event.actorId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Version 2 ordered events by time, then by their (random) id; version 3 keeps each source's
 * order and puts same-millisecond events of different sources in import order. So: by time, and
 * within each source exactly v2's order.
 */
function expectV2Order(events: readonly TimelineEvent[]): void {
  for (let i = 1; i < events.length; i++) expect(events[i].at).toBeGreaterThanOrEqual(events[i - 1].at);
  const bySource = new Map<string, TimelineEvent[]>();
  for (const event of events) bySource.set(event.sourceId, [...(bySource.get(event.sourceId) ?? []), event]);
  for (const list of bySource.values()) {
    const v2 = [...list].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(list.map((e) => e.id)).toEqual(v2.map((e) => e.id));
  }
}

