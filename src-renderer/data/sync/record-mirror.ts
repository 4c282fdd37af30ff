import type { DebriefDatabase } from '@db/schema';
import { onWrites, writeRecords, type RecordChange, type RecordTable, type WriteBatch } from '../write-log';
import { DELETED_FIELD, type FieldLog } from './field-log';

/**
 * What a deletion here means for the team: `sync` deletes the record for everyone; `keep` leaves
 * it with the team (deleting a shared incident here is leaving it); `as-defaults` says that a
 * missing record is one whose fields all have their default values (an event's pin and
 * redactions: unpinning the last thing deletes the record, and must not wipe a teammate's
 * concurrent redaction).
 */
export type MirroredDeletes = 'sync' | 'keep' | 'as-defaults';

/** How one table of a shared document is replicated field by field (see mirrored-tables.ts). */
export interface MirroredTable<T extends object> {
  /** The Y.Map of the shared document that holds this table's field writes. */
  name: string;
  /** The table in the write log (data/write-log.ts) whose local writes travel. */
  table: RecordTable;
  /** The fields that travel; the others (ids, updatedAt, local-only state) stay on this machine. */
  fields: readonly (keyof T & string)[];
  deletes: MirroredDeletes;
  /** For `as-defaults`: each field's value when there is no record. */
  defaults?: Partial<Record<keyof T & string, unknown>>;
  /** The record's key in its table. */
  keyOf(record: T): string;
  /** Whether a written record belongs to this document (`scope`: the incident id, or the team). */
  belongs(record: Record<string, unknown>, scope: string): boolean;
  /** When the record was last changed on this machine; 0 when the record does not say. */
  updatedAt(record: T): number;
  /** The document's records, read once when the mirror starts. */
  query(database: DebriefDatabase, scope: string): Promise<T[]>;
  /**
   * Builds a record to store from values that came from the server (untrusted: validate and
   * complete with defaults). `writtenAt` is the latest write of any of its fields.
   */
  restore(values: Record<string, unknown>, at: { key: string; scope: string; writtenAt: number }): T;
  /** Tells views that do not watch the table (events) which records a teammate changed. */
  afterRemote?(database: DebriefDatabase, scope: string, keys: string[]): void;
}

const json = (value: unknown): string => JSON.stringify(value === undefined ? null : value);

/**
 * Keeps a Dexie table (what the UI reads) and the shared document's field writes in step, in
 * both directions. Local edits arrive from the write log (every write of the data layer passes
 * there, with the fields it changed), so an import or a write to another incident costs one
 * comparison and no read; they are written to the shared document at once. What teammates
 * wrote is stored with origin 'remote', which the write log reports and this mirror ignores.
 * When the mirror starts it compares what this machine has with the shared document once: the
 * side changed later wins each field.
 */
export class RecordMirror<T extends object> {
  private queue: Promise<void> = Promise.resolve();
  private stopFns: (() => void)[] = [];
  private readonly fieldSet: ReadonlySet<string>;

  constructor(
    private readonly database: DebriefDatabase,
    private readonly log: FieldLog,
    private readonly def: MirroredTable<T>,
    private readonly scope: string,
    private readonly writer: { name: string; now?: () => number },
    private readonly onError: (error: unknown) => void,
  ) {
    this.fieldSet = new Set(def.fields);
  }

  start(): void {
    if (this.stopFns.length) return;
    this.stopFns.push(
      this.log.onChange((ids, local) => {
        if (!local) this.enqueue(() => this.applyRemote(ids));
      }),
      onWrites((batch) => {
        try {
          this.captureBatch(batch);
        } catch (error) {
          this.onError(error);
        }
      }),
    );
    this.enqueue(() => this.firstPass());
  }

  stop(): void {
    for (const stop of this.stopFns.splice(0)) stop();
  }

