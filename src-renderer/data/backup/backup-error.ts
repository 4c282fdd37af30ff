import { CodedError } from '@core/errors/coded-error';

export type BackupErrorCode = 'not-a-backup' | 'other-database' | 'unknown-table' | 'unreadable' | 'restore-failed' | 'backup-failed';

/** A backup or restore that could not be done; `message` is written for the user. */
export class BackupError extends CodedError<BackupErrorCode> {}
