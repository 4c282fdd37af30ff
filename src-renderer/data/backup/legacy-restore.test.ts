import '@db/__fixtures__/test-browser-globals';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { backup, closeAfterTest, expectEverythingV2Showed, testDatabaseName } from '@data/events/v2-library';
import { openDatabase } from '@db/database';
import { DebriefDatabase } from '@db/schema';
import { createBackup, restoreBackup } from './backup-file';

describe('restoring a version 2 backup', () => {
  it('brings back every record into version 3, and restoring it twice adds nothing', async () => {
    const database = new DebriefDatabase({ name: testDatabaseName('restore') });
    closeAfterTest(database);
    await openDatabase(database);
    await restoreBackup(database, backup(database.name), 'library-v2.backup.json');
    await expectEverythingV2Showed(database);
    const blocks = await database.eventBlocks.count();
    await restoreBackup(database, backup(database.name), 'library-v2.backup.json');
    expect(await database.eventBlocks.count()).toBe(blocks);
    await expectEverythingV2Showed(database);
  }, 60_000);
});

describe('backups of version 3', () => {
  it('carry event blocks, typed-in events and key moments through a backup and restore unchanged', async () => {
    const source = new DebriefDatabase({ name: testDatabaseName('v3-backup') });
    closeAfterTest(source);
    await openDatabase(source);
    await restoreBackup(source, backup(source.name), 'library-v2.backup.json');
    const json = JSON.parse(await (await createBackup(source)).text()) as { data: { databaseName: string } };
    const target = new DebriefDatabase({ name: testDatabaseName('v3-restore') });
    closeAfterTest(target);
    await openDatabase(target);
    json.data.databaseName = target.name;
    await restoreBackup(target, new Blob([JSON.stringify(json)]), 'debrief-backup.json');
    await expectEverythingV2Showed(target);
  }, 60_000);
});