  /** Resolves once every change seen so far is handled (tests, leave/unshare). */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => this.onError(error));
  }

  private editTime(key: string): number {
    // A fresh edit is later than anything the user could have seen.
    return Math.max(this.writer.now?.() ?? Date.now(), this.log.lastWriteAt(key) + 1);
  }

  /** Local writes (this window's data layer) go to the shared document as they commit. */
  private captureBatch(batch: WriteBatch): void {
    if (batch.database !== this.database.name || batch.origin === 'remote') return;
    // Purging a deleted incident removes its records here only; the team keeps them.
    if (batch.writes.some((write) => write.table === 'incidents' && write.op === 'delete' && write.key === this.scope)) return;
    for (const write of batch.writes) {
      if (write.table !== this.def.table) continue;
      if (write.op === 'put') {
        if (!write.value || !this.def.belongs(write.value, this.scope)) continue;
        this.writeLocal(write.key, write.fields, write.value);
      } else if (this.log.has(write.key)) {
        this.writeDeleted(write.key);
      }
    }
  }

  private writeLocal(key: string, fields: readonly string[], value: Record<string, unknown>): void {
    const logged = this.log.fields(key);
    const changed: Record<string, unknown> = {};
    for (const field of fields) {
      if (!this.fieldSet.has(field)) continue;
      const current = logged?.get(field)?.current;
      if (current && json(current.v) === json(value[field])) continue;
      changed[field] = value[field];
    }
    if (this.def.deletes !== 'as-defaults' && logged?.get(DELETED_FIELD)?.current.v === true) changed[DELETED_FIELD] = false;
    if (Object.keys(changed).length) this.log.write(key, changed, this.editTime(key), this.writer.name);
  }

  private writeDeleted(key: string): void {
    if (this.def.deletes === 'sync') {
      if (!this.log.isDeleted(key)) this.log.write(key, { [DELETED_FIELD]: true }, this.editTime(key), this.writer.name);
    } else if (this.def.deletes === 'as-defaults') {
      this.writeLocal(key, this.def.fields, { ...this.def.defaults });
    }
  }

  /**
   * Once, when the mirror starts: records written here that the shared document lacks (or has
   * older) go to it, and records it has that are newer or missing here are stored.
   */
  private async firstPass(): Promise<void> {
    const records = await this.def.query(this.database, this.scope);
    const remote = new Set(this.log.recordIds());
    for (const record of records) {
      const key = this.def.keyOf(record);
      if (this.captureFirstSight(key, record)) remote.add(key);
    }
    if (remote.size) await this.applyRemote(remote);
  }

  /** Returns true when the shared document holds newer values of some field. */
  private captureFirstSight(key: string, record: T): boolean {
    const logged = this.log.fields(key);
    const values = record as Record<string, unknown>;
    const updatedAt = this.def.updatedAt(record);
    const changed: Record<string, unknown> = {};
    let remoteNewer = false;
    const fields: string[] = [...this.def.fields];
    if (this.def.deletes !== 'as-defaults') fields.push(DELETED_FIELD);
    for (const field of fields) {
      const value = field === DELETED_FIELD ? false : values[field];
      const current = logged?.get(field)?.current;
      if (current && json(current.v) === json(value)) continue;
      if (current && current.at >= updatedAt) {
        remoteNewer = true;
        continue;
      }
      changed[field] = value;
    }
    // A record seen for the first time keeps its own edit time.
    if (Object.keys(changed).length) this.log.write(key, changed, updatedAt, this.writer.name);
    return remoteNewer;
  }

  private restored(key: string, current: T | undefined, values: Record<string, unknown>): T | null {
    const synced: Record<string, unknown> = {};
    for (const field of this.def.fields) if (field in values) synced[field] = values[field];
    try {
      return this.def.restore({ ...(current ?? {}), ...synced }, { key, scope: this.scope, writtenAt: this.log.lastWriteAt(key) });
    } catch (error) {
      // A malformed write from a teammate's app is reported, and never stored.
      this.onError(error);
      return null;
    }
  }

  private isDefault(record: T): boolean {
    const values = record as Record<string, unknown>;
    return this.def.fields.every((field) => json(values[field]) === json(this.def.defaults?.[field]));
  }

  /** Stores what teammates wrote, as one 'remote' batch of the write log. */
  private async applyRemote(keys: Set<string>): Promise<void> {
    const table = this.database.table<T, string>(this.def.table);
    const changed: string[] = [];
    await this.database.transaction('rw', table, async () => {
      const changes: RecordChange[] = [];
      const currents = await table.bulkGet([...keys]);
      [...keys].forEach((key, index) => {
        const current = currents[index];
        const values = this.log.values(key);
        if (!values) return;
        const deleted = values[DELETED_FIELD] === true;
        const next = deleted ? null : this.restored(key, current, values);
        if (!deleted && !next) return;
        if (deleted || (this.def.deletes === 'as-defaults' && next && this.isDefault(next))) {
          if (current && this.def.deletes !== 'keep') {
            changes.push({ table: this.def.table, op: 'delete', key });
            changed.push(key);
          }
          return;
        }
        const currentValues = current as Record<string, unknown> | undefined;
        const nextValues = next as Record<string, unknown>;
        if (currentValues && this.def.fields.every((field) => json(currentValues[field]) === json(nextValues[field]))) return;
        changes.push({ table: this.def.table, op: 'put', value: nextValues });
        changed.push(key);
      });
      await writeRecords(this.database, changes, 'remote');
    });
    if (changed.length) this.def.afterRemote?.(this.database, this.scope, changed);
  }
}
