import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { Milestone } from '@core/model/milestone';
import type { Source } from '@core/model/source';

export function useMilestones(incidentId: string): Milestone[] {
  return useLiveQuery(() => db.milestones.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray(), [incidentId]) ?? [];
}

export function useCommittedSources(incidentId: string): Source[] {
  return useLiveQuery(async () => (await db.sources.where('incidentId').equals(incidentId).toArray()).filter((s) => s.state === 'committed'), [incidentId]) ?? [];
}
