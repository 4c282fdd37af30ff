import { useState } from 'react';
import { Dialog } from '@ui/Dialog';
import { REVIEW_MOVES, REVIEW_STATUS_LABEL, type ReviewState, type ReviewStatus } from '@data/documents';

/** The button for each move, by where it goes from where it is. */
function moveLabel(from: ReviewStatus, to: ReviewStatus): string {
  if (to === 'in-review') return 'Send for review';
  if (to === 'approved') return 'Approve…';
  if (to === 'published') return 'Publish';
  return from === 'in-review' ? 'Back to draft' : 'Reopen';
}

interface Props {
  review: ReviewState;
  /** The person's name from Team sync, offered when they approve. */
  defaultName: string;
  timeText: (ms: number) => string;
  disabled: boolean;
  onMove: (to: ReviewStatus, by: string) => void;
}

/**
 * The postmortem's review status (Draft → In review → Approved → Published) with the moves it
 * allows. Approving asks whose approval it is; Approved and Published lock the document for
 * everyone until someone reopens it.
 */
export function ReviewStatusControl({ review, defaultName, timeText, disabled, onMove }: Props) {
  const [approving, setApproving] = useState(false);
  const [name, setName] = useState(defaultName);
  const approval = review.approvedBy !== null && review.approvedAt !== null ? `Approved by ${review.approvedBy || 'someone'} · ${timeText(review.approvedAt)}` : '';
  return (
    <div className="pm-review" role="group" aria-label="Review status">
      <span className={`pm-review-status pm-review-${review.status}`} role="status" aria-label={`Review status: ${REVIEW_STATUS_LABEL[review.status]}`}>
        {REVIEW_STATUS_LABEL[review.status]}
      </span>
      {approval && <span className="muted pm-review-approval">{approval}</span>}
      {REVIEW_MOVES[review.status].map((to) => (
        <button
          key={to}
          type="button"
          disabled={disabled}
          onClick={() => {
            if (to === 'approved') {
              setName(defaultName);
              setApproving(true);
            } else onMove(to, defaultName);
          }}
        >
          {moveLabel(review.status, to)}
        </button>
      ))}
      {approving && (
        <Dialog open title="Approve the postmortem" onClose={() => setApproving(false)}>
          <form
            className="pm-dialog-body"
            onSubmit={(event) => {
              event.preventDefault();
              if (!name.trim()) return;
              setApproving(false);
              onMove('approved', name.trim());
            }}
          >
            <label className="pm-field">
              <span>Approved by</span>
              <input data-autofocus value={name} onChange={(event) => setName(event.target.value)} maxLength={80} placeholder="Your name" />
            </label>
            <p className="muted">An approved postmortem is read-only for everyone until someone reopens it.</p>
            <footer className="pm-dialog-actions">
              <button type="button" onClick={() => setApproving(false)}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={!name.trim()}>
                Approve
              </button>
            </footer>
          </form>
        </Dialog>
      )}
    </div>
  );
}
