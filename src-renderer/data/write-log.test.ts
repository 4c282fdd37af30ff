import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabases } from '@data/test-database';
import { deleteRecord, deleteWhere, onWrites, putRecord, writeRecords, type WriteBatch } from './write-log';

const freshDb = createTestDatabases('write-log');

const batches: WriteBatch[] = [];
let stop = onWrites((batch) => batches.push(batch));
afterEach(() => {
  batches.length = 0;
  stop();
  stop = onWrites((batch) => batches.push(batch));
});

const setting = (key: string, value: unknown) => ({ key, value, updatedAt: 1 });

describe('the write log', () => {
  it('reports each committed write with its table, key and the fields that changed', async () => {
    const database = await freshDb();
    await putRecord(database, 'settings', setting('a', 1));
    await putRecord(database, 'settings', { key: 'a', value: 2, updatedAt: 1 });
    await putRecord(database, 'settings', { key: 'a', value: 2, updatedAt: 1 });
    await deleteRecord(database, 'settings', 'a');
    await deleteRecord(database, 'settings', 'missing');
    expect(batches.map((b) => b.writes.map((w) => [w.table, w.key, w.op, w.fields]))).toEqual([
      [['settings', 'a', 'put', ['key', 'updatedAt', 'value']]],
      [['settings', 'a', 'put', ['value']]],
      [['settings', 'a', 'delete', ['key', 'updatedAt', 'value']]],
    ]);
    expect(batches[0]).toMatchObject({ database: database.name, origin: 'local' });
    expect(batches[1].writes[0].value).toEqual({ key: 'a', value: 2, updatedAt: 1 });
  });

  it('reports the writes of one transaction together, after it commits, and nothing when it aborts', async () => {
    const database = await freshDb();
    let seenInside = -1;
    await database.transaction('rw', database.settings, async () => {
      await putRecord(database, 'settings', setting('x', 1));
      await putRecord(database, 'settings', setting('y', 1));
      seenInside = batches.length;
    });
    expect(seenInside).toBe(0);
    expect(batches).toHaveLength(1);
    expect(batches[0].writes.map((w) => w.key)).toEqual(['x', 'y']);

    await expect(
      database.transaction('rw', database.settings, async () => {
        await putRecord(database, 'settings', setting('z', 1));
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(batches).toHaveLength(1);
    expect(await database.settings.get('z')).toBeUndefined();
  });

  it('keeps the origin, so sync does not send back what it received', async () => {
    const database = await freshDb();
    await writeRecords(database, [{ table: 'settings', op: 'put', value: setting('r', 1) }], 'remote');
    expect(batches.map((b) => b.origin)).toEqual(['remote']);
  });

  it('deletes by index one record at a time, so a cascade is reported record by record', async () => {
    const database = await freshDb();
    await database.milestones.bulkAdd([
      { id: 'm1', incidentId: 'i1', kind: 'detected', at: 1, eventId: null, note: '', source: 'manual' },
      { id: 'm2', incidentId: 'i1', kind: 'all-clear', at: 2, eventId: null, note: '', source: 'manual' },
      { id: 'm3', incidentId: 'i2', kind: 'detected', at: 3, eventId: null, note: '', source: 'manual' },
    ] as never);
    expect(await deleteWhere(database, 'milestones', 'incidentId', 'i1')).toBe(2);
    expect(batches[0].writes.map((w) => [w.key, w.op])).toEqual([
      ['m1', 'delete'],
      ['m2', 'delete'],
    ]);
    expect(await database.milestones.count()).toBe(1);
  });

  it('refuses a record without a key', async () => {
    const database = await freshDb();
    await expect(putRecord(database, 'settings', { value: 1 })).rejects.toMatchObject({ code: 'BAD_KEY' });
  });
});
