import { CodedError } from '@core/errors/coded-error';

/** An incident write that could not be made; the message says what to do. */
export class IncidentError extends CodedError<'NOT_FOUND'> {}
