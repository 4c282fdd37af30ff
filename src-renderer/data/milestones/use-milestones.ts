import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { Milestone } from '@core/model/milestone';

/** The incident's milestones in time order; undefined while loading. */
export function useMilestones(incidentId: string): Milestone[] | undefined {
  return useLiveQuery(() => db.milestones.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray(), [incidentId]);
}
