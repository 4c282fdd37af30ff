import { z } from 'zod';

/**
 * A postmortem's review status: Draft → In review → Approved → Published. Approved and
 * Published are read-only until someone reopens the document (back to Draft).
 */
export const REVIEW_STATUSES = ['draft', 'in-review', 'approved', 'published'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  published: 'Published',
};

/** Who moved the document to its status, and who approved it (kept through Published). */
export interface ReviewState {
  status: ReviewStatus;
  /** Name of the person who set the current status, and when. */
  changedBy: string;
  changedAt: number;
  /** Set when approved; cleared on reopen. */
  approvedBy: string | null;
  approvedAt: number | null;
}

export const DRAFT_REVIEW: ReviewState = { status: 'draft', changedBy: '', changedAt: 0, approvedBy: null, approvedAt: null };

// A damaged or missing value reads as a draft: the document stays editable, nothing is lost.
export const reviewStateSchema = z
  .object({
    status: z.enum(REVIEW_STATUSES),
    changedBy: z.string(),
    changedAt: z.number(),
    approvedBy: z.string().nullable(),
    approvedAt: z.number().nullable(),
  })
  .catch(DRAFT_REVIEW);

/** The moves a user can make from each status (the buttons the workspace offers). */
export const REVIEW_MOVES: Record<ReviewStatus, readonly ReviewStatus[]> = {
  draft: ['in-review'],
  'in-review': ['approved', 'draft'],
  approved: ['published', 'draft'],
  published: ['draft'],
};

export function isReadOnlyReview(status: ReviewStatus): boolean {
  return status === 'approved' || status === 'published';
}

/** The next review state after `by` moves the document to `to`; throws on a move the UI never offers. */
export function moveReview(current: ReviewState, to: ReviewStatus, by: string, now: number): ReviewState {
  if (!REVIEW_MOVES[current.status].includes(to)) {
    throw new RangeError(`A postmortem cannot go from ${REVIEW_STATUS_LABEL[current.status]} to ${REVIEW_STATUS_LABEL[to]}.`);
  }
  const name = by.trim();
  if (to === 'approved') return { status: to, changedBy: name, changedAt: now, approvedBy: name, approvedAt: now };
  if (to === 'draft') return { status: to, changedBy: name, changedAt: now, approvedBy: null, approvedAt: null };
  return { ...current, status: to, changedBy: name, changedAt: now };
}
