import { z } from 'zod';
import type * as Y from 'yjs';
import type { Source } from '@core/model/source';
import { restoreSource } from '@db/restore';
import type { DebriefDatabase, EventBlockRecord, EventKeysRecord, EventRawRecord } from '@db/schema';
import { discardSource, emitEventChange, isVisibleSource, onEventChange } from '@data/events';
import { decodeBlockParts, encodeBlockParts, type SharedBlock } from './event-block-parts';

/** A block as the first version of team sync shared it (one object); still read, no longer written. */
const legacyBlockSchema = z.object({
  count: z.number().int().nonnegative(),
  firstAt: z.number(),
  lastAt: z.number(),
  data: z.instanceof(Uint8Array),
  terms: z.instanceof(Uint8Array),
  keys: z.instanceof(Uint8Array),
  raw: z.string(),
});

const removedSchema = z.object({ removed: z.literal(true) });

const partCountSchema = z.number().int().positive();

const blockKey = (sourceId: string, seq: number) => `${sourceId}/${seq}`;
const partKey = (sourceId: string, seq: number, part: number) => `${sourceId}/${seq}/${part}`;

/**
 * Imported events in the `<team>/incident/<id>/events` document, compactly: each committed
 * source is one entry of the `sources` map (the Source record, or a removal mark), and each of
 * its blocks of events (core/events/event-block.ts, a few thousand events each) is one binary
 * value cut into parts of at most EVENT_PART_BYTES (event-block-parts.ts): the `blocks` map holds
 * `<source>/<seq>` → the number of parts and `<source>/<seq>/<part>` → the part's bytes. A
 * teammate receives whole blocks and stores them as they are, so 100k events are a few dozen
 * records, not 100k entries.
 *
 * Each part is an update (a message) of its own, so no message outgrows the server's limit, and
 * at most EVENT_PARTS_IN_FLIGHT parts wait for the server's acknowledgement at any time, so what
 * a dropped connection resends in one message stays small too. The source entry goes last; a
 * receiver stores a source only once all its blocks are there, in one transaction, so a
 * half-received import is never visible. Parts already on the server are not sent again, so an
 * interrupted share resumes where it stopped.
 */
export class EventsMirror {
  private readonly sources: Y.Map<unknown>;
  private readonly blocks: Y.Map<unknown>;
  private queue: Promise<void> = Promise.resolve();
  /** Committed sources seen here on the last pass: one missing now was removed here. */
  private known = new Set<string>();
  private stopFns: (() => void)[] = [];
  private running = false;

