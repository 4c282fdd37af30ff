import { CodedError } from '@core/errors/coded-error';

export type EventStoreErrorCode = 'STAGING_LOST' | 'EVENT_NOT_FOUND' | 'INVALID_TIME' | 'EMPTY_TEXT';

/** A write to an incident's events that could not be done; `code` says why, the message what to do. */
export class EventStoreError extends CodedError<EventStoreErrorCode> {
  override readonly name = 'EventStoreError';
}
