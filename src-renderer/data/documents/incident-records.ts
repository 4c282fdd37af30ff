import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import type { ActionItem } from '@core/model/action-item';
import type { Annotation } from '@core/model/annotation';
import type { TimelineEvent } from '@core/model/event';
import type { Incident } from '@core/model/incident';
import type { Milestone } from '@core/model/milestone';
import type { Person } from '@core/model/person';
import { loadVisibleEvents } from '../events';
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
}

/** Reads one incident's records for a postmortem or an export. */
export async function loadIncidentRecords(incidentId: string, database: DebriefDatabase = db): Promise<IncidentRecords> {
  const incident = await database.incidents.get(incidentId);
  if (!incident) throw new DocumentError('NO_DOCUMENT', 'This incident no longer exists.');
  const events = await loadVisibleEvents(database, incidentId);
  const [milestones, annotations, actionItems] = await Promise.all([
    database.milestones.where('incidentId').equals(incidentId).toArray(),
    database.annotations.where('incidentId').equals(incidentId).toArray(),
    database.actionItems.where('incidentId').equals(incidentId).toArray(),
  ]);
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const people = (await database.people.bulkGet(actorIds)).filter((p) => p !== undefined);
  return { incident, events, milestones, annotations, actionItems, people };
}
