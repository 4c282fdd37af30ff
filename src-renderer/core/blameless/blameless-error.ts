export type BlamelessErrorCode = 'INVALID_RULES' | 'INVALID_PATTERN';

/** Raised when a rules file cannot be used; names the rule so the file can be fixed. */
export class BlamelessRulesError extends Error {
  constructor(
    readonly code: BlamelessErrorCode,
    message: string,
    readonly ruleId: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BlamelessRulesError';
  }
}
