import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { loadVisibleEvents } from '@data/events';
import { readSetting } from '@data/settings';
import { DEFAULT_METRIC_OPTIONS, METRIC_OPTIONS_KEY, metricOptionsSchema } from '@core/metrics/metric-options';
import { PostmortemError } from './postmortem-error';
import type { PostmortemRecords } from './context-input';

/** Reads one incident's records for a postmortem, in one consistent snapshot. */
export async function loadPostmortemRecords(incidentId: string, database: DebriefDatabase = db): Promise<PostmortemRecords> {
  const incident = await database.incidents.get(incidentId);
  if (!incident) throw new PostmortemError('NO_DOCUMENT', 'This incident no longer exists.');
  const events = await loadVisibleEvents(database, incidentId);
  const [milestones, annotations, actionItems, metricOptions] = await Promise.all([
    database.milestones.where('incidentId').equals(incidentId).toArray(),
    database.annotations.where('incidentId').equals(incidentId).toArray(),
    database.actionItems.where('incidentId').equals(incidentId).toArray(),
    readSetting(METRIC_OPTIONS_KEY, metricOptionsSchema, DEFAULT_METRIC_OPTIONS, database),
  ]);
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const people = (await database.people.bulkGet(actorIds)).filter((p) => p !== undefined);
  return { incident, events, milestones, annotations, actionItems, people, metricOptions };
}
