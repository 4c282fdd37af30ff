import type { BundleRecordTable } from './bundle-manifest';

/** A stored record as the bundle carries it: JSON-safe, keyed by `id`. */
export type BundleRecord = Record<string, unknown> & { id: string };

/** The small records of one incident, per table. */
export type BundleRecords = Record<BundleRecordTable, BundleRecord[]>;

/** What a block of imported events is stored with, besides its bytes. */
export interface BundleBlockMeta {
  sourceId: string;
  seq: number;
  incidentId: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

/** One block of imported events: its metadata and the stored bytes of the three block tables. */
export interface BundleBlock {
  meta: BundleBlockMeta;
  data: Uint8Array;
  terms: Uint8Array;
  keys: Uint8Array;
  /** The original records (a JSON array), absent when the bundle was made without them. */
  raw: string | null;
}

/** Everything a bundle holds about its incident. */
export interface BundleContents {
  incidentId: string;
  records: BundleRecords;
  blocks: BundleBlock[];
}

/** JSON with object keys sorted, so two equal records compare equal whatever order their fields were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const name of Object.keys(v).sort()) sorted[name] = (v as Record<string, unknown>)[name];
    return sorted;
  });
}

/** A stored record made JSON-safe (undefined fields dropped), as it travels in a bundle. */
export function jsonRecord<T extends object>(record: T): BundleRecord {
  return JSON.parse(JSON.stringify(record)) as BundleRecord;
}
