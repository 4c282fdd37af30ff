import type { ActionItem } from '@core/model/action-item';
import type { Annotation } from '@core/model/annotation';
import type { EventState, ManualEventRecord } from '@core/model/event';
import type { Incident } from '@core/model/incident';
import type { PostmortemRecord } from '../documents/document-store';
import type { Milestone } from '@core/model/milestone';
import type { SettingRecord } from '@core/model/settings';
import { parseSlaPolicy } from '@core/action-items/sla-policy';
import { restoreActionItem, restoreAnnotation, restoreDocument, restoreEventState, restoreIncident, restoreManualEvent, restoreMilestone } from '@db/restore';
import type { DebriefDatabase } from '@db/schema';
import { SLA_POLICY_KEY } from '@data/action-items';
import { emitEventChange, manualSourceId } from '@data/events';
import type { MirroredTable } from './record-mirror';

/**
 * What travels to teammates, table by table. Each table is one Y.Map of field writes
 * (field-log.ts): the incident's in the `<team>/incident/<id>` document, the team's settings in
 * `<team>/team`. Postmortem documents travel as co-edited documents of their own, not here.
 */

type Stamped = { id: string; incidentId: string; updatedAt: number };

/** The common shape of an incident's tables: keyed by id, filed under incidentId. */
function incidentTable<T extends { id: string; incidentId: string }>(
  spec: Pick<MirroredTable<T>, 'name' | 'table' | 'fields' | 'deletes' | 'defaults' | 'afterRemote'> & {
    index: (database: DebriefDatabase) => { where(index: 'incidentId'): { equals(value: string): { toArray(): Promise<T[]> } } };
    restore: (values: Record<string, unknown>, key: string, incidentId: string, writtenAt: number) => T;
    updatedAt?: (record: T) => number;
  },
): MirroredTable<T> {
  return {
    ...spec,
    keyOf: (record) => record.id,
    belongs: (record, incidentId) => record.incidentId === incidentId,
    updatedAt: spec.updatedAt ?? ((record) => (record as Partial<Stamped>).updatedAt ?? 0),
    query: (database, incidentId) => spec.index(database).where('incidentId').equals(incidentId).toArray(),
    restore: (values, { key, scope, writtenAt }) => spec.restore(values, key, scope, writtenAt),
  };
}

/** A record's "updated at" is its latest field write, everywhere. */
const stamped = (values: Record<string, unknown>, writtenAt: number): number => Math.max(typeof values.updatedAt === 'number' ? values.updatedAt : 0, writtenAt);

/** The incident's facts and roles (Incident Commander and the others). */
export const INCIDENT_TABLE: MirroredTable<Incident> = {
  name: 'incident',
  table: 'incidents',
  fields: ['title', 'severity', 'status', 'startedAt', 'detectedAt', 'resolvedAt', 'reviewAt', 'timeZone', 'services', 'commander', 'roles', 'summary', 'createdAt'],
  // Deleting a shared incident on this machine leaves it; teammates keep theirs.
  deletes: 'keep',
  keyOf: (incident) => incident.id,
  belongs: (record, incidentId) => record.id === incidentId,
  updatedAt: (incident) => incident.updatedAt,
  query: async (database, incidentId) => {
    const incident = await database.incidents.get(incidentId);
    return incident ? [incident] : [];
  },
  restore: (values, { scope, writtenAt }) => restoreIncident({ deletedAt: null, ...values, id: scope, updatedAt: stamped(values, writtenAt) }),
};

export const ACTION_ITEMS_TABLE = incidentTable<ActionItem>({
  name: 'actionItems',
  table: 'actionItems',
  fields: [
    'title',
    'description',
    'ownerId',
    'ownerName',
    'priority',
    'status',
    'wontDoReason',
    'kind',
    'createdAt',
    'dueAt',
    'dueSetByHand',
    'slaStartAt',
    'completedAt',
    'trackerUrl',
    'eventIds',
    'annotationIds',
  ],
  deletes: 'sync',
  index: (database) => database.actionItems,
  restore: (values, id, incidentId, writtenAt) => restoreActionItem({ ...values, id, incidentId, updatedAt: stamped(values, writtenAt) }),
});

/** Milestones, "Under Control" and "All Clear" included. */
export const MILESTONES_TABLE = incidentTable<Milestone>({
  name: 'milestones',
  table: 'milestones',
  fields: ['kind', 'label', 'at', 'eventId', 'note', 'impact', 'createdAt'],
  deletes: 'sync',
  index: (database) => database.milestones,
  restore: (values, id, incidentId, writtenAt) => restoreMilestone({ ...values, id, incidentId, updatedAt: stamped(values, writtenAt) }),
});

