import { CodedError } from '@core/errors/coded-error';

export type EditorErrorCode = 'invalid-editor-state' | 'editor-update-failed';

/** Raised when a stored editor state cannot be read or a conversion fails. */
export class EditorError extends CodedError<EditorErrorCode> {
  override readonly name = 'EditorError';
}
