import '@db/__fixtures__/test-browser-globals';
import { describe, expect, it } from 'vitest';
import type { Incident } from '@core/model/incident';
import { createTestDatabases } from '@data/test-database';
import { BackupError } from './backup-error';
import { backupFileName, checkBackupFile, createBackup, restoreBackup } from './backup-file';

const openDatabase = createTestDatabases('backup');

function incident(id: string, title: string): Incident {
  return {
    id,
    title,
    severity: 'SEV2',
    status: 'resolved',
    startedAt: Date.UTC(2024, 5, 12, 23, 52),
    detectedAt: null,
    resolvedAt: null,
    reviewAt: null,
    timeZone: 'UTC',
    services: ['checkout'],
    commander: 'Priya Raman',
    roles: [],
    summary: 'Checkout returned 5xx.',
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
  } as Incident;
}

describe('checkBackupFile', () => {
  it('refuses a JSON file that is not a backup, naming the file', async () => {
    const database = await openDatabase();
    const file = new Blob([JSON.stringify({ incidents: [{ title: 'x' }] })], { type: 'application/json' });
    const check = checkBackupFile(file, 'notes.json', database);
    await expect(check).rejects.toBeInstanceOf(BackupError);
    await expect(check).rejects.toMatchObject({ code: 'not-a-backup', message: expect.stringContaining('notes.json is not a Debrief backup') });
  });

  it('refuses an export of another Dexie database', async () => {
    const database = await openDatabase();
    const other = await openDatabase();
    const file = await createBackup(other);
    await expect(checkBackupFile(file, 'other.json', database)).rejects.toMatchObject({ code: 'other-database' });
  });

  it('lists the tables and row counts of a backup and its date from the file name', async () => {
    const database = await openDatabase();
    await database.incidents.bulkAdd([incident('a', 'Checkout 5xx'), incident('b', 'Search latency')]);
    const file = await createBackup(database);
    const summary = await checkBackupFile(file, backupFileName(new Date(2026, 10, 22)), database);
    expect(summary.fileName).toBe('debrief-backup-2026-11-22.json');
    expect(summary.exportedAt?.getDate()).toBe(22);
    expect(summary.tables.find((t) => t.name === 'incidents')).toEqual({ name: 'incidents', label: 'Incidents', rowCount: 2 });
    expect(summary.totalRows).toBe(2);
  });
});

describe('restoreBackup', () => {
  it('brings back deleted records and keeps records made after the backup', async () => {
    const database = await openDatabase();
    await database.incidents.bulkAdd([incident('a', 'Checkout 5xx'), incident('b', 'Search latency')]);
    const file = await createBackup(database);
    await database.incidents.delete('a');
    await database.incidents.update('b', { title: 'Search latency (edited)' });
    await database.incidents.add(incident('c', 'Made after the backup'));
    const progress: number[] = [];

    await restoreBackup(database, file, 'debrief-backup.json', (f) => progress.push(f));

    expect((await database.incidents.get('a'))?.title).toBe('Checkout 5xx');
    expect((await database.incidents.get('b'))?.title).toBe('Search latency');
    expect((await database.incidents.get('c'))?.title).toBe('Made after the backup');
    expect(progress.at(-1)).toBe(1);
  });

  it('leaves the database as it was when the file is broken part-way', async () => {
    const database = await openDatabase();
    await database.incidents.bulkAdd([incident('a', 'Checkout 5xx'), incident('b', 'Search latency')]);
    await database.settings.put({ key: 'backup-test', value: 1, updatedAt: 1 });
    const text = await (await createBackup(database)).text();
    await database.incidents.update('a', { title: 'Edited' });
    await database.incidents.delete('b');
    // Incidents are written first; the settings rows, renamed to a table this database lacks, then make the import fail.
    const broken = text.replace('{"tableName":"settings"', '{"tableName":"nope"');
    const blob = new Blob([broken]);

    await expect(restoreBackup(database, blob, 'broken.json')).rejects.toMatchObject({ code: 'restore-failed', message: expect.stringContaining('broken.json') });
    expect((await database.incidents.get('a'))?.title).toBe('Edited');
    expect(await database.incidents.get('b')).toBeUndefined();
  });
});
