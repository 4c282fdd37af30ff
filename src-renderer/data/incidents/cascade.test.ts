import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import { onWrites, type WriteBatch } from '../write-log';
import { deleteIncidentCascade, purgeDeletedIncidents } from './cascade';

const freshDb = createTestDatabases('incident-cascade');

describe('deleting incidents', () => {
  it('removes exactly the incident and what belongs to it', async () => {
    const database = await freshDb();
    await database.incidents.bulkPut([{ id: 'a', title: 'A' } as never, { id: 'b', title: 'B' } as never]);
    await database.manualEvents.bulkPut([
      { id: 'ea', incidentId: 'a', dedupeKey: 'x', at: 1 } as never,
      { id: 'eb', incidentId: 'b', dedupeKey: 'x', at: 1 } as never,
    ]);
    const block = (incidentId: string) => ({ sourceId: `s-${incidentId}`, seq: 0, incidentId, count: 0, firstAt: 0, lastAt: 0, data: new Uint8Array(), terms: new Uint8Array() });
    await database.eventBlocks.bulkPut([block('a'), block('b')]);
    await database.eventState.bulkPut([{ id: 'ea', incidentId: 'a', pinned: true, redacted: false, redactions: [] }]);
    await database.actionItems.bulkPut([{ id: 'xa', incidentId: 'a' } as never, { id: 'xb', incidentId: 'b' } as never]);
    await deleteIncidentCascade(database, 'a');
    expect(await database.incidents.toCollection().primaryKeys()).toEqual(['b']);
    expect(await database.manualEvents.toCollection().primaryKeys()).toEqual(['eb']);
    expect((await database.eventBlocks.toArray()).map((b) => b.incidentId)).toEqual(['b']);
    expect(await database.eventState.count()).toBe(0);
    expect(await database.actionItems.toCollection().primaryKeys()).toEqual(['xb']);
  });

  it('reports every record it removes to the write log, in one batch', async () => {
    const database = await freshDb();
    await database.incidents.bulkPut([{ id: 'a', title: 'A' } as never]);
    await database.actionItems.bulkPut([{ id: 'x1', incidentId: 'a' } as never, { id: 'x2', incidentId: 'a' } as never]);
    const batches: WriteBatch[] = [];
    const stop = onWrites((batch) => batches.push(batch));
    await deleteIncidentCascade(database, 'a');
    stop();
    expect(batches).toHaveLength(1);
    expect(batches[0].writes.map((w) => `${w.op} ${w.table} ${w.key}`)).toEqual(['delete actionItems x1', 'delete actionItems x2', 'delete incidents a']);
  });

  it('purges at start-up the incidents whose undo window passed in an earlier session', async () => {
    const database = await freshDb();
    await database.incidents.bulkPut([
      { id: 'gone', title: 'Gone', deletedAt: 1000 } as never,
      { id: 'kept', title: 'Kept', deletedAt: null } as never,
    ]);
    expect(await purgeDeletedIncidents(database)).toBe(1);
    expect(await database.incidents.toCollection().primaryKeys()).toEqual(['kept']);
  });

  it('leaves a deleted incident whose Undo another window still shows', async () => {
    const database = await freshDb();
    await database.incidents.bulkPut([{ id: 'undoable', title: 'U', deletedAt: 1000 } as never, { id: 'gone', title: 'G', deletedAt: 1000 } as never]);
    expect(await purgeDeletedIncidents(database, async (id) => id === 'undoable')).toBe(1);
    expect(await database.incidents.toCollection().primaryKeys()).toEqual(['undoable']);
  });
});
