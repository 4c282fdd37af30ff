import Dexie from 'dexie';
import { dequal } from 'dequal';
import type { DebriefDatabase } from '@db/schema';
import { DataLayerError } from './data-layer-error';

/**
 * The one place every record write of the data layer passes through. Aggregate modules never
 * call `put`/`delete` on a table themselves: they call `writeRecords` (or `putRecord`,
 * `deleteRecord`), which writes inside the caller's transaction and, once that transaction has
 * committed, tells every `onWrites` listener which records changed and which fields. Team sync
 * listens here to replicate local writes, and applies what others wrote with origin 'remote' so
 * it does not send them back. A transaction that aborts reports nothing.
 */

/** The tables of small records (events in blocks are written by data/events' import path). */
export type RecordTable = 'incidents' | 'sources' | 'people' | 'milestones' | 'annotations' | 'documents' | 'actionItems' | 'settings' | 'eventState' | 'manualEvents';

/** Who made a write: this user here, a team-mate through sync, or a backup being restored. */
export type WriteOrigin = 'local' | 'remote' | 'restore';

export type RecordChange = { table: RecordTable; op: 'put'; value: object } | { table: RecordTable; op: 'delete'; key: string };

/** One record written: `fields` are the top-level fields that differ from before (all for a new record). */
export interface RecordWrite {
  table: RecordTable;
  key: string;
  op: 'put' | 'delete';
  fields: string[];
  /** The record as stored now; undefined after a delete. */
  value: Record<string, unknown> | undefined;
}

/** The writes of one committed transaction, in the order they were made. */
export interface WriteBatch {
  database: string;
  origin: WriteOrigin;
  writes: RecordWrite[];
}

export type WriteListener = (batch: WriteBatch) => void;

const listeners = new Set<WriteListener>();

/** Listens to every committed batch of record writes; returns the unsubscribe. */
export function onWrites(listener: WriteListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface Pending {
  database: string;
  byOrigin: Map<WriteOrigin, RecordWrite[]>;
}

// Writes collected per native transaction, reported when it completes.
const pending = new WeakMap<IDBTransaction, Pending>();

function collect(database: DebriefDatabase, origin: WriteOrigin, writes: RecordWrite[]): void {
  const idbtrans = Dexie.currentTransaction?.idbtrans;
  if (!idbtrans) throw new DataLayerError('NO_TRANSACTION', 'Record writes run inside a transaction.');
  let entry = pending.get(idbtrans);
  if (!entry) {
    const created: Pending = { database: database.name, byOrigin: new Map() };
    pending.set(idbtrans, created);
    idbtrans.addEventListener('complete', () => publish(created));
    entry = created;
  }
  const list = entry.byOrigin.get(origin) ?? [];
  list.push(...writes);
  entry.byOrigin.set(origin, list);
}

function publish(entry: Pending): void {
  for (const [origin, writes] of entry.byOrigin) {
    if (writes.length === 0) continue;
    const batch: WriteBatch = { database: entry.database, origin, writes };
    for (const listener of [...listeners]) {
      try {
        listener(batch);
      } catch (error) {
        // A listener's failure must not hide the write from the others; it is reported, not swallowed.
        console.error('A write listener failed', error);
      }
    }
  }
}

function keyOf(database: DebriefDatabase, table: RecordTable, value: object): string {
  const keyPath = database.table(table).schema.primKey.keyPath;
  const key = typeof keyPath === 'string' ? (value as Record<string, unknown>)[keyPath] : undefined;
  if (typeof key !== 'string' || key === '') throw new DataLayerError('BAD_KEY', `A ${table} record needs a string key.`);
  return key;
}

/** Top-level fields whose values differ between two versions of a record. */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): string[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...names].filter((name) => !dequal(before?.[name], after?.[name])).sort();
}

/**
 * Writes records (puts replace the whole record) in one transaction, joining the caller's
 * transaction when there is one. Unchanged puts and deletes of missing records are not reported.
 */
export async function writeRecords(database: DebriefDatabase, changes: readonly RecordChange[], origin: WriteOrigin = 'local'): Promise<RecordWrite[]> {
  if (changes.length === 0) return [];
  const tables = [...new Set(changes.map((c) => c.table))].map((name) => database.table(name));
  return database.transaction('rw', tables, async () => {
    const writes: RecordWrite[] = [];
    for (const change of changes) {
      const table = database.table(change.table);
      const key = change.op === 'put' ? keyOf(database, change.table, change.value) : change.key;
      const before = (await table.get(key)) as Record<string, unknown> | undefined;
      if (change.op === 'put') {
        const value = change.value as Record<string, unknown>;
        const fields = changedFields(before, value);
        if (before && fields.length === 0) continue;
        await table.put(value);
        writes.push({ table: change.table, key, op: 'put', fields, value });
      } else {
        if (!before) continue;
        await table.delete(key);
        writes.push({ table: change.table, key, op: 'delete', fields: Object.keys(before).sort(), value: undefined });
      }
    }
    if (writes.length > 0) collect(database, origin, writes);
    return writes;
  });
}

export async function putRecord<T extends object>(database: DebriefDatabase, table: RecordTable, value: T, origin: WriteOrigin = 'local'): Promise<T> {
  await writeRecords(database, [{ table, op: 'put', value }], origin);
  return value;
}

export async function deleteRecord(database: DebriefDatabase, table: RecordTable, key: string, origin: WriteOrigin = 'local'): Promise<void> {
  await writeRecords(database, [{ table, op: 'delete', key }], origin);
}

/** Deletes every record of `table` whose `index` equals `value` (cascades), reporting each one. */
export async function deleteWhere(database: DebriefDatabase, table: RecordTable, index: string, value: string, origin: WriteOrigin = 'local'): Promise<number> {
  return database.transaction('rw', database.table(table), async () => {
    const keys = (await database.table(table).where(index).equals(value).primaryKeys()) as string[];
    const writes = await writeRecords(database, keys.map((key) => ({ table, op: 'delete' as const, key })), origin);
    return writes.length;
  });
}
