export type EditorErrorCode = 'invalid-editor-state' | 'editor-update-failed';

/** Raised when a stored editor state cannot be read or a conversion fails. */
export class EditorError extends Error {
  readonly code: EditorErrorCode;

  constructor(code: EditorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EditorError';
    this.code = code;
  }
}
