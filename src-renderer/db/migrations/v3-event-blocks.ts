import type { Transaction } from 'dexie';
import { BLOCK_SIZE, toBlockEvent } from '@core/events/event-block';
import { EVENT_KINDS, type EventState, type ManualEventRecord, type TimelineEvent } from '@core/model/event';
import type { Source } from '@core/model/source';
import { BlockBuilder, type BlockWrite } from '../event-blocks';
import type { UpgradeHooks } from './upgrade-hooks';

/**
 * Version 2 → 3: every event record moves into its new home, in the one upgrade transaction
 * (IndexedDB's versionchange transaction is all-or-nothing: if anything here throws, the
 * database stays at version 2 exactly as it was, and the next start tries again).
 *
 * - Events of committed imports become blocks of their source, in the order the timeline showed
 *   them (time, then id); their ids are kept, since milestones, notes, action items and
 *   postmortems point at them.
 * - Events typed in by hand (the incident's `manual:` source) become small records.
 * - Pins and redactions become EventState records.
 * - Events no screen could show (of an interrupted import, or of no source) are not carried
 *   over, nor is the interrupted import's source row.
 *
 * The cursor is walked with the native API so that a block is written as soon as it is full:
 * memory stays at one block per source whatever the library's size.
 */

export type { UpgradeHooks } from './upgrade-hooks';

const KNOWN_FIELDS = new Set([
  'id', 'incidentId', 'sourceId', 'sourceFormat', 'dedupeKey', 'kind', 'at', 'originalTime', 'actorId', 'actorAlias', 'actorName', 'channel', 'text',
  'links', 'threadParentKey', 'replyCount', 'edited', 'deleted', 'reactions', 'attachments', 'pinned', 'redacted', 'redactions', 'raw',
]);

const eventKinds = new Set<string>(EVENT_KINDS);
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const s = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const n = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const b = (v: unknown): boolean => v === true;

/** A v2 event record as version 2 showed it (its read hook's defaults), with unknown fields apart. */
export function readV2Event(record: unknown): { event: TimelineEvent; extra: Record<string, unknown> } | null {
  const r = (record ?? {}) as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.incidentId !== 'string') return null;
  const kind = s(r.kind);
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(r)) if (!KNOWN_FIELDS.has(key)) extra[key] = r[key];
  const event: TimelineEvent = {
    id: r.id,
    incidentId: r.incidentId,
    sourceId: s(r.sourceId),
    sourceFormat: s(r.sourceFormat, 'manual') as TimelineEvent['sourceFormat'],
    dedupeKey: s(r.dedupeKey, r.id),
    kind: (eventKinds.has(kind) ? kind : 'message') as TimelineEvent['kind'],
    at: n(r.at, 0),
    originalTime: s(r.originalTime),
    actorId: typeof r.actorId === 'string' ? r.actorId : null,
    actorName: s(r.actorName, 'Unknown'),
    channel: s(r.channel),
    text: s(r.text),
    links: arr(r.links),
    threadParentKey: typeof r.threadParentKey === 'string' ? r.threadParentKey : null,
    replyCount: n(r.replyCount, 0),
    edited: b(r.edited),
    deleted: b(r.deleted),
    reactions: arr(r.reactions),
    attachments: arr(r.attachments),
    pinned: b(r.pinned),
    redacted: b(r.redacted),
    redactions: arr(r.redactions),
    raw: r.raw ?? null,
  };
  if (r.actorAlias !== undefined) event.actorAlias = typeof r.actorAlias === 'string' ? r.actorAlias : null;
  return { event, extra };
}

export function stateOf(event: TimelineEvent): EventState | null {
  if (!event.pinned && !event.redacted && event.redactions.length === 0) return null;
  return { id: event.id, incidentId: event.incidentId, pinned: event.pinned, redacted: event.redacted, redactions: event.redactions };
}

export function manualRecordOf(event: TimelineEvent, extra: Record<string, unknown>): ManualEventRecord {
  const { pinned: _pinned, redacted: _redacted, redactions: _redactions, ...content } = event;
  return { ...extra, ...content };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('an upgrade step failed'));
  });
}

