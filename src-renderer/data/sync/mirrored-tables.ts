import type { ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import { restoreActionItem, restoreIncident } from '@db/restore';
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
