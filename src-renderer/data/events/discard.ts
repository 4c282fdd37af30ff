import Dexie from 'dexie';
import { decodeEventBlock, importedEventIdPrefix } from '@core/events/event-block';
import type { Source } from '@core/model/source';
import { removePeopleWithoutEvents } from '@db/people-store';
import type { DebriefDatabase } from '@db/schema';
import { emitEventChange } from './event-changes';
import { ifUnlocked, importLockName, withLock } from './locks';
import { isVisibleSource } from './visibility';

/** Blocks removed per transaction: small, so a crash or another window is never held up long. */
const BLOCKS_PER_STEP = 8;

/**
 * Removes a source and exactly its events, in steps that can be resumed. The first step makes the
 * source 'discarding' (invisible at once, in one small transaction); then its blocks go a few per
 * transaction; the source row goes last. A crash in between leaves a 'discarding' source, which
 * start-up cleanup finishes: nothing half-removed is ever visible. People who were only in this
 * source's events go with it. Returns how many events went.
 */
export async function discardSource(database: DebriefDatabase, sourceId: string, options: { emit?: boolean; abandonedOnly?: boolean } = {}): Promise<number> {
  const marked = await database.transaction('rw', database.sources, async () => {
    const source = await database.sources.get(sourceId);
    if (!source) return null;
    // The clean-up listed this row as staging, but the import may have committed since.
    if (options.abandonedOnly && isVisibleSource(source)) return null;
    if (source.state !== 'discarding') await database.sources.update(sourceId, { state: 'discarding' });
    return source;
  });
  if (!marked) return 0;
  if (isVisibleSource(marked) && options.emit !== false) emitEventChange({ database: database.name, incidentId: marked.incidentId, type: 'sources', sourceId });

  let removed = 0;
  const range = () => database.eventBlocks.where('[sourceId+seq]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]);
  for (;;) {
    const step = await database.transaction('rw', [database.eventBlocks, database.eventRaw, database.eventKeys, database.eventState], async () => {
      const blocks = await range().limit(BLOCKS_PER_STEP).toArray();
      if (blocks.length === 0) return 0;
      const keys = blocks.map((b) => [b.sourceId, b.seq] as [string, number]);
      // Pins and redactions of these events: by id range for derived ids, by the stored ids otherwise.
      const ids: string[] = [];
      for (const record of blocks) {
        const block = decodeEventBlock(record.data);
        if (block.ids) for (let row = 0; row < block.count; row++) ids.push(block.ids.get(row));
      }
      if (ids.length) await database.eventState.bulkDelete(ids);
      await Promise.all([database.eventBlocks.bulkDelete(keys), database.eventRaw.bulkDelete(keys), database.eventKeys.bulkDelete(keys)]);
      return blocks.reduce((sum, b) => sum + b.count, 0);
    });
    if (step === 0) break;
    removed += step;
  }
  await database.transaction('rw', [database.sources, database.eventRaw, database.eventKeys, database.eventState, database.people, database.actionItems], async () => {
    // Whatever a block left behind (its steps delete all three together; this is belt and braces).
    for (const table of [database.eventRaw, database.eventKeys]) await table.where('[sourceId+seq]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]).delete();
    const prefix = importedEventIdPrefix(sourceId);
    await database.eventState.where('id').between(prefix, `${prefix}\uffff`).delete();
    const source = await database.sources.get(sourceId);
    await database.sources.delete(sourceId);
    if (source) await removePeopleWithoutEvents(database, Object.keys(source.actorCounts));
  });
  return removed;
}

/** Removes a committed import at the user's request (Sources); another window's cleanup cannot run it twice. */
export function removeSource(database: DebriefDatabase, source: Pick<Source, 'id'>): Promise<number> {
  return withLock(importLockName(source.id), () => discardSource(database, source.id));
}

/**
 * Imports a crash or a closed window interrupted, and removals that were cut short: discarded in
 * the background after the library is shown (they were never visible). An import another window
 * is still running holds its lock and is left alone.
 */
export async function cleanUpAbandonedImports(database: DebriefDatabase): Promise<{ cleaned: number; running: number }> {
  const pending = await database.sources.where('state').anyOf(['staging', 'discarding']).primaryKeys();
  let cleaned = 0;
  for (const sourceId of pending) {
    const done = await ifUnlocked(importLockName(sourceId), async () => {
      // `abandonedOnly`: an import that committed after the listing stays (and is not counted).
      await discardSource(database, sourceId, { emit: false, abandonedOnly: true });
      return (await database.sources.get(sourceId)) === undefined;
    }, false);
    if (done) cleaned++;
  }
  // `running`: imports another window still holds, left alone (the two-tab e2e reads it).
  return { cleaned, running: pending.length - cleaned };
}
