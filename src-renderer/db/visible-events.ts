import type { TimelineEvent } from '@core/model/event';
import type { DebriefDatabase } from './schema';

/** Events typed in by hand (no import) belong to this pseudo-source, which is always visible. */
export function manualSourceId(incidentId: string): string {
  return `manual:${incidentId}`;
}

/**
 * The committed sources of an incident. Events of an import still being written (or left
 * behind by a crash) belong to a 'staging' source and must never be shown or counted.
 */
export async function committedSourceIds(database: DebriefDatabase, incidentId: string): Promise<Set<string>> {
  const sources = await database.sources.where('incidentId').equals(incidentId).toArray();
  const ids = new Set(sources.filter((s) => s.state === 'committed').map((s) => s.id));
  ids.add(manualSourceId(incidentId));
  return ids;
}

/** Every visible event of an incident, in time order. */
export async function loadVisibleEvents(database: DebriefDatabase, incidentId: string): Promise<TimelineEvent[]> {
  return database.transaction('r', database.sources, database.events, async () => {
    const visible = await committedSourceIds(database, incidentId);
    const events = await database.events.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray();
    return events.filter((e) => visible.has(e.sourceId));
  });
}
