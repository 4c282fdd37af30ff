import type { BlockEvent } from '@core/events/event-block';
import type { Source, SourceState } from '@core/model/source';
import { BlockBuilder } from '@db/event-blocks';
import type { DebriefDatabase } from '@db/schema';

/** For tests: a source in any state with its events written as blocks, the way an import writes them. */
export async function putTestSource(
  database: DebriefDatabase,
  source: { id: string; incidentId: string; state: SourceState; importedAt?: number },
  events: (Partial<BlockEvent> & { at: number })[],
  blockSize = 2,
): Promise<Source> {
  const builder = new BlockBuilder(source.id, source.incidentId, blockSize);
  const writes = events.flatMap((event, i) => {
    const full: BlockEvent = {
      id: null,
      sourceFormat: 'csv-timeline',
      dedupeKey: `csv-timeline:${source.id}-${i}`,
      kind: 'message',
      originalTime: String(event.at),
      actorAlias: null,
      actorId: null,
      actorName: '',
      channel: '',
      text: `event ${i}`,
      links: [],
      threadParentKey: null,
      replyCount: 0,
      edited: false,
      deleted: false,
      reactions: [],
      attachments: [],
      ...event,
    };
    const block = builder.add(full, { row: i });
    return block ? [block] : [];
  });
  writes.push(...builder.flush());
  const record: Source = {
    id: source.id,
    incidentId: source.incidentId,
    fileName: `${source.id}.csv`,
    size: 1,
    sha256: source.id,
    format: 'csv-timeline',
    state: source.state,
    counts: { added: events.length, duplicates: 0, skipped: 0, warnings: 0 },
    warnings: [],
    importedAt: source.importedAt ?? 1,
    blockCount: builder.blocks,
    actorCounts: builder.actorCounts,
  };
  await database.transaction('rw', [database.sources, database.eventBlocks, database.eventRaw, database.eventKeys], async () => {
    await database.sources.put(record);
    for (const write of writes) {
      await database.eventBlocks.put(write.block);
      await database.eventRaw.put(write.raw);
      await database.eventKeys.put(write.keys);
    }
  });
  return record;
}
