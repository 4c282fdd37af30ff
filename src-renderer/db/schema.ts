import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Incident } from '@core/model/incident';
import type { Source } from '@core/model/source';
import type { EventState, ManualEventRecord } from '@core/model/event';
import type { Person } from '@core/model/person';
import type { Milestone } from '@core/model/milestone';
import type { Annotation } from '@core/model/annotation';
import type { PostmortemDocument } from '@core/model/document';
import type { ActionItem } from '@core/model/action-item';
import type { SettingRecord } from '@core/model/settings';
import type { BundleBlockMeta } from '@core/bundles/bundle-records';
import { upgradeToEventBlocks } from './migrations/v3-event-blocks';
import { restoreEveryRecord } from './migrations/v5-restore-records';
import type { UpgradeHooks } from './migrations/upgrade-hooks';

export const DATABASE_NAME = 'debrief';

/** Key of the event-block tables: a source's blocks in order. */
export type BlockKey = [sourceId: string, seq: number];

/** A block of a source's imported events (core/events/event-block.ts) and its search postings. */
export interface EventBlockRecord extends BundleBlockMeta {
  data: Uint8Array;
  terms: Uint8Array;
}

/** The original records of one block's events, as a JSON array; read only when asked for. */
export interface EventRawRecord {
  sourceId: string;
  seq: number;
  incidentId: string;
  json: string;
}

/** The de-duplication keys of one block (a string column), so an import reads keys, not events. */
export interface EventKeysRecord {
  sourceId: string;
  seq: number;
  incidentId: string;
  keys: Uint8Array;
}

/**
 * The whole schema lives here. Version 1 declares every table of the domain so that later
 * work adds fields and indexes (new versions below), never tables scattered elsewhere.
 */
export class DebriefDatabase extends Dexie {
  incidents!: EntityTable<Incident, 'id'>;
  sources!: EntityTable<Source, 'id'>;
  eventBlocks!: Table<EventBlockRecord, BlockKey>;
  eventRaw!: Table<EventRawRecord, BlockKey>;
  eventKeys!: Table<EventKeysRecord, BlockKey>;
  eventState!: EntityTable<EventState, 'id'>;
  manualEvents!: EntityTable<ManualEventRecord, 'id'>;
  people!: EntityTable<Person, 'id'>;
  milestones!: EntityTable<Milestone, 'id'>;
  annotations!: EntityTable<Annotation, 'id'>;
  documents!: EntityTable<PostmortemDocument, 'id'>;
  actionItems!: EntityTable<ActionItem, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  /**
   * `durability` is per connection in IndexedDB: the UI's connection is 'strict' because it
   * writes what users typed; the import worker opens a 'relaxed' one for bulk writes that are
   * made atomic by the staging marker instead.
   */
  constructor(options: { durability?: 'strict' | 'relaxed'; name?: string; upgradeHooks?: UpgradeHooks } = {}) {
    super(options.name ?? DATABASE_NAME, { chromeTransactionDurability: options.durability ?? 'strict' });
    this.version(1).stores({
      incidents: 'id, updatedAt, severity, status, startedAt, deletedAt',
      sources: 'id, incidentId, state, [incidentId+sha256]',
      events: 'id, [incidentId+at], &[incidentId+dedupeKey], sourceId, [incidentId+threadParentKey]',
      people: 'id, *matchKeys, displayName',
      milestones: 'id, incidentId, [incidentId+at]',
      annotations: 'id, incidentId, eventId, updatedAt',
      documents: 'id, incidentId, [incidentId+kind]',
      actionItems: 'id, incidentId, ownerId, status, dueAt, priority, updatedAt',
      settings: 'key',
    });
    // Version 2: people screens count and repoint an actor's events without scanning every event.
    this.version(2).stores({
      events: 'id, [incidentId+at], &[incidentId+dedupeKey], sourceId, [incidentId+threadParentKey], actorId',
    });
    // Version 3: imported events in immutable blocks per source (one record per few thousand
    // events, no per-event indexes), typed-in events as small records, pins and redactions
    // apart. The upgrade moves every v2 event (see migrations/v3-event-blocks.ts).
    this.version(3)
      .stores({
        events: null,
        eventBlocks: '[sourceId+seq], incidentId',
        eventRaw: '[sourceId+seq], incidentId',
        eventKeys: '[sourceId+seq], incidentId',
        eventState: 'id, incidentId',
        manualEvents: 'id, incidentId',
      })
      .upgrade((tx) => upgradeToEventBlocks(tx, options.upgradeHooks));
    // Version 4: an incident's committed sources by one index range, so a live view of them
    // ignores staging rows and other incidents' imports (data/events/visibility.ts).
    this.version(4).stores({
      sources: 'id, incidentId, state, [incidentId+sha256], [incidentId+state]',
    });
    // Version 5: records are restored once where they enter (db/restore.ts), not on every read;
    // the upgrade restores what older versions stored.
    this.version(5)
      .stores({})
      .upgrade((tx) => restoreEveryRecord(tx, options.upgradeHooks));
  }
}
