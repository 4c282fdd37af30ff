import Dexie, { type EntityTable } from 'dexie';
import type { Incident } from '@core/model/incident';
import type { Source } from '@core/model/source';
import type { TimelineEvent } from '@core/model/event';
import type { Person } from '@core/model/person';
import type { Milestone } from '@core/model/milestone';
import type { Annotation } from '@core/model/annotation';
import type { PostmortemDocument } from '@core/model/document';
import type { ActionItem } from '@core/model/action-item';
import type { SettingRecord } from '@core/model/settings';
import { installRestoreHooks } from './restore-hooks';

export const DATABASE_NAME = 'debrief';

/**
 * The whole schema lives here. Version 1 declares every table of the domain so that later
 * work adds fields and indexes (new versions below), never tables scattered elsewhere.
 */
export class DebriefDatabase extends Dexie {
  incidents!: EntityTable<Incident, 'id'>;
  sources!: EntityTable<Source, 'id'>;
  events!: EntityTable<TimelineEvent, 'id'>;
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
  constructor(options: { durability?: 'strict' | 'relaxed'; name?: string } = {}) {
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
    installRestoreHooks(this);
  }
}
