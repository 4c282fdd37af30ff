import { liveQuery } from 'dexie';
import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { newId } from '@core/ids';
import { ANNOTATION_TAGS, type Annotation, type AnnotationTag, type AnnotationTarget } from '@core/model/annotation';
import { deleteRecord, putRecord } from '../write-log';
import { AnnotationError } from './annotation-error';

export interface NewAnnotation {
  incidentId: string;
  target: AnnotationTarget;
  author: string;
  tags?: AnnotationTag[];
  body?: string;
  plainText?: string;
}

const gone = () => new AnnotationError('ANNOTATION_NOT_FOUND', 'This annotation no longer exists; it may have been deleted in another window.');

/** Invariant: a time range runs forwards. */
export function checkTarget(target: AnnotationTarget): AnnotationTarget {
  if (target.type === 'range' && !(Number.isFinite(target.from) && Number.isFinite(target.to) && target.from <= target.to)) {
    throw new AnnotationError('INVALID_RANGE', 'Time range: the "from" time must be on or before the "to" time.', { location: { field: 'target' } });
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

export async function createAnnotation(input: NewAnnotation, database: DebriefDatabase = db): Promise<Annotation> {
  const annotation = buildAnnotation(input, newId(), Date.now());
  await addAnnotation(annotation, database);
  return annotation;
}

export async function addAnnotation(annotation: Annotation, database: DebriefDatabase = db): Promise<void> {
  await putRecord(database, 'annotations', { ...annotation, target: checkTarget(annotation.target) });
}

export type AnnotationPatch = Partial<Pick<Annotation, 'body' | 'plainText' | 'tags' | 'author' | 'dismissedFindings'>>;

/**
 * Read-modify-write in one transaction: two quick clicks on different tags must both count,
 * which a write based on the tags last rendered would not guarantee.
 */
async function modifyAnnotation(id: string, change: (annotation: Annotation) => AnnotationPatch, database: DebriefDatabase): Promise<void> {
  await database.transaction('rw', database.annotations, async () => {
    const annotation = await database.annotations.get(id);
    if (!annotation) throw gone();
    await putRecord(database, 'annotations', { ...annotation, ...change(annotation), updatedAt: Date.now() });
  });
}

export function updateAnnotation(id: string, patch: AnnotationPatch, database: DebriefDatabase = db): Promise<void> {
  return modifyAnnotation(id, () => patch, database);
}

/**
 * Stores text that came from the shared document, unless the stored text is one this machine
 * wrote itself and the shared document does not hold yet (`isLocalEdit`): then nothing is
 * written and `kept` is that text, so the caller can send it first. `missing` when the
 * annotation is not (or no longer) stored here.
 */
export async function saveAnnotationText(
  id: string,
  text: { body: string; plainText: string },
  isLocalEdit: (storedBody: string) => boolean,
  database: DebriefDatabase = db,
): Promise<{ outcome: 'saved' | 'missing' } | { outcome: 'kept'; kept: string }> {
  return database.transaction('rw', database.annotations, async () => {
    const annotation = await database.annotations.get(id);
    if (!annotation) return { outcome: 'missing' };
    if (annotation.body === text.body && annotation.plainText === text.plainText) return { outcome: 'saved' };
    if (annotation.body !== text.body && isLocalEdit(annotation.body)) return { outcome: 'kept', kept: annotation.body };
    await putRecord(database, 'annotations', { ...annotation, ...text, updatedAt: Date.now() });
    return { outcome: 'saved' };
  });
}

/** One annotation as stored here; undefined when it is not. */
export function getAnnotation(id: string, database: DebriefDatabase = db): Promise<Annotation | undefined> {
  return database.annotations.get(id);
}

/** Every annotation of an incident, as it changes (for background work; UIs use useAnnotations). */
export function observeIncidentAnnotations(incidentId: string, listener: (annotations: Annotation[]) => void, onError: (error: unknown) => void, database: DebriefDatabase = db): () => void {
  const subscription = liveQuery(() => database.annotations.where('incidentId').equals(incidentId).toArray()).subscribe({ next: listener, error: onError });
  return () => subscription.unsubscribe();
}

/** Adds the tag, or removes it when present; kept in the canonical order so stored tags compare and export the same way. */
export function toggleTag(tags: readonly AnnotationTag[], tag: AnnotationTag): AnnotationTag[] {
  const next = tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag];
  return ANNOTATION_TAGS.filter((t) => next.includes(t));
}

export function toggleAnnotationTag(id: string, tag: AnnotationTag, database: DebriefDatabase = db): Promise<void> {
  return modifyAnnotation(id, (a) => ({ tags: toggleTag(a.tags, tag) }), database);
}

export function dismissFinding(id: string, findingId: string, database: DebriefDatabase = db): Promise<void> {
  return modifyAnnotation(id, (a) => ({ dismissedFindings: a.dismissedFindings.includes(findingId) ? a.dismissedFindings : [...a.dismissedFindings, findingId] }), database);
}

/** Deletes an annotation; returns it as it was, for the Undo. */
export async function deleteAnnotation(id: string, database: DebriefDatabase = db): Promise<Annotation | undefined> {
  return database.transaction('rw', database.annotations, async () => {
    const existing = await database.annotations.get(id);
    if (existing) await deleteRecord(database, 'annotations', id);
    return existing;
  });
}

export async function restoreAnnotation(annotation: Annotation, database: DebriefDatabase = db): Promise<void> {
  await putRecord(database, 'annotations', annotation);
}
