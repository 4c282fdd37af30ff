import type { Annotation } from '@core/model/annotation';
import type { TimelineEvent } from '@core/model/event';
import type { Milestone } from '@core/model/milestone';
import { redactedText } from '@core/timeline/redaction';

/** One stop of the review meeting: a milestone, a pinned key moment, or both at one event. */
export interface AgendaItem {
  /** Stable across re-renders and reloads, so timers stay attached to their item. */
  key: string;
  kind: 'moment' | 'incident';
  at: number | null;
  /** Milestone labels reached here, e.g. ["Detect", "Under Control"]. */
  milestones: string[];
  /** The event notes and questions captured here attach to; null means incident-level. */
  eventId: string | null;
  actorName: string;
  /** What happened, with redactions applied: this view is shown on a projector. */
  text: string;
  /** Names mentioned in the text (see TimelineEvent.mentions), only those the redacted text still shows. */
  mentions: string[];
  /** Milestone notes typed on the Timeline. */
  notes: string[];
  annotations: Annotation[];
  openQuestions: Annotation[];
}

export type AgendaEvent = Pick<TimelineEvent, 'id' | 'at' | 'actorName' | 'text' | 'mentions' | 'pinned' | 'redacted' | 'redactions'>;
export type AgendaMilestone = Pick<Milestone, 'id' | 'label' | 'at' | 'eventId' | 'note'>;

export const INCIDENT_ITEM_KEY = 'incident';

function annotationsFor(item: { eventId: string | null; at: number | null }, all: readonly Annotation[]): Annotation[] {
  return all.filter((a) => {
    if (a.target.type === 'event') return item.eventId !== null && a.target.eventId === item.eventId;
    if (a.target.type === 'range') return item.at !== null && a.target.from <= item.at && item.at <= a.target.to;
    return false;
  });
}

const isQuestion = (a: Annotation) => a.tags.includes('question');

/**
 * The agenda walks the incident in time order through its milestones and pinned events. A
 * milestone set on a pinned event is one stop, not two. Events that are not visible (a staging
 * import) are never on the agenda; a milestone pointing at one keeps its own time instead. The
 * last stop is the incident as a whole, where incident-level notes and wrap-up questions live.
 */
export function buildAgenda(
  milestones: readonly AgendaMilestone[],
  events: readonly AgendaEvent[],
  annotations: readonly Annotation[],
): AgendaItem[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  type Draft = { key: string; at: number; event: AgendaEvent | null; milestones: AgendaMilestone[] };
  const drafts = new Map<string, Draft>();
  for (const event of events) {
    if (event.pinned) drafts.set(`event:${event.id}`, { key: `event:${event.id}`, at: event.at, event, milestones: [] });
  }
  for (const milestone of milestones) {
    const event = milestone.eventId ? byId.get(milestone.eventId) : undefined;
    const key = event ? `event:${event.id}` : `milestone:${milestone.id}`;
    const draft = drafts.get(key) ?? { key, at: event?.at ?? milestone.at, event: event ?? null, milestones: [] };
    draft.milestones.push(milestone);
    drafts.set(key, draft);
  }
  // Same-millisecond stops keep the timeline's order (`events` come in it); milestones of their own after them.
  const position = new Map(events.map((event, index) => [event.id, index]));
  const rank = (draft: Draft) => (draft.event ? position.get(draft.event.id) ?? events.length : events.length);
  const ordered = [...drafts.values()].sort((a, b) => a.at - b.at || rank(a) - rank(b) || a.key.localeCompare(b.key));
  const items: AgendaItem[] = ordered.map((draft) => {
    const eventId = draft.event?.id ?? null;
    const own = annotationsFor({ eventId, at: draft.at }, annotations);
    const text = draft.event ? redactedText(draft.event) : '';
    return {
      key: draft.key,
      kind: 'moment',
      at: draft.at,
      milestones: draft.milestones.sort((a, b) => a.at - b.at).map((m) => m.label),
      eventId,
      actorName: draft.event?.actorName ?? '',
      text,
      mentions: (draft.event?.mentions ?? []).filter((name) => text.includes(`@${name}`)),
      notes: draft.milestones.map((m) => m.note.trim()).filter(Boolean),
      annotations: own,
      openQuestions: own.filter(isQuestion),
    };
  });
  const incidentLevel = annotations.filter((a) => a.target.type === 'incident');
  items.push({
    key: INCIDENT_ITEM_KEY,
    kind: 'incident',
    at: null,
    milestones: [],
    eventId: null,
    actorName: '',
    text: '',
    mentions: [],
    notes: [],
    annotations: incidentLevel,
    openQuestions: incidentLevel.filter(isQuestion),
  });
  return items;
}

/** Moments only: the agenda is "empty" when nothing was pinned or marked on the Timeline. */
export function momentCount(agenda: readonly AgendaItem[]): number {
  return agenda.filter((item) => item.kind === 'moment').length;
}
