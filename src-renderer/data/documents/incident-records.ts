import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import type { ActionItem } from '@core/model/action-item';
import type { Annotation } from '@core/model/annotation';
import type { TimelineEvent } from '@core/model/event';
import type { Incident } from '@core/model/incident';
import type { Milestone } from '@core/model/milestone';
import type { Person } from '@core/model/person';
import { DEFAULT_METRIC_OPTIONS, METRIC_OPTIONS_KEY, metricOptionsSchema, type MetricOptions } from '@core/metrics/metric-options';
import { loadVisibleEvents } from '../events';
import { readSetting } from '../settings/settings-store';
import { DocumentError } from './document-error';

/** Everything stored about one incident that a postmortem shows. Events are the visible ones. */
export interface IncidentRecords {
  incident: Incident;
  events: TimelineEvent[];
  milestones: Milestone[];
  annotations: Annotation[];
  actionItems: ActionItem[];
  /** People who appear as actors in the incident's events. */
  people: Person[];
  /** The team's metric settings; defaults when absent. */
  metricOptions?: MetricOptions;
}

/** Reads one incident's records for a postmortem or an export. */
export async function loadIncidentRecords(incidentId: string, database: DebriefDatabase = db): Promise<IncidentRecords> {
  const incident = await database.incidents.get(incidentId);
  if (!incident) throw new DocumentError('NO_DOCUMENT', 'This incident no longer exists.');
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
