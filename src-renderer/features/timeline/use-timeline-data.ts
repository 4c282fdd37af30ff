import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import { visibleSources } from '@data/events';
import type { Milestone } from '@core/model/milestone';
import type { Source } from '@core/model/source';

export function useMilestones(incidentId: string): Milestone[] {
  return useLiveQuery(() => db.milestones.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray(), [incidentId]) ?? [];
}

export function useCommittedSources(incidentId: string): Source[] {
  return useLiveQuery(() => visibleSources(db, incidentId), [incidentId]) ?? [];
}
