export type TimelineWriteErrorCode = 'EVENT_NOT_FOUND' | 'INVALID_TIME' | 'EMPTY_TEXT' | 'MILESTONE_NOT_FOUND';

/** A timeline edit that could not be saved; the message names the field to fix. */
export class TimelineWriteError extends Error {
  constructor(
    readonly code: TimelineWriteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TimelineWriteError';
  }
}
