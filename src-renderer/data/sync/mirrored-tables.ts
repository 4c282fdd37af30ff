import type { ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import type { EntityTable } from 'dexie';
import { restoreActionItem, restoreDocument, restoreIncident } from '@db/restore';
import type { PostmortemRecord } from '../documents/document-store';
import type { MirroredTable } from './record-mirror';

/**
 * What of an incident travels to teammates, table by table. Each table is one Y.Map of field
 * writes in the `<team>/incident/<id>` document (field-log.ts).
 */
export const INCIDENT_TABLE: MirroredTable<Incident> = {
  name: 'incident',
  fields: ['title', 'severity', 'status', 'startedAt', 'detectedAt', 'resolvedAt', 'reviewAt', 'timeZone', 'services', 'commander', 'roles', 'summary', 'createdAt'],
  // Deleting a shared incident on this machine leaves it; teammates keep theirs.
  syncDeletes: false,
  table: (database) => database.incidents,
  query: async (database, incidentId) => {
    const incident = await database.incidents.get(incidentId);
    return incident ? [incident] : [];
  },
  restore: (values, incidentId) => restoreIncident({ deletedAt: null, ...values, id: incidentId }),
};

export const ACTION_ITEMS_TABLE: MirroredTable<ActionItem> = {
  name: 'actionItems',
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
  syncDeletes: true,
  table: (database) => database.actionItems,
  query: (database, incidentId) => database.actionItems.where('incidentId').equals(incidentId).toArray(),
  restore: (values, incidentId) => restoreActionItem({ ...values, incidentId }),
};

/**
 * Postmortem documents: the working one and its versions, without `body`. The working
 * document's text is co-edited in its own `doc/<id>` document (the postmortem feature keeps
 * `body` current from it); a version's text never changes and travels once (version-bodies.ts).
 */
export const DOCUMENTS_TABLE: MirroredTable<PostmortemRecord> = {
  name: 'documents',
  fields: ['kind', 'name', 'templateId', 'dismissedFindings', 'sections', 'createdAt'],
  syncDeletes: true,
  table: (database) => database.documents as unknown as EntityTable<PostmortemRecord, 'id'>,
  query: async (database, incidentId) => (await database.documents.where('incidentId').equals(incidentId).toArray()) as PostmortemRecord[],
  restore: (values, incidentId) => restoreDocument({ body: '', ...values, incidentId }) as PostmortemRecord,
};
