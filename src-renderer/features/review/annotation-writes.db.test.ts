import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@db/database';
import { createAnnotation, deleteAnnotation, restoreAnnotation, toggleAnnotationTag, updateAnnotation } from './annotation-writes';
import { ReviewError } from './review-error';

beforeEach(async () => {
  await db.annotations.clear();
});

describe('annotation writes', () => {
  it('counts two quick tag toggles both, whatever was rendered', async () => {
    const created = await createAnnotation({ incidentId: 'i', target: { type: 'incident' }, author: 'Tom' });
    await Promise.all([toggleAnnotationTag(created.id, 'went well'), toggleAnnotationTag(created.id, 'follow-up')]);
    expect((await db.annotations.where('id').equals(created.id).first())?.tags).toEqual(['went well', 'follow-up']);
  });

  it('says the annotation is gone when editing one deleted elsewhere, and undo brings it back', async () => {
    const created = await createAnnotation({ incidentId: 'i', target: { type: 'event', eventId: 'e1' }, author: '' });
    const removed = await deleteAnnotation(created.id);
    await expect(updateAnnotation(created.id, { plainText: 'x' })).rejects.toSatisfy((e) => e instanceof ReviewError && e.code === 'ANNOTATION_NOT_FOUND');
    await expect(toggleAnnotationTag(created.id, 'question')).rejects.toBeInstanceOf(ReviewError);
    if (removed) await restoreAnnotation(removed);
    expect(await db.annotations.where('eventId').equals('e1').count()).toBe(1);
  });
});
