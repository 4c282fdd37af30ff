import type { IncidentRecords } from '@data/documents';
import type { TimelineEvent } from '@core/model/event';
import type { Incident } from '@core/model/incident';
import { redactedText, type CanReportInput, type PostmortemContextInput } from '@core/postmortem/build-postmortem-context';
import { findCanReports } from '@core/timeline/can-report';

/** Everything stored about one incident that a postmortem shows (read by the data layer). */
export type PostmortemRecords = IncidentRecords;

/** CAN reports found in the messages, read from the redacted text so hidden words stay hidden. */
export function canReportsOf(events: readonly TimelineEvent[]): CanReportInput[] {
  const shown = events.filter((e) => !e.redacted).map((e) => ({ ...e, text: redactedText(e) }));
  return findCanReports(shown).map((r) => ({
    id: `can-${r.eventId}`,
    at: r.at,
    author: r.actorName,
    conditions: r.conditions,
    actions: r.actions,
    needs: r.needs,
    eventId: r.eventId,
  }));
}

/** The scribes write the postmortem; without one, the Incident Commander does. */
export function postmortemAuthors(incident: Incident): string[] {
  const scribes = incident.roles.filter((r) => r.role === 'Scribe').map((r) => r.name.trim());
  const authors = scribes.filter((name) => name !== '');
  if (authors.length > 0) return [...new Set(authors)];
  return incident.commander.trim() ? [incident.commander.trim()] : [];
}

/** Assembles the template context's input from stored records; `generatedAt` is the caller's clock. */
export function contextInputFromRecords(records: PostmortemRecords, generatedAt: number | null): PostmortemContextInput {
  const { incident } = records;
  return {
    incident,
    events: records.events,
    milestones: records.milestones,
    annotations: records.annotations,
    actionItems: records.actionItems,
    canReports: canReportsOf(records.events),
    metricOptions: records.metricOptions,
    authors: postmortemAuthors(incident),
    generatedAt,
    ...(records.sourceOrder ? { sourceOrder: records.sourceOrder } : {}),
  };
}

/** Names the blameless check should recognise as people: roles, commander, actors, owners. */
export function peopleNames(records: PostmortemRecords): string[] {
  const names = [
    records.incident.commander,
    ...records.incident.roles.map((r) => r.name),
    ...records.events.map((e) => e.actorName),
    ...records.actionItems.map((a) => a.ownerName),
    ...records.people.map((p) => p.displayName),
  ]
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return [...new Set(names)].sort();
}
