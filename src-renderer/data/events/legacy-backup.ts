import Dexie from 'dexie';
import type { EventState, ManualEventRecord } from '@core/model/event';
import type { BlockWrite } from '@db/event-blocks';
import { compareV2Order, V2EventConverter } from '@db/migrations/v3-event-blocks';
import type { DebriefDatabase } from '@db/schema';

/** The table name backups made before version 3 hold their events in. */
export const LEGACY_EVENTS_TABLE = 'events';

/**
 * Restoring a backup made by version 2 (one `events` record per event): the rows of its
 * `events` table are collected while the backup is read, then converted exactly as the upgrade
 * converts a v2 database (V2EventConverter), inside the restore's transaction. A source the
 * backup brings events for has its stored blocks replaced, so restoring twice adds nothing.
 */
export function legacyEventsRestore(database: DebriefDatabase, blockSize?: number) {
  const rows: unknown[] = [];
  const collect = async (values: readonly unknown[]) => {
    rows.push(...values);
  };
  /** Enough of a Dexie table for dexie-export-import's importInto. */
  const table = { name: LEGACY_EVENTS_TABLE, schema: { primKey: { src: 'id' } }, bulkPut: collect, bulkAdd: collect };

  async function finish(): Promise<number> {
    if (rows.length === 0) return 0;
    const ordered = rows
      .map((row) => row as { incidentId?: unknown; at?: unknown; id?: unknown })
      .sort((a, b) => compareV2Order({ incidentId: String(a.incidentId), at: Number(a.at) || 0, id: String(a.id) }, { incidentId: String(b.incidentId), at: Number(b.at) || 0, id: String(b.id) }));
    const blocks: BlockWrite[] = [];
    const manual: ManualEventRecord[] = [];
    const states: EventState[] = [];
    const converter = new V2EventConverter(await database.sources.toArray(), { block: (w) => blocks.push(w), manual: (r) => manual.push(r), state: (s) => states.push(s) }, blockSize);
    for (const row of ordered) converter.add(row);
    const sources = converter.finish();
    const touched = new Set(blocks.map((w) => w.block.sourceId));
    for (const sourceId of touched) {
      for (const store of [database.eventBlocks, database.eventRaw, database.eventKeys]) {
        await store.where('[sourceId+seq]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]).delete();
      }
    }
    await database.eventBlocks.bulkPut(blocks.map((w) => w.block));
    await database.eventRaw.bulkPut(blocks.map((w) => w.raw));
    await database.eventKeys.bulkPut(blocks.map((w) => w.keys));
    await database.manualEvents.bulkPut(manual);
    await database.eventState.bulkPut(states);
    await database.sources.bulkPut(sources.filter((source) => touched.has(source.id)));
    return rows.length;
  }

  return { table, finish };
}
