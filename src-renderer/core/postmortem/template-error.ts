import { CodedError } from '../errors/coded-error';

export type TemplateErrorCode =
  | 'MISSING_FRONT_MATTER'
  | 'INVALID_YAML'
  | 'INVALID_FRONT_MATTER'
  | 'UNKNOWN_PLACEHOLDER'
  | 'UNCLOSED_PLACEHOLDER'
  | 'BLOCK_NOT_ALONE';

/** A problem in a template file; `line` is 1-based in the whole file (front matter included). */
export class TemplateError extends CodedError<TemplateErrorCode> {
  override readonly name = 'TemplateError';

  constructor(
    code: TemplateErrorCode,
    message: string,
    readonly line: number,
    readonly fileName: string,
    options: { cause?: unknown } = {},
  ) {
    super(code, message, { ...options, location: { file: fileName, line } });
  }

  /** One line for the UI: "my-template.md, line 12: …". */
  describe(): string {
    return `${this.fileName}, line ${this.line}: ${this.message}`;
  }
}
