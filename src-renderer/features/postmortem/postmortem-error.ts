export type PostmortemErrorCode =
  | 'NO_DOCUMENT'
  | 'VERSION_NOT_FOUND'
  | 'TEMPLATE_NOT_FOUND'
  | 'TEMPLATE_ID_TAKEN'
  | 'TEMPLATE_INVALID'
  | 'MARKDOWN_UNREADABLE';

/** A postmortem action that could not be carried out; the message is written for the user. */
export class PostmortemError extends Error {
  constructor(
    readonly code: PostmortemErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PostmortemError';
  }
}
