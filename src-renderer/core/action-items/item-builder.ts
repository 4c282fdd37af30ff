import type { ActionItem } from '../model/action-item';

/** A complete ActionItem for tests and previews; only the fields a case cares about are given. */
export function buildActionItem(fields: Partial<ActionItem> & Pick<ActionItem, 'id'>): ActionItem {
  return {
    incidentId: 'inc-1',
    title: `Action ${fields.id}`,
    description: '',
    ownerId: null,
    ownerName: '',
    priority: 'P2',
    status: 'open',
    wontDoReason: '',
    kind: 'prevent',
    createdAt: Date.UTC(2024, 5, 20),
    dueAt: null,
    dueSetByHand: false,
    completedAt: null,
    trackerUrl: '',
    eventIds: [],
    annotationIds: [],
    updatedAt: Date.UTC(2024, 5, 20),
    ...fields,
  };
}
