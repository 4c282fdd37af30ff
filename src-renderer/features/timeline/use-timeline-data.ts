import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import { loadVisibleEvents } from '@db/visible-events';
import type { TimelineEvent } from '@core/model/event';
import type { Milestone } from '@core/model/milestone';
import type { Source } from '@core/model/source';

/** Visible events of the incident in time order; undefined while loading. */
export function useVisibleEvents(incidentId: string): TimelineEvent[] | undefined {
  return useLiveQuery(() => loadVisibleEvents(db, incidentId), [incidentId]);
}

export function useMilestones(incidentId: string): Milestone[] {
  return useLiveQuery(() => db.milestones.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray(), [incidentId]) ?? [];
}

export function useCommittedSources(incidentId: string): Source[] {
  return useLiveQuery(async () => (await db.sources.where('incidentId').equals(incidentId).toArray()).filter((s) => s.state === 'committed'), [incidentId]) ?? [];
}
