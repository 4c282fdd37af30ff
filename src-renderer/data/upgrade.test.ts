import '@db/__fixtures__/test-browser-globals';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@db/database';
import { viewerTimeZone } from '@core/time/zones';
import { DebriefDatabase } from '@db/schema';
import { restoreBackup } from './backup';
import { libraryTableHashes, visibleEventHashes } from './__fixtures__/library-hashes';
import { V4_SHOWED, V4Database, v4Backup, v4Library } from './__fixtures__/v4-library';

/**
 * Upgrade, not loss: a library built by version 4 (every kind of record; the fixture was made by
 * the version-4 code) opens in the current version with every record as version 4 showed it:
 * per-table counts and content hashes, and every incident's events.
 */

let counter = 0;
const names: string[] = [];
const opened: Dexie[] = [];
const freshName = () => {
  const name = `upgrade-v4-${++counter}`;
  names.push(name);
  return name;
};
const track = <T extends Dexie>(database: T): T => {
  opened.push(database);
  return database;
};
afterEach(async () => {
  for (const database of opened.splice(0)) database.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** What the upgrade adds to version-4 records: the SLA start each action item's due date counted from. */
/**
 * The fixture's items: one with a date set by hand (no start), one whose P1 due date the policy
 * counted from the review (2024-06-18 16:00 UTC), in UTC: in another zone that due date is not what the
 * policy gives, and the start stays unknown (the item then counts from the incident's dates).
 */
const V4_SLA_STARTS = {
  'eda74469-fda4-474d-bfd7-ec8ea6703cf7': null,
  'edc0a6cb-be49-4856-a146-29ee5edd6b72': viewerTimeZone() === 'UTC' ? Date.parse('2024-06-18T16:00:00Z') : undefined,
};
const UPGRADE_DERIVED = { actionItems: ['slaStartAt'] };

async function slaStarts(database: DebriefDatabase): Promise<Record<string, number | null | undefined>> {
  return Object.fromEntries((await database.actionItems.toArray()).map((item) => [item.id, item.slaStartAt]));
}

async function openCurrent(name: string) {
  const database = track(new DebriefDatabase({ name }));
  await openDatabase(database);
  return database;
}

describe('upgrading a version 4 library', () => {
  it('keeps every record as version 4 showed it: per-table counts, content hashes, every incident’s events', async () => {
    const name = freshName();
    await v4Library(name);
    const database = await openCurrent(name);
    expect(database.verno).toBe(5);
    expect(await libraryTableHashes(database, UPGRADE_DERIVED)).toEqual(V4_SHOWED.tables);
    expect(await visibleEventHashes(database)).toEqual(V4_SHOWED.events);
    // Version 4 kept no SLA start: the upgrade recovers it (a date set by hand counts from nothing).
    expect(await slaStarts(database)).toEqual(V4_SLA_STARTS);
  });

  it('leaves version 4 as it was when the upgrade fails half-way, and the next start retries', async () => {
    const name = freshName();
    await v4Library(name);
    const before = track(new V4Database(name));
    await before.open();
    const stored = await libraryTableHashes(before as unknown as DebriefDatabase);
    before.close();

    const failing = new DebriefDatabase({
      name,
      upgradeHooks: {
        afterTableRestored: (table) => {
          if (table === 'people') throw new Error('the disk went away');
        },
      },
    });
    await expect(openDatabase(failing)).rejects.toThrow();
    failing.close();

    const after = track(new V4Database(name));
    await after.open();
    expect(after.verno).toBe(4);
    expect(await libraryTableHashes(after as unknown as DebriefDatabase)).toEqual(stored);
    after.close();

    const database = await openCurrent(name);
    expect(await libraryTableHashes(database, UPGRADE_DERIVED)).toEqual(V4_SHOWED.tables);
    expect(await visibleEventHashes(database)).toEqual(V4_SHOWED.events);
    expect(await slaStarts(database)).toEqual(V4_SLA_STARTS);
  });

  it('completes records an older version left short, once, and keeps one it cannot place', async () => {
    const name = freshName();
    const v4 = track(new V4Database(name));
    await v4.open();
    await v4.table('incidents').put({ id: 'old', title: 'Written long ago', futureField: 7 });
    await v4.table('actionItems').put({ id: 'a', incidentId: 'old', priority: 'P9', eventIds: 'x' });
    await v4.table('milestones').put({ id: 'lost', label: 'no incident' });
    v4.close();

    const database = await openCurrent(name);
    // Read as stored: the defaults were written by the upgrade, not added by a read hook.
    expect(await database.incidents.get('old')).toMatchObject({ title: 'Written long ago', severity: 'SEV3', status: 'active', services: [], deletedAt: null, futureField: 7 });
    expect(await database.actionItems.get('a')).toMatchObject({ priority: 'P3', eventIds: [], status: 'open', dueAt: null });
    expect(await database.milestones.get('lost')).toEqual({ id: 'lost', label: 'no incident' });
  });
});

describe('a backup made by version 4', () => {
  it('restores into the current version with every record as version 4 showed it', async () => {
    const database = await openCurrent(freshName());
    await restoreBackup(database, v4Backup(database.name), 'debrief-backup-2024-06-21.json');
    expect(await libraryTableHashes(database, UPGRADE_DERIVED)).toEqual(V4_SHOWED.tables);
    expect(await visibleEventHashes(database)).toEqual(V4_SHOWED.events);
    expect(await slaStarts(database)).toEqual(V4_SLA_STARTS);
  });

  it('is refused whole when a record cannot be placed, naming it; the library is unchanged', async () => {
    const database = await openCurrent(freshName());
    const json = JSON.parse(await v4Backup(database.name).text()) as { data: { data: { tableName: string; rows: Record<string, unknown>[] }[] } };
    const milestone = json.data.data.find((t) => t.tableName === 'milestones')?.rows[0];
    if (!milestone) throw new Error('the fixture has milestones');
    delete milestone.incidentId;
    const restore = restoreBackup(database, new Blob([JSON.stringify(json)]), 'edited.json');
    await expect(restore).rejects.toMatchObject({ code: 'restore-failed', message: expect.stringMatching(/^Nothing was restored from edited\.json: A milestone record \(id .+\) is unreadable: it has no valid incidentId\./) });
    expect(await database.incidents.count()).toBe(0);
  });
});
