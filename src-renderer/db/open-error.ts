import { CodedError } from '@core/errors/coded-error';

export type DatabaseOpenErrorCode = 'blocked' | 'newer-version' | 'corrupt' | 'unavailable' | 'quota';

/** Why the local database could not be opened; the recovery screen explains each code. */
export class DatabaseOpenError extends CodedError<DatabaseOpenErrorCode> {
  override readonly name = 'DatabaseOpenError';
}

/** Maps Dexie's error names to the few situations a user can act on. */
export function classifyOpenError(error: unknown): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'VersionError' || inner === 'VersionError') {
    return new DatabaseOpenError(
      'newer-version',
      'The data on this computer was written by a newer version of Debrief.',
      { cause: error },
    );
  }
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new DatabaseOpenError('quota', 'The disk is full or the storage quota is used up.', { cause: error });
  }
  if (name === 'MissingAPIError' || inner === 'MissingAPIError' || name === 'SecurityError') {
    return new DatabaseOpenError('unavailable', 'Local storage is not available in this window.', { cause: error });
  }
  return new DatabaseOpenError('corrupt', `The local database could not be read: ${message}`, { cause: error });
}
