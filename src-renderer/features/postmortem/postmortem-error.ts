import { CodedError } from '@core/errors/coded-error';

export type PostmortemErrorCode =
  | 'NO_DOCUMENT'
  | 'VERSION_NOT_FOUND'
  | 'TEMPLATE_NOT_FOUND'
  | 'TEMPLATE_ID_TAKEN'
  | 'TEMPLATE_INVALID'
  | 'MARKDOWN_UNREADABLE';

/** A postmortem action that could not be carried out; the message is written for the user. */
export class PostmortemError extends CodedError<PostmortemErrorCode> {
  override readonly name = 'PostmortemError';
}
