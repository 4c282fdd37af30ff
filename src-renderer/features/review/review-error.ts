export type ReviewErrorCode = 'ANNOTATION_NOT_FOUND' | 'INVALID_RANGE' | 'SAVE_FAILED' | 'EMPTY_CAPTURE';

/** A review edit that could not be made; the message says what to do about it. */
export class ReviewError extends Error {
  constructor(
    readonly code: ReviewErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ReviewError';
  }
}
