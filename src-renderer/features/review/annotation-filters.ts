import { ANNOTATION_TAGS, type Annotation, type AnnotationTag } from '@core/model/annotation';

export type TargetFilter = 'all' | Annotation['target']['type'];

export interface AnnotationFilter {
  /** Annotations carrying any of these tags; empty means every annotation. */
  tags: AnnotationTag[];
  target: TargetFilter;
  text: string;
}

export const NO_FILTER: AnnotationFilter = { tags: [], target: 'all', text: '' };

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Filters by tag, target and words (all must appear in the text, author or tags), newest first. */
export function filterAnnotations(annotations: readonly Annotation[], filter: AnnotationFilter): Annotation[] {
  const words = normalise(filter.text).split(/\s+/).filter(Boolean);
  return annotations
    .filter((a) => {
      if (filter.tags.length && !filter.tags.some((tag) => a.tags.includes(tag))) return false;
      if (filter.target !== 'all' && a.target.type !== filter.target) return false;
      if (!words.length) return true;
      const haystack = normalise([a.plainText, a.author, ...a.tags].join(' '));
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

export function countByTag(annotations: readonly Annotation[]): Record<AnnotationTag, number> {
  const counts = Object.fromEntries(ANNOTATION_TAGS.map((tag) => [tag, 0])) as Record<AnnotationTag, number>;
  for (const a of annotations) for (const tag of new Set(a.tags)) counts[tag] += 1;
  return counts;
}

/** Questions still waiting for an answer: tagged 'question' and not blank. */
export function openQuestions(annotations: readonly Annotation[]): Annotation[] {
  return annotations.filter((a) => a.tags.includes('question') && a.plainText.trim() !== '').sort((a, b) => a.createdAt - b.createdAt);
}

/** How many annotations point at each event, for the Timeline's badges. */
export function countByEvent(annotations: readonly Pick<Annotation, 'eventId'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of annotations) if (a.eventId) counts.set(a.eventId, (counts.get(a.eventId) ?? 0) + 1);
  return counts;
}
