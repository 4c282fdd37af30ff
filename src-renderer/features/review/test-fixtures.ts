import type { Annotation, AnnotationTag, AnnotationTarget } from '@core/model/annotation';
import type { AgendaEvent, AgendaMilestone } from './agenda';

/** Small builders for this feature's tests; every field a test does not name is neutral. */
export function annotation(id: string, target: AnnotationTarget, fields: Partial<Omit<Annotation, 'id' | 'target'>> & { tags?: AnnotationTag[] } = {}): Annotation {
  return {
    id,
    incidentId: 'inc-1',
    target,
    eventId: target.type === 'event' ? target.eventId : null,
    tags: [],
    body: '',
    plainText: '',
    author: '',
    dismissedFindings: [],
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

export function event(id: string, at: number, fields: Partial<AgendaEvent> = {}): AgendaEvent {
  return { id, at, actorName: 'Priya Raman', text: `message ${id}`, pinned: false, redacted: false, redactions: [], ...fields };
}

export function milestone(id: string, label: string, at: number, fields: Partial<AgendaMilestone> = {}): AgendaMilestone {
  return { id, label, at, eventId: null, note: '', ...fields };
}
