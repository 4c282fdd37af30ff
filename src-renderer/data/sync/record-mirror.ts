import { liveQuery, type EntityTable, type IDType, type Subscription } from 'dexie';
import type { DebriefDatabase } from '@db/schema';
import { DELETED_FIELD, type FieldLog } from './field-log';

/** How one table of an incident is replicated field by field (see mirrored-tables.ts). */
export interface MirroredTable<T extends { id: string; updatedAt: number }> {
  /** The Y.Map of the incident document that holds this table's field writes. */
  name: string;
  /** The fields that travel; the others (ids, updatedAt, local-only state) stay on this machine. */
  fields: readonly (keyof T & string)[];
  /** False for the incident itself: deleting a shared incident here means leaving it, not deleting it for the team. */
  syncDeletes: boolean;
  table(database: DebriefDatabase): EntityTable<T, 'id'>;
  /** This incident's records (run inside a live query). */
  query(database: DebriefDatabase, incidentId: string): Promise<T[]>;
  /** Builds a record to store from values that came from the server (untrusted): validated and completed with defaults. */
  restore(values: Record<string, unknown>, incidentId: string): T;
}

type Snapshot = Map<string, string>;

const json = (value: unknown): string => JSON.stringify(value === undefined ? null : value);

/**
 * Keeps a Dexie table (what the UI reads) and the shared document's field writes in step, in
 * both directions. Local edits are found by comparing each record with the last values this
 * mirror saw in Dexie (`base`): a field that differs was changed here and is written to the
 * shared document; a remote write is stored in Dexie unless the same field has a local change
 * not yet written (that one is written first, as the later edit).
 */
export class RecordMirror<T extends { id: string; updatedAt: number }> {
  private readonly base = new Map<string, Snapshot>();
  private queue: Promise<void> = Promise.resolve();
  private subscription: Subscription | null = null;
  private unobserve: (() => void) | null = null;
  private started = false;

  constructor(
    private readonly database: DebriefDatabase,
    private readonly log: FieldLog,
    private readonly def: MirroredTable<T>,
    private readonly incidentId: string,
    private readonly writer: { name: string; now?: () => number },
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.unobserve = this.log.onChange((ids, local) => {
      if (!local) this.enqueue(() => this.applyRemote(ids));
    });
    // First pass at once (so idle() covers it): local records not yet in the log are written,
    // and records the log has and this machine lacks (joined, or made elsewhere while this app
    // was closed) are stored.
    this.enqueue(() => this.pass(true));
    // The live query only signals that something changed: each pass reads the records afresh
    // inside the queue, because an emission can predate a remote change this mirror just
    // stored, and treating that stale copy as a local edit would undo the remote one.
    this.subscription = liveQuery(() => this.def.query(this.database, this.incidentId)).subscribe({
      next: () => this.enqueue(() => this.pass(false)),
      error: (error: unknown) => this.onError(error),
    });
  }

  private async pass(initial: boolean): Promise<void> {
    const records = await this.def.query(this.database, this.incidentId);
    const remoteNewer = this.captureLocal(records);
    const ids = initial ? new Set([...remoteNewer, ...this.log.recordIds()]) : remoteNewer;
    if (ids.size) await this.applyRemote(ids);
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.unobserve?.();
    this.subscription = null;
    this.unobserve = null;
    this.started = false;
  }

  /** Resolves once every change seen so far is handled (tests, leave/unshare). */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => this.onError(error));
  }

  private now(): number {
    return this.writer.now?.() ?? Date.now();
  }

  private snapshot(record: T): Snapshot {
    const snap: Snapshot = new Map(this.def.fields.map((field) => [field, json(record[field])]));
    snap.set(DELETED_FIELD, json(false));
    return snap;
  }

  /**
   * Writes local changes to the log. Returns the records where the log has a newer write than
   * this machine's record (seen for the first time since start): those are stored from the log.
   */
  private captureLocal(records: readonly T[]): Set<string> {
    const remoteNewer = new Set<string>();
    const present = new Set<string>();
    for (const record of records) {
      present.add(record.id);
      if (this.captureRecord(record)) remoteNewer.add(record.id);
    }
    for (const id of [...this.base.keys()]) {
      if (present.has(id)) continue;
      this.base.delete(id);
      if (this.def.syncDeletes && !this.log.isDeleted(id)) {
        this.log.write(id, { [DELETED_FIELD]: true }, this.editTime(id), this.writer.name);
      }
    }
    return remoteNewer;
  }

  /** Returns true when the log holds newer values than a record seen for the first time. */
  private captureRecord(record: T): boolean {
    const base = this.base.get(record.id);
    const snap = this.snapshot(record);
    const logged = this.log.fields(record.id);
    const changed: Record<string, unknown> = {};
    let remoteNewer = false;
    for (const [field, value] of snap) {
      if (base && base.get(field) === value) continue;
      const current = logged?.get(field)?.current;
      if (current && json(current.v) === value) continue;
      if (!base && current && current.at >= record.updatedAt) {
        remoteNewer = true;
        continue;
      }
      changed[field] = field === DELETED_FIELD ? false : record[field as keyof T];
    }
    this.base.set(record.id, snap);
    const names = Object.keys(changed);
    if (names.length) {
      // A record seen for the first time keeps its own edit time; a fresh edit is later than
      // anything the user could have seen.
      const at = base ? this.editTime(record.id) : record.updatedAt;
      this.log.write(record.id, changed, at, this.writer.name);
    }
    return remoteNewer;
  }

  private editTime(id: string): number {
    return Math.max(this.now(), this.log.lastWriteAt(id) + 1);
  }

  private async applyRemote(ids: Set<string>): Promise<void> {
    const table = this.def.table(this.database);
    await this.database.transaction('rw', table, async () => {
      for (const id of ids) {
        const key = id as IDType<T, 'id'>;
        const current = await table.get(key);
        // An edit made here that the live query has not reported yet is written first.
        if (current && this.base.has(id)) this.captureRecord(current);
        const values = this.log.values(id);
        if (!values) continue;
        if (values[DELETED_FIELD] === true) {
          if (current && this.def.syncDeletes) await table.delete(key);
          this.base.delete(id);
          continue;
        }
        const synced: Record<string, unknown> = {};
        for (const field of this.def.fields) if (field in values) synced[field] = values[field];
        let next: T;
        try {
          next = this.def.restore({
            ...(current ?? {}),
            ...synced,
            id,
            updatedAt: Math.max(current?.updatedAt ?? 0, this.log.lastWriteAt(id)),
          }, this.incidentId);
        } catch (error) {
          this.onError(error);
          continue;
        }
        const snap = this.snapshot(next);
        const before = current ? this.snapshot(current) : null;
        this.base.set(id, snap);
        if (before && [...snap].every(([field, value]) => before.get(field) === value)) continue;
        await table.put(next);
      }
    });
  }
}
