import { CodedError } from '@core/errors/coded-error';

export type MilestoneErrorCode = 'INVALID_TIME' | 'EMPTY_TEXT' | 'MILESTONE_NOT_FOUND';

/** A milestone that could not be saved; the message names the field to fix. */
export class MilestoneError extends CodedError<MilestoneErrorCode> {}