  constructor(
    private readonly database: DebriefDatabase,
    doc: Y.Doc,
    private readonly incidentId: string,
    /** Resolves once few enough sent changes wait for the server to send more (or the document closed). */
    private readonly whenRoomToSend: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {
    this.sources = doc.getMap('sources');
    this.blocks = doc.getMap('blocks');
  }

  /** Call once the document has the server's state (or this machine's would be sent twice). */
  start(): void {
    this.running = true;
    this.enqueue(() => this.pass());
    this.stopFns.push(onEventChange(this.database.name, this.incidentId, (change) => change.type === 'sources' && this.enqueue(() => this.pass())));
    const observer = (event: Y.YMapEvent<unknown>) => {
      if (!event.transaction.local) this.enqueue(() => this.pass());
    };
    this.sources.observe(observer);
    this.blocks.observe(observer);
    this.stopFns.push(() => this.sources.unobserve(observer), () => this.blocks.unobserve(observer));
  }

  stop(): void {
    this.running = false;
    for (const stop of this.stopFns.splice(0)) stop();
  }

  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => this.onError(error));
  }

  private async pass(): Promise<void> {
    const local = await this.database.sources.where('incidentId').equals(this.incidentId).toArray();
    const committed = new Map(local.filter(isVisibleSource).map((source) => [source.id, source]));
    const present = new Set(local.map((source) => source.id));

    // Imported or removed here.
    for (const source of committed.values()) {
      if (!this.sources.has(source.id)) await this.upload(source);
    }
    for (const sourceId of this.known) {
      if (!committed.has(sourceId) && this.sharedSource(sourceId)) this.markRemoved(sourceId);
    }
    this.known = new Set(committed.keys());

    // Imported or removed by teammates.
    for (const [sourceId, value] of this.sources.entries()) {
      if (removedSchema.safeParse(value).success) {
        if (committed.has(sourceId)) {
          await discardSource(this.database, sourceId);
          this.known.delete(sourceId);
        }
        continue;
      }
      if (present.has(sourceId)) continue;
      if (await this.download(sourceId, value)) this.known.add(sourceId);
    }
  }

  private sharedSource(sourceId: string): boolean {
    const value = this.sources.get(sourceId);
    return value !== undefined && !removedSchema.safeParse(value).success;
  }

  private async upload(source: Source): Promise<void> {
    const doc = this.sources.doc;
    if (!doc) return;
    for (let seq = 0; seq < source.blockCount; seq++) {
      if (this.hasBlock(source.id, seq)) continue; // sent before this share was interrupted
      const key: [string, number] = [source.id, seq];
      const [block, raw, keys] = await Promise.all([this.database.eventBlocks.get(key), this.database.eventRaw.get(key), this.database.eventKeys.get(key)]);
      // Removed meanwhile: the next pass sees it gone.
      if (!block || !raw || !keys) return;
      const parts = encodeBlockParts({ count: block.count, firstAt: block.firstAt, lastAt: block.lastAt, data: block.data, terms: block.terms, keys: keys.keys, raw: raw.json });
      for (const [index, part] of parts.entries()) {
        await this.whenRoomToSend();
        if (!this.running) return;
        doc.transact(() => {
          if (index === 0) this.blocks.set(blockKey(source.id, seq), parts.length);
          this.blocks.set(partKey(source.id, seq, index), part);
        }, this);
      }
    }
    const { state: _state, ...record } = source;
    doc.transact(() => this.sources.set(source.id, record), this);
  }

  /** The parts of a shared block once all are in the document; null while some are missing. */
  private partsOf(sourceId: string, seq: number): Uint8Array[] | null {
    const count = partCountSchema.safeParse(this.blocks.get(blockKey(sourceId, seq)));
    if (!count.success) return null;
    const parts: Uint8Array[] = [];
    for (let part = 0; part < count.data; part++) {
      const bytes = this.blocks.get(partKey(sourceId, seq, part));
      if (!(bytes instanceof Uint8Array)) return null;
      parts.push(bytes);
    }
    return parts;
  }

  private hasBlock(sourceId: string, seq: number): boolean {
    return this.partsOf(sourceId, seq) !== null || legacyBlockSchema.safeParse(this.blocks.get(blockKey(sourceId, seq))).success;
  }

  /** A block of a shared source once all of it is in the document; null while parts are missing. */
  private readBlock(sourceId: string, seq: number): SharedBlock | null {
    const parts = this.partsOf(sourceId, seq);
    if (parts) return decodeBlockParts(parts);
    const legacy = legacyBlockSchema.safeParse(this.blocks.get(blockKey(sourceId, seq)));
    return legacy.success ? legacy.data : null;
  }

  private markRemoved(sourceId: string): void {
    const prefix = `${sourceId}/`;
    const keys = [...this.blocks.keys()].filter((key) => key.startsWith(prefix));
    this.sources.doc?.transact(() => {
      this.sources.set(sourceId, { removed: true });
      for (const key of keys) this.blocks.delete(key);
    }, this);
  }

  /** Stores a teammate's import once all its blocks are here; false while some are still missing. */
  private async download(sourceId: string, value: unknown): Promise<boolean> {
    let source: Source;
    try {
      source = restoreSource({ ...(value as object), id: sourceId, incidentId: this.incidentId, state: 'committed' });
    } catch (error) {
      this.onError(error);
      return false;
    }
    const blocks: EventBlockRecord[] = [];
    const raws: EventRawRecord[] = [];
    const keys: EventKeysRecord[] = [];
    for (let seq = 0; seq < source.blockCount; seq++) {
      let b: SharedBlock | null;
      try {
        b = this.readBlock(sourceId, seq);
      } catch (error) {
        this.onError(error);
        return false;
      }
      if (!b) return false;
      const key = { sourceId, seq, incidentId: this.incidentId };
      blocks.push({ ...key, count: b.count, firstAt: b.firstAt, lastAt: b.lastAt, data: b.data, terms: b.terms });
      raws.push({ ...key, json: b.raw });
      keys.push({ ...key, keys: b.keys });
    }
    const stored = await this.database.transaction('rw', [this.database.sources, this.database.eventBlocks, this.database.eventRaw, this.database.eventKeys], async () => {
      if (await this.database.sources.get(sourceId)) return false;
      await Promise.all([this.database.eventBlocks.bulkPut(blocks), this.database.eventRaw.bulkPut(raws), this.database.eventKeys.bulkPut(keys)]);
      await this.database.sources.add(source);
      return true;
    });
    if (stored) emitEventChange({ database: this.database.name, incidentId: this.incidentId, type: 'sources', sourceId });
    return stored;
  }
}
