import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import type { ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';

export function useIncidentActionItems(incidentId: string): ActionItem[] | undefined {
  return useLiveQuery(() => db.actionItems.where('incidentId').equals(incidentId).toArray(), [incidentId]);
}

export interface LiveActionItems {
  items: ActionItem[];
  incidents: Map<string, Incident>;
}

/** Every item whose incident is live (not deleted or waiting for its undo to expire). */
export async function readLiveActionItems(database: DebriefDatabase = db): Promise<LiveActionItems> {
  return database.transaction('r', database.incidents, database.actionItems, async () => {
    const incidents = new Map((await database.incidents.toArray()).filter((i) => !i.deletedAt).map((i) => [i.id, i]));
    const items = (await database.actionItems.toArray()).filter((i) => incidents.has(i.incidentId));
    return { items, incidents };
  });
}

export function useAllActionItems(): LiveActionItems | undefined {
  return useLiveQuery(() => readLiveActionItems(), []);
}
