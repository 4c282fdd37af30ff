import { CodedError } from '@core/errors/coded-error';

export type DocumentErrorCode = 'NO_DOCUMENT' | 'VERSION_NOT_FOUND';

/** A postmortem document write that could not be made; the message is written for the user. */
export class DocumentError extends CodedError<DocumentErrorCode> {}
