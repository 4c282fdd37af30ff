import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '@db/database';
import { useIncidentEvents } from '@data/events';
import type { Annotation } from '@core/model/annotation';
import type { TimelineEvent } from '@core/model/event';
import type { Milestone } from '@core/model/milestone';
import { countByEvent } from './annotation-filters';

const NO_ANNOTATIONS: Annotation[] = [];

/** Every annotation of an incident; undefined while loading. */
export function useAnnotations(incidentId: string): Annotation[] | undefined {
  return useLiveQuery(() => db.annotations.where('incidentId').equals(incidentId).toArray(), [incidentId]);
}

export function useEventAnnotationList(eventId: string): Annotation[] {
  const list = useLiveQuery(() => db.annotations.where('eventId').equals(eventId).sortBy('createdAt'), [eventId]);
  return list ?? NO_ANNOTATIONS;
}

/**
 * Event id → number of annotations on it, for badges beside timeline rows. Reads only the
 * `eventId` index keys' records of this incident, and updates live as notes are added.
 */
export function useAnnotationCounts(incidentId: string): Map<string, number> {
  const annotations = useLiveQuery(() => db.annotations.where('incidentId').equals(incidentId).toArray(), [incidentId]);
  return useMemo(() => countByEvent(annotations ?? NO_ANNOTATIONS), [annotations]);
}

export function useVisibleEvents(incidentId: string): TimelineEvent[] | undefined {
  const { events, complete } = useIncidentEvents(db, incidentId);
  return complete ? events : undefined;
}

export function useMilestones(incidentId: string): Milestone[] | undefined {
  return useLiveQuery(() => db.milestones.where('incidentId').equals(incidentId).toArray(), [incidentId]);
}

export interface MentionablePerson {
  id: string;
  name: string;
}

/**
 * People who can be @mentioned and whose names the blameless check recognises: everyone who
 * acted in this incident's events, plus the people named on the incident.
 */
export function useIncidentPeople(incidentId: string): MentionablePerson[] {
  const incident = useLiveQuery(() => db.incidents.where('id').equals(incidentId).first(), [incidentId]);
  const { events } = useIncidentEvents(db, incidentId);
  return useMemo(() => {
    if (!events) return NO_PEOPLE;
    const byName = new Map<string, MentionablePerson>();
    for (const event of events) {
      const name = event.actorName.trim();
      if (name && !byName.has(name)) byName.set(name, { id: event.actorId ?? `name:${name}`, name });
    }
    for (const name of [incident?.commander ?? '', ...(incident?.roles ?? []).map((r) => r.name)]) {
      const trimmed = name.trim();
      if (trimmed && !byName.has(trimmed)) byName.set(trimmed, { id: `name:${trimmed}`, name: trimmed });
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [events, incident]);
}
const NO_PEOPLE: MentionablePerson[] = [];
