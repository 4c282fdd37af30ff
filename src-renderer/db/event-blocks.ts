import { ByteReader, ByteWriter } from '@core/events/byte-codec';
import { encodeBlockTerms } from '@core/events/block-terms';
import { BLOCK_SIZE, encodeEventBlock, type BlockEvent } from '@core/events/event-block';
import type { EventBlockRecord, EventKeysRecord, EventRawRecord } from './schema';

/** The three records one block of events is written as (same key in each table). */
export interface BlockWrite {
  block: EventBlockRecord;
  raw: EventRawRecord;
  keys: EventKeysRecord;
}

/** How events per author are counted on a source (see Source.actorCounts). */
export function actorCountKey(event: Pick<BlockEvent, 'actorAlias' | 'actorId'>): string | null {
  return event.actorAlias ?? (event.actorId ? `id:${event.actorId}` : null);
}

/** The original records of a block as stored: JSON, which every importer's input already is. */
export function encodeRaw(raws: readonly unknown[]): string {
  return JSON.stringify(raws.map((raw) => raw ?? null));
}

export function decodeRaw(record: EventRawRecord): unknown[] {
  return JSON.parse(record.json) as unknown[];
}

export function encodeKeys(keys: readonly string[]): Uint8Array {
  const w = new ByteWriter();
  w.strings(keys);
  return w.finish();
}

export function decodeKeys(record: EventKeysRecord): string[] {
  const column = new ByteReader(record.keys).strings();
  const keys: string[] = new Array<string>(column.length);
  for (let i = 0; i < column.length; i++) keys[i] = column.get(i);
  return keys;
}

/**
 * Collects one source's events in order and cuts them into blocks. Used by the import (events
 * arrive in source order) and by the version-3 upgrade.
 */
export class BlockBuilder {
  private events: BlockEvent[] = [];
  private raws: unknown[] = [];
  /** Events handed out in finished blocks so far. */
  written = 0;
  blocks = 0;
  readonly actorCounts: Record<string, number> = {};

  constructor(
    readonly sourceId: string,
    readonly incidentId: string,
    readonly blockSize = BLOCK_SIZE,
  ) {}

  get pending(): number {
    return this.events.length;
  }

  /** Adds one event; returns the finished block when this one filled it. */
  add(event: BlockEvent, raw: unknown): BlockWrite | null {
    this.events.push(event);
    this.raws.push(raw);
    const key = actorCountKey(event);
    if (key !== null) this.actorCounts[key] = (this.actorCounts[key] ?? 0) + 1;
    return this.events.length >= this.blockSize ? this.cut() : null;
  }

  /** The last, partly filled block (if any). */
  flush(): BlockWrite[] {
    return this.events.length ? [this.cut()] : [];
  }

  private cut(): BlockWrite {
    const events = this.events;
    const raws = this.raws;
    this.events = [];
    this.raws = [];
    const seq = this.blocks++;
    const first = this.written;
    this.written += events.length;
    const key = { sourceId: this.sourceId, seq, incidentId: this.incidentId };
    let firstAt = Infinity;
    let lastAt = -Infinity;
    for (const event of events) {
      if (event.at < firstAt) firstAt = event.at;
      if (event.at > lastAt) lastAt = event.at;
    }
    return {
      block: { ...key, count: events.length, firstAt, lastAt, data: encodeEventBlock(events, first), terms: encodeBlockTerms(events.map((e) => e.text)) },
      raw: { ...key, json: encodeRaw(raws) },
      keys: { ...key, keys: encodeKeys(events.map((e) => e.dedupeKey)) },
    };
  }
}
