/** A write to an incident's events that could not be done; `code` says why, the message what to do. */
export class EventStoreError extends Error {
  constructor(
    readonly code: 'STAGING_LOST' | 'EVENT_NOT_FOUND' | 'INVALID_TIME' | 'EMPTY_TEXT',
    message: string,
  ) {
    super(message);
    this.name = 'EventStoreError';
  }
}
