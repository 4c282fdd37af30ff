import { describe, expect, it } from 'vitest';
import { createTestDatabases } from './test-database';
import { classifyOpenError } from './open-error';
import { StoredRecordError } from './restore';

const freshDb = createTestDatabases('test');

describe('the restore step', () => {
  it('fills defaults for records written by an older version, keeping unknown fields', async () => {
    const database = await freshDb();
    await database.incidents.put({ id: 'old', title: 'Old record', futureField: 42 } as never);
    const incident = await database.incidents.get('old');
    expect(incident).toMatchObject({
      id: 'old',
      title: 'Old record',
      severity: 'SEV3',
      status: 'active',
      services: [],
      roles: [],
      deletedAt: null,
      timeZone: 'UTC',
    });
    expect((incident as unknown as { futureField: number }).futureField).toBe(42);
  });

  it('replaces wrong-typed fields instead of crashing a screen', async () => {
    const database = await freshDb();
    await database.actionItems.put({ id: 'a', incidentId: 'i', priority: 'P9', dueAt: 'soon', eventIds: 'x' } as never);
    expect(await database.actionItems.get('a')).toMatchObject({ priority: 'P3', dueAt: null, eventIds: [], status: 'open' });
  });

  it('restores typed-in events with the same defaults events always had', async () => {
    const database = await freshDb();
    await database.manualEvents.put({ id: 'e', incidentId: 'i', dedupeKey: 'k', at: 5, kind: 'bogus' } as never);
    expect(await database.manualEvents.get('e')).toMatchObject({ kind: 'message', reactions: [], actorName: 'Unknown', raw: null });
  });

  it('leaves a missing record missing', async () => {
    const database = await freshDb();
    expect(await database.incidents.get('nope')).toBeUndefined();
    expect(await database.manualEvents.get('nope')).toBeUndefined();
    expect(await database.actionItems.bulkGet(['nope'])).toEqual([undefined]);
  });

  it('surfaces a record without its keys rather than hiding it', async () => {
    const database = await freshDb();
    await database.milestones.put({ id: 'm' } as never);
    await expect(database.milestones.get('m')).rejects.toBeInstanceOf(StoredRecordError);
  });
});

describe('open errors', () => {
  it('maps Dexie errors to what a user can act on', () => {
    expect(classifyOpenError({ name: 'VersionError', message: 'x' }).code).toBe('newer-version');
    expect(classifyOpenError({ name: 'OpenFailedError', inner: { name: 'QuotaExceededError' } }).code).toBe('quota');
    expect(classifyOpenError({ name: 'MissingAPIError' }).code).toBe('unavailable');
    expect(classifyOpenError(new Error('boom')).code).toBe('corrupt');
  });
});
