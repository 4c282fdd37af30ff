import { CodedError } from '../errors/coded-error';

export type BlamelessErrorCode = 'INVALID_RULES' | 'INVALID_PATTERN';

/** Raised when a rules file cannot be used; names the rule so the file can be fixed. */
export class BlamelessRulesError extends CodedError<BlamelessErrorCode> {
  override readonly name = 'BlamelessRulesError';

  constructor(
    code: BlamelessErrorCode,
    message: string,
    readonly ruleId: string | null,
    options: { cause?: unknown } = {},
  ) {
    super(code, message, ruleId === null ? options : { ...options, location: { field: `rule ${ruleId}` } });
  }
}
