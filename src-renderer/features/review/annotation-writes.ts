import { db } from '@db/database';
import { newId } from '@core/ids';
import type { Annotation, AnnotationTag, AnnotationTarget } from '@core/model/annotation';
import { toggleTag } from './annotation-filters';
import { ReviewError } from './review-error';

export interface NewAnnotation {
  incidentId: string;
  target: AnnotationTarget;
  author: string;
  tags?: AnnotationTag[];
  body?: string;
  plainText?: string;
}

/**
 * Looks a record up by key through a query: a missing record is `undefined` here, whereas
 * `Table.get` passes the miss through the restore hook, which rejects it as unreadable.
 */
function findAnnotation(id: string): Promise<Annotation | undefined> {
  return db.annotations.where('id').equals(id).first();
}

export function checkTarget(target: AnnotationTarget): AnnotationTarget {
  if (target.type === 'range' && !(Number.isFinite(target.from) && Number.isFinite(target.to) && target.from <= target.to)) {
    throw new ReviewError('INVALID_RANGE', 'Time range: the "from" time must be on or before the "to" time.');
  }
  return target;
}

export function buildAnnotation(input: NewAnnotation, id: string, now: number): Annotation {
  const target = checkTarget(input.target);
  return {
    id,
    incidentId: input.incidentId,
    target,
    eventId: target.type === 'event' ? target.eventId : null,
    tags: input.tags ?? [],
    body: input.body ?? '',
    plainText: input.plainText ?? '',
    author: input.author.trim(),
    dismissedFindings: [],
    createdAt: now,
    updatedAt: now,
  };
}

export async function createAnnotation(input: NewAnnotation): Promise<Annotation> {
  const annotation = buildAnnotation(input, newId(), Date.now());
  await addAnnotation(annotation);
  return annotation;
}

export async function addAnnotation(annotation: Annotation): Promise<void> {
  await db.annotations.add(annotation);
}

export type AnnotationPatch = Partial<Pick<Annotation, 'body' | 'plainText' | 'tags' | 'author' | 'dismissedFindings'>>;

export async function updateAnnotation(id: string, patch: AnnotationPatch): Promise<void> {
  const changed = await db.annotations.update(id, { ...patch, updatedAt: Date.now() });
  if (changed === 0 && !(await findAnnotation(id))) {
    throw new ReviewError('ANNOTATION_NOT_FOUND', 'This annotation no longer exists; it may have been deleted in another window.');
  }
}

/**
 * Read-modify-write in one transaction: two quick clicks on different tags must both count,
 * which a write based on the tags last rendered would not guarantee.
 */
async function modifyAnnotation(id: string, change: (annotation: Annotation) => AnnotationPatch): Promise<void> {
  await db.transaction('rw', db.annotations, async () => {
    const annotation = await findAnnotation(id);
    if (!annotation) throw new ReviewError('ANNOTATION_NOT_FOUND', 'This annotation no longer exists; it may have been deleted in another window.');
    await db.annotations.update(id, { ...change(annotation), updatedAt: Date.now() });
  });
}

export function toggleAnnotationTag(id: string, tag: AnnotationTag): Promise<void> {
  return modifyAnnotation(id, (a) => ({ tags: toggleTag(a.tags, tag) }));
}

export function dismissFinding(id: string, findingId: string): Promise<void> {
  return modifyAnnotation(id, (a) => ({ dismissedFindings: a.dismissedFindings.includes(findingId) ? a.dismissedFindings : [...a.dismissedFindings, findingId] }));
}

export async function deleteAnnotation(id: string): Promise<Annotation | undefined> {
  const existing = await findAnnotation(id);
  await db.annotations.delete(id);
  return existing;
}

export async function restoreAnnotation(annotation: Annotation): Promise<void> {
  await db.annotations.put(annotation);
}
