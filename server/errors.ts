import { CodedError } from '../src-renderer/core/errors/coded-error';

/**
 * The server's one error type: a `code` a script or test can match on, and a message in plain
 * words that names the option, file or token at fault.
 */
export type SyncServerErrorCode =
  | 'bad-option' // a command-line option is missing or malformed
  | 'data-dir-locked' // another server already uses this --data directory
  | 'store' // the database could not be opened, migrated or written
  | 'token-not-found'; // token revoke named an unknown token id

export class SyncServerError extends CodedError<SyncServerErrorCode> {
  override readonly name = 'SyncServerError';
}
