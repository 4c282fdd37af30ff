import { CodedError } from '../src-renderer/core/errors/coded-error';

export type DesktopErrorCode =
  | 'IPC_UNTRUSTED_SENDER'
  | 'IPC_INVALID_ARGUMENT'
  | 'FILE_HANDLE_UNKNOWN'
  | 'FILE_RANGE_INVALID'
  | 'FILE_CHANGED'
  | 'SAVE_UNKNOWN'
  | 'TOO_MANY_FILES'
  | 'FILE_READ_FAILED'
  | 'FILE_WRITE_FAILED'
  | 'PDF_FAILED'
  | 'EXTERNAL_URL_REFUSED'
  | 'NO_WINDOW';

/** Every failure the main process reports to the renderer carries one of these codes. */
export class DesktopError extends CodedError<DesktopErrorCode> {
  override readonly name = 'DesktopError';
}
