export type BackupErrorCode = 'not-a-backup' | 'other-database' | 'unknown-table' | 'unreadable' | 'restore-failed' | 'backup-failed';

/** A backup or restore that could not be done; `message` is written for the user. */
export class BackupError extends Error {
  readonly code: BackupErrorCode;

  constructor(code: BackupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
    this.code = code;
  }
}