/** What converting v2 events produces, to be written by the caller (natively or through Dexie). */
export interface V2Output {
  block(write: BlockWrite): void;
  manual(record: ManualEventRecord): void;
  state(state: EventState): void;
}

/**
 * Turns v2 event records into blocks, typed-in records and states. Records must come in the
 * order v2 showed them: by incident, time, then id (the `[incidentId+at]` index order).
 */
export class V2EventConverter {
  private readonly committed: Map<string, Source>;
  private readonly builders = new Map<string, BlockBuilder>();

  constructor(
    sources: readonly Source[],
    private readonly out: V2Output,
    private readonly blockSize = BLOCK_SIZE,
  ) {
    this.committed = new Map(sources.filter((source) => source.state === 'committed').map((source) => [source.id, source]));
  }

  add(record: unknown): void {
    const read = readV2Event(record);
    if (!read) return;
    const { event, extra } = read;
    const source = this.committed.get(event.sourceId);
    if (event.sourceId === `manual:${event.incidentId}`) {
      this.out.manual(manualRecordOf(event, extra));
    } else if (source && source.incidentId === event.incidentId) {
      let builder = this.builders.get(source.id);
      if (!builder) this.builders.set(source.id, (builder = new BlockBuilder(source.id, source.incidentId, this.blockSize)));
      const stored = toBlockEvent(event);
      if (Object.keys(extra).length) stored.extra = extra;
      const full = builder.add(stored, event.raw);
      if (full) this.out.block(full);
    } else {
      return; // invisible in version 2 (interrupted import or no source): nothing to carry over
    }
    const state = stateOf(event);
    if (state) this.out.state(state);
  }

  /** Writes the last blocks; returns the committed sources as version 3 keeps them. */
  finish(): Source[] {
    for (const builder of this.builders.values()) builder.flush().forEach((write) => this.out.block(write));
    const keep = [...this.committed.values()].map((source) => {
      const builder = this.builders.get(source.id);
      return { ...source, blockCount: builder?.blocks ?? 0, actorCounts: builder?.actorCounts ?? {} };
    });
    return keep;
  }
}

/** v2 order: incident, time, then id (how IndexedDB ordered the `[incidentId+at]` index). */
export function compareV2Order(a: { incidentId: string; at: number; id: string }, b: { incidentId: string; at: number; id: string }): number {
  return a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export async function upgradeToEventBlocks(tx: Transaction, hooks: UpgradeHooks = {}): Promise<void> {
  const idb = tx.idbtrans;
  const sources = (await request(idb.objectStore('sources').getAll())) as Source[];
  const stores = {
    blocks: idb.objectStore('eventBlocks'),
    raw: idb.objectStore('eventRaw'),
    keys: idb.objectStore('eventKeys'),
    state: idb.objectStore('eventState'),
    manual: idb.objectStore('manualEvents'),
  };
  const converter = new V2EventConverter(
    sources,
    {
      block: (write) => {
        stores.blocks.add(write.block);
        stores.raw.add(write.raw);
        stores.keys.add(write.keys);
      },
      manual: (record) => stores.manual.put(record),
      state: (state) => stores.state.put(state),
    },
    hooks.blockSize,
  );
  const sourceStore = idb.objectStore('sources');
  await new Promise<void>((resolve, reject) => {
    const cursorRequest = idb.objectStore('events').index('[incidentId+at]').openCursor();
    cursorRequest.onerror = () => reject(cursorRequest.error ?? new Error('reading the stored events failed'));
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      try {
        if (!cursor) {
          // Sources: the interrupted imports go; committed ones learn their blocks and authors.
          const keep = converter.finish();
          const kept = new Set(keep.map((source) => source.id));
          for (const source of sources) if (!kept.has(source.id)) sourceStore.delete(source.id);
          for (const source of keep) sourceStore.put(source);
          resolve();
          return;
        }
        converter.add(cursor.value);
        cursor.continue();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
  });
}
