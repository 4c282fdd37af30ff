import type * as Y from 'yjs';

/**
 * Records as field-by-field writes in one flat Y.Map per table. Each device writes only its own
 * key per field, `<field>|<device>|<recordId>`, so Yjs never has to pick between two devices'
 * concurrent sets (it would pick by client id, not by time). The value a field has is the write
 * with the latest `at` (ties: the larger device id); the other devices' writes stay as the
 * field's history ("Ana set the owner to Sam at 10:02"). Two people changing different fields
 * both win; the same field: the later write wins and the other value is still shown.
 */
export interface FieldWrite {
  v: unknown;
  /** Epoch ms of the edit on the writer's clock. */
  at: number;
  /** The writer's name as set in Settings → Team sync (may be empty). */
  by: string;
}

export interface FieldValue extends FieldWrite {
  device: string;
}

export interface FieldState {
  /** The winning write. */
  current: FieldValue;
  /** The other devices' last writes of this field, latest first. */
  others: FieldValue[];
}

/** A field whose `true` marks the record deleted (deleting is a field write like any other). */
export const DELETED_FIELD = '_deleted';

const SEP = '|';

function entryKey(field: string, device: string, recordId: string): string {
  return `${field}${SEP}${device}${SEP}${recordId}`;
}

function parseKey(key: string): { field: string; device: string; recordId: string } | null {
  const first = key.indexOf(SEP);
  const second = key.indexOf(SEP, first + 1);
  if (first <= 0 || second <= first + 1 || second === key.length - 1) return null;
  return { field: key.slice(0, first), device: key.slice(first + 1, second), recordId: key.slice(second + 1) };
}

function isFieldWrite(value: unknown): value is FieldWrite {
  if (typeof value !== 'object' || value === null) return false;
  const write = value as Partial<FieldWrite>;
  return typeof write.at === 'number' && Number.isFinite(write.at) && typeof write.by === 'string' && 'v' in write;
}

function wins(a: FieldValue, b: FieldValue): boolean {
  return a.at !== b.at ? a.at > b.at : a.device > b.device;
}

/** The writes of one table of a shared document, indexed by record and field. */
export class FieldLog {
  private readonly index = new Map<string, Map<string, Map<string, FieldWrite>>>();
  private readonly listeners = new Set<(recordIds: Set<string>, local: boolean) => void>();

  constructor(
    readonly map: Y.Map<unknown>,
    readonly device: string,
  ) {
    map.forEach((value, key) => this.indexEntry(key, value));
    map.observe((event) => {
      const touched = new Set<string>();
      for (const key of event.keysChanged) {
        const parsed = parseKey(key);
        if (!parsed) continue;
        touched.add(parsed.recordId);
        this.indexEntry(key, map.get(key));
      }
      if (touched.size === 0) return;
      const local = event.transaction.local;
      for (const listener of this.listeners) listener(touched, local);
    });
  }

  static of(doc: Y.Doc, table: string, device: string): FieldLog {
    return new FieldLog(doc.getMap(table), device);
  }

  /** Writes this device's value of each field (call inside a transaction to send them as one update). */
  write(recordId: string, fields: Record<string, unknown>, at: number, by: string): void {
    const doc = this.map.doc;
    const run = () => {
      for (const [field, value] of Object.entries(fields)) {
        this.map.set(entryKey(field, this.device, recordId), { v: value === undefined ? null : value, at, by } satisfies FieldWrite);
      }
    };
    if (doc) doc.transact(run, this);
    else run();
  }

  /** Whether any device wrote this record (deleted ones included). */
  has(recordId: string): boolean {
    return this.index.has(recordId);
  }

  recordIds(): string[] {
    return [...this.index.keys()];
  }

  /** Every field of a record with its winning write and history; undefined when never written. */
  fields(recordId: string): Map<string, FieldState> | undefined {
    const byField = this.index.get(recordId);
    if (!byField) return undefined;
    const result = new Map<string, FieldState>();
    for (const [field, byDevice] of byField) {
      const writes = [...byDevice].map(([device, write]) => ({ ...write, device }));
      writes.sort((a, b) => (wins(a, b) ? -1 : 1));
      const [current, ...others] = writes;
      if (current) result.set(field, { current, others });
    }
    return result;
  }

  /** The record's current values (without history); undefined when never written. */
  values(recordId: string): Record<string, unknown> | undefined {
    const fields = this.fields(recordId);
    if (!fields) return undefined;
    return Object.fromEntries([...fields].map(([field, state]) => [field, state.current.v]));
  }

  /** Latest `at` of any field of the record (its "updated at" for everyone). */
  lastWriteAt(recordId: string): number {
    let latest = 0;
    for (const state of this.fields(recordId)?.values() ?? []) latest = Math.max(latest, state.current.at);
    return latest;
  }

  isDeleted(recordId: string): boolean {
    return this.fields(recordId)?.get(DELETED_FIELD)?.current.v === true;
  }

  /** Calls back with the records whose writes changed; `local` when this Y.Doc made the change. */
  onChange(listener: (recordIds: Set<string>, local: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private indexEntry(key: string, value: unknown): void {
    const parsed = parseKey(key);
    if (!parsed) return;
    let byField = this.index.get(parsed.recordId);
    if (!byField) this.index.set(parsed.recordId, (byField = new Map()));
    let byDevice = byField.get(parsed.field);
    if (!byDevice) byField.set(parsed.field, (byDevice = new Map()));
    // A malformed write from another client is ignored, not trusted.
    if (isFieldWrite(value)) byDevice.set(parsed.device, value);
    else byDevice.delete(parsed.device);
  }
}
