import { BUNDLE_RECORD_TABLES, type BundleRecordTable } from './bundle-manifest';
import { canonicalJson, type BundleRecord, type BundleRecords } from './bundle-records';

/**
 * Merging a bundle into the same incident: records are matched by id. A record only in the
 * bundle is added, one only here is kept (a merge never deletes), equal ones are left alone.
 * A record that differs on both sides is a conflict: all of them are listed before anything is
 * written, each with the newer side (by update time) chosen by default, and the user decides.
 * Imports (sources) never change once written, so one already here is kept with its events.
 */

export type MergeSide = 'local' | 'bundle';

export interface RecordConflict {
  /** `table/id`, the key of the user's choice. */
  key: string;
  table: BundleRecordTable;
  id: string;
  /** What the user recognises the record by: a title, a note's first words. */
  label: string;
  /** Fields that differ (update times left out). */
  fields: string[];
  local: BundleRecord;
  bundle: BundleRecord;
  localUpdatedAt: number | null;
  bundleUpdatedAt: number | null;
  /** The side chosen unless the user picks the other: the newer one; ours when neither says. */
  preferred: MergeSide;
}

export interface MergePlan {
  /** Records only in the bundle, per table. */
  added: Record<BundleRecordTable, BundleRecord[]>;
  /** Records equal on both sides. */
  unchanged: number;
  /** Imports already here (kept as they are, with their events). */
  sourcesKept: number;
  conflicts: RecordConflict[];
}

export type LocalRecords = Record<BundleRecordTable, ReadonlyMap<string, BundleRecord>>;

const TABLE_NOUN: Record<BundleRecordTable, string> = {
  incidents: 'Incident',
  sources: 'Import',
  eventState: 'Key moment or redaction',
  manualEvents: 'Event added by hand',
  people: 'Person',
  milestones: 'Milestone',
  annotations: 'Review note',
  documents: 'Postmortem',
  actionItems: 'Action item',
};

const TIME_FIELDS = new Set(['updatedAt']);

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function shorten(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "Review note: “Rollback took 20 minutes…”". */
export function recordLabel(table: BundleRecordTable, record: BundleRecord): string {
  const name =
    table === 'incidents' || table === 'actionItems'
      ? text(record.title)
      : table === 'people'
        ? text(record.displayName)
        : table === 'milestones'
          ? text(record.label)
          : table === 'annotations'
            ? text(record.plainText)
            : table === 'documents'
              ? text(record.name) || (record.kind === 'current' ? 'working document' : '')
              : table === 'manualEvents'
                ? text(record.text)
                : table === 'sources'
                  ? text(record.fileName)
                  : '';
  return name ? `${TABLE_NOUN[table]}: “${shorten(name)}”` : `${TABLE_NOUN[table]} ${record.id}`;
}

function updatedAt(record: BundleRecord): number | null {
  return typeof record.updatedAt === 'number' && Number.isFinite(record.updatedAt) ? record.updatedAt : null;
}

function differingFields(a: BundleRecord, b: BundleRecord): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((name) => !TIME_FIELDS.has(name) && canonicalJson(a[name]) !== canonicalJson(b[name])).sort();
}

export function conflictKey(table: BundleRecordTable, id: string): string {
  return `${table}/${id}`;
}

export function planMerge(local: LocalRecords, bundle: BundleRecords): MergePlan {
  const added = Object.fromEntries(BUNDLE_RECORD_TABLES.map((t) => [t, [] as BundleRecord[]])) as Record<BundleRecordTable, BundleRecord[]>;
  const conflicts: RecordConflict[] = [];
  let unchanged = 0;
  let sourcesKept = 0;
  for (const table of BUNDLE_RECORD_TABLES) {
    for (const theirs of bundle[table]) {
      const ours = local[table].get(theirs.id);
      if (!ours) {
        added[table].push(theirs);
        continue;
      }
      if (table === 'sources') {
        sourcesKept++;
        continue;
      }
      const fields = differingFields(ours, theirs);
      if (fields.length === 0) {
        unchanged++;
        continue;
      }
      const localUpdatedAt = updatedAt(ours);
      const bundleUpdatedAt = updatedAt(theirs);
      conflicts.push({
        key: conflictKey(table, theirs.id),
        table,
        id: theirs.id,
        label: recordLabel(table, ours),
        fields,
        local: ours,
        bundle: theirs,
        localUpdatedAt,
        bundleUpdatedAt,
        preferred: localUpdatedAt !== null && bundleUpdatedAt !== null && bundleUpdatedAt > localUpdatedAt ? 'bundle' : 'local',
      });
    }
  }
  return { added, unchanged, sourcesKept, conflicts };
}

/** The records a merge writes: every added one, and the bundle's side of each conflict resolved to it. */
export function mergeWrites(plan: MergePlan, choices: ReadonlyMap<string, MergeSide>): { table: BundleRecordTable; record: BundleRecord }[] {
  const writes: { table: BundleRecordTable; record: BundleRecord }[] = [];
  for (const table of BUNDLE_RECORD_TABLES) for (const record of plan.added[table]) writes.push({ table, record });
  for (const conflict of plan.conflicts) {
    if ((choices.get(conflict.key) ?? conflict.preferred) === 'bundle') writes.push({ table: conflict.table, record: conflict.bundle });
  }
  return writes;
}
