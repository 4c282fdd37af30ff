import { z } from 'zod';
import { CodedError } from '@core/errors/coded-error';
import { SEVERITIES } from '@core/model/severity';
import { INCIDENT_STATUSES, ROLE_NAMES, type Incident } from '@core/model/incident';
import { SOURCE_FORMATS, SOURCE_STATES, type Source } from '@core/model/source';
import type { EventState, ManualEventRecord } from '@core/model/event';
import { manualRecordOf, readV2Event } from './migrations/v3-event-blocks';
import type { Person } from '@core/model/person';
import { IMPACT_MARKS, MILESTONE_KINDS, type Milestone } from '@core/model/milestone';
import { ANNOTATION_TAGS, type Annotation } from '@core/model/annotation';
import type { PostmortemDocument } from '@core/model/document';
import { ACTION_KINDS, ACTION_STATUSES, PRIORITIES, type ActionItem } from '@core/model/action-item';

/**
 * Every record passes through one of these once, where it enters the library: the upgrade of an
 * older library (migrations/v5-restore-records.ts), a backup restored, a bundle imported, a
 * teammate's record synced. Missing fields get defaults (records written by older versions) and
 * wrong-typed fields are replaced by defaults rather than crashing a screen later; unknown fields
 * are kept so that a newer version's data survives a round trip through an older build. Reads
 * then take records as stored.
 */
const time = z.number().finite().nullable().catch(null);
const str = (fallback = '') => z.string().catch(fallback);
const strArray = z.array(z.string()).catch([]);
const num = (fallback: number) => z.number().finite().catch(fallback);

const incidentSchema = z.looseObject({
  id: z.string(),
  title: str('Untitled incident'),
  severity: z.enum(SEVERITIES).catch('SEV3'),
  status: z.enum(INCIDENT_STATUSES).catch('active'),
  startedAt: time,
  detectedAt: time,
  resolvedAt: time,
  reviewAt: time,
  timeZone: str('UTC'),
  services: strArray,
  commander: str(),
  roles: z
    .array(z.object({ role: z.enum(ROLE_NAMES), name: z.string() }))
    .catch([]),
  summary: str(),
  createdAt: num(0),
  updatedAt: num(0),
  deletedAt: time,
});

const sourceSchema = z.looseObject({
  id: z.string(),
  incidentId: z.string(),
  fileName: str('unknown file'),
  size: num(0),
  sha256: str(),
  format: z.enum(SOURCE_FORMATS).catch('manual'),
  state: z.enum(SOURCE_STATES).catch('staging'),
  counts: z
    .object({ added: num(0), duplicates: num(0), skipped: num(0), warnings: num(0) })
    .catch({ added: 0, duplicates: 0, skipped: 0, warnings: 0 }),
  warnings: strArray,
  importedAt: num(0),
  blockCount: num(0),
  actorCounts: z.record(z.string(), z.number()).catch({}),
});

const personSchema = z.looseObject({
  id: z.string(),
  displayName: str('Unknown'),
  email: z.string().nullable().catch(null),
  aliases: z
    .array(
      z.object({
        sourceFormat: z.string(),
        externalId: z.string(),
        name: z.string(),
        email: z.string().nullable().catch(null),
        otherNames: z.array(z.string()).optional().catch(undefined),
        matchedBy: z.string().optional().catch(undefined),
      }),
    )
    .catch([]),
  matchKeys: strArray,
  createdAt: num(0),
  updatedAt: num(0),
});

const milestoneSchema = z.looseObject({
  id: z.string(),
  incidentId: z.string(),
  kind: z.enum(MILESTONE_KINDS).catch('Custom'),
  label: str(),
  at: num(0),
  eventId: z.string().nullable().catch(null),
  note: str(),
  impact: z.enum(IMPACT_MARKS).nullable().optional().catch(null),
  createdAt: num(0),
  updatedAt: num(0),
});

const annotationSchema = z.looseObject({
  id: z.string(),
  incidentId: z.string(),
  target: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('incident') }),
      z.object({ type: z.literal('event'), eventId: z.string() }),
      z.object({ type: z.literal('range'), from: z.number(), to: z.number() }),
    ])
    .catch({ type: 'incident' }),
  eventId: z.string().nullable().catch(null),
  tags: z.array(z.enum(ANNOTATION_TAGS)).catch([]),
  body: str(),
  plainText: str(),
  author: str(),
  dismissedFindings: strArray,
  createdAt: num(0),
  updatedAt: num(0),
});

