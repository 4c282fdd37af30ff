import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import type Dexie from 'dexie';
import { z } from 'zod';
import { LEGACY_EVENTS_TABLE, legacyEventsRestore } from '@data/events';
import { isRestoredTable, restoreRecord } from '@db/restore';
import { fillSlaStarts } from '@db/migrations/v5-restore-records';
import type { DebriefDatabase } from '@db/schema';
import { BackupError } from './backup-error';

export interface BackupTable {
  name: string;
  label: string;
  rowCount: number;
}

/** What a backup file holds, shown before anything is restored. */
export interface BackupSummary {
  fileName: string;
  /** Day the backup was made (from its file name), else the file's modification time; null when unknown. */
  exportedAt: Date | null;
  databaseVersion: number;
  tables: BackupTable[];
  totalRows: number;
}

/** Fraction done, 0..1. */
export type ProgressListener = (fraction: number) => void;

const TABLE_LABELS: Record<string, string> = {
  incidents: 'Incidents',
  sources: 'Imported sources',
  [LEGACY_EVENTS_TABLE]: 'Timeline events',
  eventBlocks: 'Timeline event blocks',
  eventRaw: 'Original records',
  eventKeys: 'Duplicate checks',
  eventState: 'Key moments and redactions',
  manualEvents: 'Events added by hand',
  people: 'People',
  milestones: 'Milestones',
  annotations: 'Review notes',
  documents: 'Postmortem documents',
  actionItems: 'Action items',
  settings: 'Settings',
};

const metaSchema = z.object({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.object({
    databaseName: z.string(),
    databaseVersion: z.number(),
    tables: z.array(z.object({ name: z.string(), schema: z.string(), rowCount: z.number().int().nonnegative() })),
  }),
});

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `debrief-backup-2026-11-22.json`, dated in the user's local day. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `debrief-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

function exportDate(file: Blob, fileName: string): Date | null {
  const named = /(\d{4})-(\d{2})-(\d{2})/.exec(fileName);
  if (named) return new Date(Number(named[1]), Number(named[2]) - 1, Number(named[3]));
  return file instanceof File && file.lastModified > 0 ? new Date(file.lastModified) : null;
}

/**
 * Reads only the header of a file and says what it would restore. Refuses files that are not
 * a backup of this app's database, so a stray JSON never reaches importInto.
 */
export async function checkBackupFile(file: Blob, fileName: string, database: Dexie): Promise<BackupSummary> {
  let header: unknown;
  try {
    header = await peakImportFile(file);
  } catch (error) {
    throw new BackupError('not-a-backup', `${fileName} is not a Debrief backup: it is not a readable backup file (${message(error)}).`, { cause: error, location: { file: fileName } });
  }
  const parsed = metaSchema.safeParse(header);
  if (!parsed.success) {
    throw new BackupError('not-a-backup', `${fileName} is not a Debrief backup: it has no database export header. Choose a file made with “Back up…”.`, {
      location: { file: fileName },
    });
  }
  const meta = parsed.data.data;
  if (meta.databaseName !== database.name) {
    throw new BackupError(
      'other-database',
      `${fileName} is not a Debrief backup: it holds the database “${meta.databaseName}”, not Debrief’s “${database.name}”.`,
    );
  }
  // Backups made before version 3 keep events in the `events` table; restoring converts them.
  const known = new Set([...database.tables.map((t) => t.name), LEGACY_EVENTS_TABLE]);
  const unknown = meta.tables.map((t) => t.name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(
      'unknown-table',
      `${fileName} has tables this version of Debrief does not know (${unknown.join(', ')}). It was probably made by a newer version; update Debrief first.`,
    );
  }
  const tables = meta.tables.map((t) => ({ name: t.name, label: TABLE_LABELS[t.name] ?? t.name, rowCount: t.rowCount }));
  return {
    fileName,
    exportedAt: exportDate(file, fileName),
    databaseVersion: meta.databaseVersion,
    tables,
    totalRows: tables.reduce((sum, t) => sum + t.rowCount, 0),
  };
}

/** The whole database as one JSON file. */
export async function createBackup(database: Dexie, onProgress: ProgressListener = () => {}): Promise<Blob> {
  try {
    return await exportDB(database, {
      prettyJson: false,
      progressCallback: (p) => {
        onProgress(p.totalRows ? p.completedRows / p.totalRows : p.done ? 1 : 0);
        return true;
      },
    });
  } catch (error) {
    throw new BackupError('backup-failed', `The backup could not be made: ${message(error)}`, { cause: error });
  }
}

/**
 * Adds or updates every record of the backup; records not in it are kept. Everything is written
 * in one read-write transaction, so a failure part-way leaves the database as it was. Records are
 * restored on the way in (db/restore.ts); a backup of an older version has its events converted
 * (legacyEventsRestore).
 */
export async function restoreBackup(database: DebriefDatabase, file: Blob, fileName: string, onProgress: ProgressListener = () => {}): Promise<void> {
  try {
    const legacy = legacyEventsRestore(database);
    // importInto writes to `target.table(name)` inside `target.transaction(…)`: the legacy table
    // goes to the converter, which writes its blocks at the end of that same transaction.
    const target = Object.create(database) as Dexie;
    target.table = ((name: string) => (name === LEGACY_EVENTS_TABLE ? legacy.table : database.table(name))) as Dexie['table'];
    target.transaction = ((mode: 'rw', tables: Dexie['tables'], work: () => Promise<void>) =>
      // The action items of an older version's backup get the SLA start their due date counted
      // from, as the upgrade gives them (it reads the incidents and the policy, in this transaction).
      database.transaction(mode, [...tables, database.incidents, database.settings, database.actionItems], async () => {
        await work();
        await legacy.finish();
        await fillSlaStarts(database);
      })) as unknown as Dexie['transaction'];
    await importInto(target, file, {
      overwriteValues: true,
      acceptVersionDiff: true,
      // A backup may come from an older version (or be edited by hand): each record is restored
      // on the way in, once; one that cannot be (no id or incident) fails the whole restore.
      transform: (table, value: unknown, key: unknown) => ({ value: isRestoredTable(table) ? restoreRecord(table, value) : value, key }),
      progressCallback: (p) => {
        onProgress(p.totalRows ? p.completedRows / p.totalRows : p.done ? 1 : 0);
        return true;
      },
    });
  } catch (error) {
    throw new BackupError('restore-failed', `Nothing was restored from ${fileName}: ${message(error)}. Your library is unchanged.`, { cause: error, location: { file: fileName } });
  }
}
