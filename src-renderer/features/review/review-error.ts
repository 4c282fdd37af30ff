import { CodedError } from '@core/errors/coded-error';

export type ReviewErrorCode = 'ANNOTATION_NOT_FOUND' | 'INVALID_RANGE' | 'SAVE_FAILED' | 'EMPTY_CAPTURE';

/** A review edit that could not be made; the message says what to do about it. */
export class ReviewError extends CodedError<ReviewErrorCode> {}
