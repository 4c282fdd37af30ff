import { CodedError } from '../errors/coded-error';

export type StatusImportErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'BAD_CSV'
  | 'NO_MATCH_COLUMN'
  | 'NO_UPDATE_COLUMN'
  | 'BAD_STATUS'
  | 'BAD_DATE'
  | 'BAD_BASELINE'
  | 'NO_ITEM_KEY'
  | 'DUPLICATE_ROW';

/**
 * A problem with a status-update CSV. File-level problems are thrown; row-level ones are
 * collected in the plan with the 1-based line the row starts on, so one bad row never hides
 * the rest.
 */
export class StatusImportError extends CodedError<StatusImportErrorCode> {
  override readonly name = 'StatusImportError';

  constructor(
    code: StatusImportErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(code, message, line === undefined && column === undefined ? {} : { location: { line, field: column } });
  }

  describe(): string {
    const where = [this.line !== undefined ? `line ${this.line}` : null, this.column ? `column ${this.column}` : null].filter(Boolean).join(', ');
    return where ? `${where}: ${this.message}` : this.message;
  }
}
