import { describe, expect, it } from 'vitest';
import { RESTORED_TABLES, restoreRecord, StoredRecordError } from './restore';
import { createTestDatabases } from './test-database';

const freshDb = createTestDatabases('restore');

describe('restoring a record where it enters', () => {
  it('fills defaults for records written by an older version, keeping unknown fields', () => {
    const incident = restoreRecord('incidents', { id: 'old', title: 'Old record', futureField: 42 });
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

  it('replaces wrong-typed fields instead of crashing a screen later', () => {
    expect(restoreRecord('actionItems', { id: 'a', incidentId: 'i', priority: 'P9', dueAt: 'soon', eventIds: 'x' })).toMatchObject({
      priority: 'P3',
      dueAt: null,
      eventIds: [],
      status: 'open',
    });
  });

  it('restores typed-in events with the same defaults events always had', () => {
    expect(restoreRecord('manualEvents', { id: 'e', incidentId: 'i', dedupeKey: 'k', at: 5, kind: 'bogus' })).toMatchObject({
      kind: 'message',
      reactions: [],
      actorName: 'Unknown',
      raw: null,
    });
  });

  it('refuses a record without the keys that tie it to the library, naming the fields', () => {
    expect(() => restoreRecord('milestones', { id: 'm' })).toThrow(StoredRecordError);
    expect(() => restoreRecord('milestones', { id: 'm' })).toThrow('A milestone record (id m) is unreadable: it has no valid incidentId.');
    expect(() => restoreRecord('people', null)).toThrow(StoredRecordError);
  });

  it('leaves a complete record as it was', () => {
    const person = { id: 'p', displayName: 'Priya', email: null, aliases: [], matchKeys: ['priya'], createdAt: 1, updatedAt: 2 };
    expect(restoreRecord('people', person)).toEqual(person);
  });

  it('covers every table of small records, and none of bytes or settings', () => {
    expect([...RESTORED_TABLES].sort()).toEqual(['actionItems', 'annotations', 'documents', 'eventState', 'incidents', 'manualEvents', 'milestones', 'people', 'sources']);
  });
});

describe('reading', () => {
  it('takes records as stored: no repair on every read', async () => {
    const database = await freshDb();
    await database.incidents.put({ id: 'as-stored', title: 'Only a title' } as never);
    expect(await database.incidents.get('as-stored')).toEqual({ id: 'as-stored', title: 'Only a title' });
    expect(await database.incidents.get('nope')).toBeUndefined();
  });
});
