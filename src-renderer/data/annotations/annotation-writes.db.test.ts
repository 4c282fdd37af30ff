import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import { createAnnotation, deleteAnnotation, restoreAnnotation, toggleAnnotationTag, updateAnnotation } from './annotation-writes';
import { AnnotationError } from './annotation-error';

const freshDb = createTestDatabases('annotation-writes');

describe('annotation writes', () => {
  it('counts two quick tag toggles both, whatever was rendered', async () => {
    const db = await freshDb();
    const created = await createAnnotation({ incidentId: 'i', target: { type: 'incident' }, author: 'Tom' }, db);
    await Promise.all([toggleAnnotationTag(created.id, 'went well', db), toggleAnnotationTag(created.id, 'follow-up', db)]);
    expect((await db.annotations.where('id').equals(created.id).first())?.tags).toEqual(['went well', 'follow-up']);
  });

  it('says the annotation is gone when editing one deleted elsewhere, and undo brings it back', async () => {
    const db = await freshDb();
    const created = await createAnnotation({ incidentId: 'i', target: { type: 'event', eventId: 'e1' }, author: '' }, db);
    const removed = await deleteAnnotation(created.id, db);
    await expect(updateAnnotation(created.id, { plainText: 'x' }, db)).rejects.toSatisfy((e) => e instanceof AnnotationError && e.code === 'ANNOTATION_NOT_FOUND');
    await expect(toggleAnnotationTag(created.id, 'question', db)).rejects.toBeInstanceOf(AnnotationError);
    if (removed) await restoreAnnotation(removed, db);
    expect(await db.annotations.where('eventId').equals('e1').count()).toBe(1);
  });
});