/**
 * Annotations, without their text: `body`/`plainText` are co-edited in the incident's
 * `annotations` document (the review feature keeps them current from it on every machine).
 */
export const ANNOTATIONS_TABLE = incidentTable<Annotation>({
  name: 'annotations',
  table: 'annotations',
  fields: ['target', 'eventId', 'tags', 'author', 'dismissedFindings', 'createdAt'],
  deletes: 'sync',
  index: (database) => database.annotations,
  restore: (values, id, incidentId, writtenAt) => restoreAnnotation({ ...values, id, incidentId, updatedAt: stamped(values, writtenAt) }),
});

/** The timeline views listen to event changes, not to the tables. */
const tellTimeline = (database: DebriefDatabase, incidentId: string, ids: string[]): void =>
  emitEventChange({ database: database.name, incidentId, type: 'events', ids });

/** Key moments (pins) and redactions of any event, imported or typed in. */
export const EVENT_STATE_TABLE = incidentTable<EventState>({
  name: 'eventState',
  table: 'eventState',
  fields: ['pinned', 'redacted', 'redactions'],
  // No record means not pinned, not redacted: removing the last of them deletes the record.
  deletes: 'as-defaults',
  defaults: { pinned: false, redacted: false, redactions: [] },
  index: (database) => database.eventState,
  restore: (values, id, incidentId) => restoreEventState({ ...values, id, incidentId }),
  afterRemote: tellTimeline,
});

/** Events typed in by hand, CAN reports among them (their Conditions, Actions, Needs in `raw`). */
export const MANUAL_EVENTS_TABLE = incidentTable<ManualEventRecord>({
  name: 'manualEvents',
  table: 'manualEvents',
  // The person an event is linked to (actorId) is of this machine's people list; the name travels.
  fields: ['kind', 'at', 'originalTime', 'actorName', 'channel', 'text', 'mentions', 'links', 'threadParentKey', 'replyCount', 'edited', 'deleted', 'reactions', 'attachments', 'raw'],
  deletes: 'sync',
  index: (database) => database.manualEvents,
  restore: (values, id, incidentId) =>
    restoreManualEvent({ actorId: null, ...values, id, incidentId, sourceId: manualSourceId(incidentId), sourceFormat: 'manual', dedupeKey: `manual:${id}` }),
  afterRemote: tellTimeline,
});

/**
 * Postmortem documents: the working one and its versions, without `body`. The working
 * document's text is co-edited in its own `doc/<id>` document (the postmortem feature keeps
 * `body` current from it); a version's text never changes and travels once (version-bodies.ts).
 */
export const DOCUMENTS_TABLE = incidentTable<PostmortemRecord>({
  name: 'documents',
  table: 'documents',
  fields: ['kind', 'name', 'templateId', 'dismissedFindings', 'sections', 'review', 'createdAt'],
  deletes: 'sync',
  index: (database) => database.documents as unknown as { where(index: 'incidentId'): { equals(value: string): { toArray(): Promise<PostmortemRecord[]> } } },
  // `body` is not a synced field: the one stored here (from `current`) stays.
  restore: (values, id, incidentId, writtenAt) => restoreDocument({ body: '', ...values, id, incidentId, updatedAt: stamped(values, writtenAt) }) as PostmortemRecord,
});

/** The tables of the `<team>/incident/<id>` document. */
export const INCIDENT_DOC_TABLES = [INCIDENT_TABLE, ACTION_ITEMS_TABLE, MILESTONES_TABLE, ANNOTATIONS_TABLE, EVENT_STATE_TABLE, MANUAL_EVENTS_TABLE, DOCUMENTS_TABLE] as const;

/** The team's SLA policy (Settings → Action items): one for the whole team, in `<team>/team`. */
export const TEAM_SETTINGS_TABLE: MirroredTable<SettingRecord> = {
  name: 'settings',
  table: 'settings',
  fields: ['value'],
  deletes: 'sync',
  keyOf: (setting) => setting.key,
  belongs: (record) => record.key === SLA_POLICY_KEY,
  updatedAt: (setting) => setting.updatedAt,
  query: async (database) => {
    const policy = await database.settings.get(SLA_POLICY_KEY);
    return policy ? [policy] : [];
  },
  restore: (values, { key, writtenAt }) => {
    if (key !== SLA_POLICY_KEY) throw new TypeError(`A teammate's app sent the team setting "${key}", which Debrief does not share.`);
    return { key, value: parseSlaPolicy(values.value), updatedAt: stamped(values, writtenAt) };
  },
};
