import { CodedError } from '@core/errors/coded-error';

export type AnnotationErrorCode = 'ANNOTATION_NOT_FOUND' | 'INVALID_RANGE';

/** An annotation write that could not be made; the message says what to do about it. */
export class AnnotationError extends CodedError<AnnotationErrorCode> {}
