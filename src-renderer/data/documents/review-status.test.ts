import { describe, expect, test } from 'vitest';
import { DRAFT_REVIEW, isReadOnlyReview, moveReview, reviewStateSchema } from './review-status';

describe('postmortem review status', () => {
  test('Draft → In review → Approved → Published keeps who approved; reopening clears it', () => {
    const inReview = moveReview(DRAFT_REVIEW, 'in-review', 'Ana', 1);
    const approved = moveReview(inReview, 'approved', ' Ben ', 2);
    expect(approved).toEqual({ status: 'approved', changedBy: 'Ben', changedAt: 2, approvedBy: 'Ben', approvedAt: 2 });
    const published = moveReview(approved, 'published', 'Ana', 3);
    expect(published).toMatchObject({ status: 'published', changedBy: 'Ana', approvedBy: 'Ben', approvedAt: 2 });
    expect(isReadOnlyReview(published.status)).toBe(true);
    const reopened = moveReview(published, 'draft', 'Cho', 4);
    expect(reopened).toEqual({ status: 'draft', changedBy: 'Cho', changedAt: 4, approvedBy: null, approvedAt: null });
    expect(isReadOnlyReview(reopened.status)).toBe(false);
  });

  test('a move the workflow does not allow is refused with both statuses named', () => {
    expect(() => moveReview(DRAFT_REVIEW, 'published', 'Ana', 1)).toThrow('A postmortem cannot go from Draft to Published.');
  });

  test('a damaged stored value reads as an editable draft', () => {
    expect(reviewStateSchema.parse({ status: 'signed-off' })).toEqual(DRAFT_REVIEW);
    expect(reviewStateSchema.parse(undefined)).toEqual(DRAFT_REVIEW);
  });
});
