/** Postmortem documents (the working one and its versions) and the incident records a postmortem reads. */
export {
  loadCurrentDocument,
  observeCurrentDocument,
  listVersions,
  writeCurrentDocument,
  saveBody,
  saveDismissed,
  setReviewStatus,
  saveVersion,
  restoreVersion,
  deleteVersion,
  asPostmortemRecord,
  type PostmortemRecord,
  type DraftContent,
} from './document-store';
export { loadIncidentRecords, type IncidentRecords } from './incident-records';
export { useCurrentDocument, useVersions, useIncidentRecords } from './use-documents';
export { DocumentError, type DocumentErrorCode } from './document-error';
export { REVIEW_MOVES, REVIEW_STATUS_LABEL, isReadOnlyReview, type ReviewState, type ReviewStatus } from './review-status';
