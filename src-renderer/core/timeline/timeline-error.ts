import { CodedError } from '../errors/coded-error';

export type TimelineErrorCode = 'INVALID_TIME_ZONE' | 'INVALID_REDACTION' | 'INVALID_FILTER' | 'INVALID_BURST_OPTIONS' | 'INVALID_SEARCH_POSTINGS';

/** The only error the timeline logic throws; `code` lets the UI pick its wording. */
export class TimelineError extends CodedError<TimelineErrorCode> {
  override readonly name = 'TimelineError';
}
