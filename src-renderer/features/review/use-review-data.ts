import { useMemo } from 'react';
import { db } from '@data/connection';
import { useAnnotations } from '@data/annotations';
import { useIncidentEvents } from '@data/events';
import { useIncident } from '@data/incidents';
import type { Annotation } from '@core/model/annotation';
import type { TimelineEvent } from '@core/model/event';
import { countByEvent } from './annotation-filters';

const NO_ANNOTATIONS: Annotation[] = [];

export { useAnnotations, useEventAnnotationList } from '@data/annotations';
export { useMilestones } from '@data/milestones';

/** Event id → number of annotations on it, for badges beside timeline rows; updates live. */
export function useAnnotationCounts(incidentId: string): Map<string, number> {
  const annotations = useAnnotations(incidentId);
  return useMemo(() => countByEvent(annotations ?? NO_ANNOTATIONS), [annotations]);
}

export function useVisibleEvents(incidentId: string): TimelineEvent[] | undefined {
  const { events, complete } = useIncidentEvents(db, incidentId);
  return complete ? events : undefined;
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
  const incident = useIncident(incidentId);
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
