import { contentHash } from '@db/__fixtures__/content-hash';
import type { DebriefDatabase } from '@db/schema';
import { loadVisibleEvents } from '../events';

export type TableHashes = Record<string, { count: number; hash: string }>;

/** A record's key whatever the table: `id`, a setting's `key`, or an event block's source and number. */
function recordKey(record: { id?: unknown; key?: unknown; sourceId?: unknown; seq?: unknown }): string {
  if (typeof record.id === 'string') return record.id;
  if (typeof record.key === 'string') return record.key;
  return `${String(record.sourceId)}/${String(record.seq).padStart(8, '0')}`;
}

/** Fields an upgrade derives and adds, per table: left out when comparing with what an older version stored. */
export type DerivedFields = Readonly<Record<string, readonly string[]>>;

/** Every table of the library: its record count and the SHA-256 of its content, for before/after comparisons. */
export async function libraryTableHashes(database: DebriefDatabase, derived: DerivedFields = {}): Promise<TableHashes> {
  const hashes: TableHashes = {};
  for (const table of [...database.tables].sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const omit = derived[table.name] ?? [];
    const stored = (await table.toArray()) as Record<string, unknown>[];
    const rows = stored.map((row) => (omit.length === 0 ? row : Object.fromEntries(Object.entries(row).filter(([field]) => !omit.includes(field))))) as Parameters<typeof recordKey>[0][];
    hashes[table.name] = { count: rows.length, hash: contentHash(rows, recordKey) };
  }
  return hashes;
}

/** Every incident's events as the timeline loads them (original records included): count and content hash. */
export async function visibleEventHashes(database: DebriefDatabase): Promise<TableHashes> {
  const hashes: TableHashes = {};
  for (const incident of await database.incidents.orderBy('id').toArray()) {
    const events = await loadVisibleEvents(database, incident.id, { withRaw: true });
    hashes[incident.id] = { count: events.length, hash: contentHash(events, (e) => e.id) };
  }
  return hashes;
}
