/**
 * The one base of every error Debrief raises on purpose: a `code` a caller can branch on, a
 * message in plain words that says what to do, and optionally where (file, line, field) and the
 * underlying cause. Subclasses narrow `code` to their own union and set `name`.
 */
export interface ErrorLocation {
  file?: string;
  line?: number;
  field?: string;
}

export class CodedError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly location: ErrorLocation | undefined;

  constructor(code: Code, message: string, options: { cause?: unknown; location?: ErrorLocation } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = options.location;
    this.name = new.target.name;
  }
}

/** True when `error` is a coded error, optionally with the given code. */
export function isCodedError(error: unknown, code?: string): error is CodedError {
  return error instanceof CodedError && (code === undefined || error.code === code);
}
