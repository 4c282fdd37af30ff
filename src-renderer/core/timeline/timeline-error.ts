export type TimelineErrorCode = 'INVALID_TIME_ZONE' | 'INVALID_REDACTION' | 'INVALID_FILTER' | 'INVALID_BURST_OPTIONS';

/** The only error the timeline logic throws; `code` lets the UI pick its wording. */
export class TimelineError extends Error {
  constructor(
    readonly code: TimelineErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TimelineError';
  }
}
