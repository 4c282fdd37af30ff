import '@db/__fixtures__/test-browser-globals';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { importInto } from 'dexie-export-import';
import type { TableHashes } from './library-hashes';

/** For tests: the library version 4 built (db/__fixtures__/library-v4.*, see generate-library-v4.test.ts). */

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../db/__fixtures__/${name}`, import.meta.url)));

/** The backup file version 4 made of it, renamed for the database it is restored into. */
export function v4Backup(databaseName: string): Blob {
  const json = JSON.parse(fixture('library-v4.backup.json').toString()) as { data: { databaseName: string } };
  json.data.databaseName = databaseName;
  return new Blob([JSON.stringify(json)]);
}

/** What version 4 showed: every table's count and content hash, and each incident's events. */
export const V4_SHOWED = JSON.parse(fixture('library-v4.expected.json').toString()) as { tables: TableHashes; events: TableHashes };

/** Version 4's schema, exactly as it shipped (its tables and indexes; no read hooks in this copy). */
export class V4Database extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(4).stores({
      incidents: 'id, updatedAt, severity, status, startedAt, deletedAt',
      sources: 'id, incidentId, state, [incidentId+sha256], [incidentId+state]',
      eventBlocks: '[sourceId+seq], incidentId',
      eventRaw: '[sourceId+seq], incidentId',
      eventKeys: '[sourceId+seq], incidentId',
      eventState: 'id, incidentId',
      manualEvents: 'id, incidentId',
      people: 'id, *matchKeys, displayName',
      milestones: 'id, incidentId, [incidentId+at]',
      annotations: 'id, incidentId, eventId, updatedAt',
      documents: 'id, incidentId, [incidentId+kind]',
      actionItems: 'id, incidentId, ownerId, status, dueAt, priority, updatedAt',
      settings: 'key',
    });
  }
}

/** A version-4 library on disk (fake-indexeddb) holding the fixture; closed, ready to be upgraded. */
export async function v4Library(name: string): Promise<void> {
  const v4 = new V4Database(name);
  await importInto(v4 as unknown as Parameters<typeof importInto>[0], v4Backup(name), { acceptNameDiff: true });
  v4.close();
}
