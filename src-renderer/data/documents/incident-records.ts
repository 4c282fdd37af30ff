import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import type { ActionItem } from '@core/model/action-item';
import type { Annotation } from '@core/model/annotation';
import type { TimelineEvent } from '@core/model/event';
import type { Incident } from '@core/model/incident';
import type { Milestone } from '@core/model/milestone';
import type { Person } from '@core/model/person';
import { DEFAULT_METRIC_OPTIONS, METRIC_OPTIONS_KEY, metricOptionsSchema, type MetricOptions } from '@core/metrics/metric-options';
import { matchSameEvents, sameEventSplitsKey, sameEventSplitsSchema } from '@core/timeline/same-event';
import { loadVisibleEvents } from '../events';
import { visibleSources } from '../events/visibility';
import { readSetting } from '../settings/settings-store';
import { DocumentError } from './document-error';

/** Everything stored about one incident that a postmortem shows. Events are the visible ones, one per real-world event. */
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
  /** Visible source ids, oldest import first: the order same-millisecond events keep everywhere. */
  sourceOrder?: string[];
}

/** Reads one incident's records for a postmortem or an export. */
export async function loadIncidentRecords(incidentId: string, database: DebriefDatabase = db): Promise<IncidentRecords> {
  const incident = await database.incidents.get(incidentId);
  if (!incident) throw new DocumentError('NO_DOCUMENT', 'This incident no longer exists.');
  const visible = await loadVisibleEvents(database, incidentId);
  const [milestones, annotations, actionItems, metricOptions, splits, sources] = await Promise.all([
    database.milestones.where('incidentId').equals(incidentId).toArray(),
    database.annotations.where('incidentId').equals(incidentId).toArray(),
    database.actionItems.where('incidentId').equals(incidentId).toArray(),
    readSetting(METRIC_OPTIONS_KEY, metricOptionsSchema, DEFAULT_METRIC_OPTIONS, database),
    readSetting(sameEventSplitsKey(incidentId), sameEventSplitsSchema, [], database),
    visibleSources(database, incidentId),
  ]);
  // The same real-world event from two sources is one event in a postmortem, as it is one row on
  // the timeline (the earlier record stands for both); pairs the user split stay two.
  const { shownIn } = matchSameEvents(visible, new Set(splits));
  const events = shownIn.size ? visible.filter((event) => !shownIn.has(event.id)) : visible;
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const people = (await database.people.bulkGet(actorIds)).filter((p) => p !== undefined);
  return { incident, events, milestones, annotations, actionItems, people, metricOptions, sourceOrder: sources.map((source) => source.id) };
}