const documentSchema = z.looseObject({
  id: z.string(),
  incidentId: z.string(),
  kind: z.enum(['current', 'version']).catch('current'),
  name: str('Postmortem'),
  templateId: str(),
  body: str(),
  dismissedFindings: strArray,
  createdAt: num(0),
  updatedAt: num(0),
});

const actionItemSchema = z.looseObject({
  id: z.string(),
  incidentId: z.string(),
  title: str('Untitled action item'),
  description: str(),
  ownerId: z.string().nullable().catch(null),
  ownerName: str(),
  priority: z.enum(PRIORITIES).catch('P3'),
  status: z.enum(ACTION_STATUSES).catch('open'),
  wontDoReason: str(),
  kind: z.enum(ACTION_KINDS).catch('prevent'),
  createdAt: num(0),
  dueAt: time,
  dueSetByHand: z.boolean().catch(false),
  slaStartAt: z.number().finite().nullable().optional().catch(undefined),
  completedAt: time,
  trackerUrl: str(),
  eventIds: strArray,
  annotationIds: strArray,
  updatedAt: num(0),
});

function restoreWith<T>(schema: z.ZodType, table: string) {
  return (record: unknown): T => {
    const result = schema.safeParse(record);
    if (!result.success) {
      // Only the primary keys can fail (everything else has a fallback): such a record is
      // unusable, and hiding it would lose data silently, so surface it.
      throw new StoredRecordError(table, result.error.issues.map((i) => i.path.join('.')).join(', '), recordId(record));
    }
    return result.data as T;
  };
}

/** A record that cannot be restored: it lacks the id or the incident it belongs to. */
export class StoredRecordError extends CodedError<'STORED_RECORD_INVALID'> {
  constructor(
    readonly table: string,
    readonly fields: string,
    readonly recordId: string | null = null,
  ) {
    super('STORED_RECORD_INVALID', `A ${table} record${recordId ? ` (id ${recordId})` : ''} is unreadable: it has no valid ${fields}.`, { location: { field: fields } });
  }
}

const recordId = (record: unknown): string | null => {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : null;
};

export const restoreIncident = restoreWith<Incident>(incidentSchema, 'incident');
export const restoreSource = restoreWith<Source>(sourceSchema, 'source');
export const restorePerson = restoreWith<Person>(personSchema, 'person');
export const restoreMilestone = restoreWith<Milestone>(milestoneSchema, 'milestone');
export const restoreAnnotation = restoreWith<Annotation>(annotationSchema, 'annotation');
export const restoreDocument = restoreWith<PostmortemDocument>(documentSchema, 'document');
export const restoreActionItem = restoreWith<ActionItem>(actionItemSchema, 'action item');

const redactionSchema = z.object({ start: z.number(), end: z.number() });

const eventStateSchema = z.looseObject({
  id: z.string(),
  incidentId: z.string(),
  pinned: z.boolean().catch(false),
  redacted: z.boolean().catch(false),
  redactions: z.array(redactionSchema).catch([]),
});

export const restoreEventState = restoreWith<EventState>(eventStateSchema, 'event state');

/** Typed-in events get the defaults every event had in version 2 (one definition: readV2Event). */
export function restoreManualEvent(record: unknown): ManualEventRecord {
  const read = readV2Event(record);
  if (!read) throw new StoredRecordError('event', 'id, incidentId', recordId(record));
  return manualRecordOf(read.event, read.extra);
}

const RESTORERS = {
  incidents: restoreIncident,
  sources: restoreSource,
  manualEvents: restoreManualEvent,
  eventState: restoreEventState,
  people: restorePerson,
  milestones: restoreMilestone,
  annotations: restoreAnnotation,
  documents: restoreDocument,
  actionItems: restoreActionItem,
} as const;

/** The tables whose records are restored where they enter (the others hold bytes or settings read by their owner's schema). */
export type RestoredTable = keyof typeof RESTORERS;
export const RESTORED_TABLES = Object.keys(RESTORERS) as RestoredTable[];

export function isRestoredTable(table: string): table is RestoredTable {
  return Object.hasOwn(RESTORERS, table);
}

/** Restores a record of `table`; throws StoredRecordError when it lacks its id or incident. */
export function restoreRecord<T extends RestoredTable>(table: T, record: unknown): ReturnType<(typeof RESTORERS)[T]> {
  if (record === undefined || record === null) throw new StoredRecordError(table, 'id');
  return RESTORERS[table](record) as ReturnType<(typeof RESTORERS)[T]>;
}
