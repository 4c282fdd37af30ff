import { CodedError, type ErrorLocation } from '../errors/coded-error';

export type ImportErrorCode =
  | 'NOT_A_ZIP'
  | 'NOT_TEXT'
  | 'TRUNCATED_ARCHIVE'
  | 'UNSUPPORTED_COMPRESSION'
  | 'LIMIT_EXCEEDED'
  | 'INVALID_JSON'
  | 'WRONG_SHAPE'
  | 'UNKNOWN_FORMAT'
  | 'UNKNOWN_LOG_TYPE'
  | 'BAD_DATE'
  | 'BAD_CSV'
  | 'EMPTY'
  | 'CANCELLED';

/** Where in the input a problem was found; every field that is known is named to the user. */
export interface ImportErrorLocation extends ErrorLocation {
  file: string;
  /** Entry inside an archive or folder, e.g. `incident/2024-06-12.json`. */
  entry?: string;
  line?: number;
  /** JSON path or CSV column, e.g. `log_entries[3].created_at`. */
  field?: string;
}

/** The only error an importer may throw. */
export class ImportError extends CodedError<ImportErrorCode> {
  override readonly name = 'ImportError';
  declare readonly location: ImportErrorLocation;

  constructor(code: ImportErrorCode, message: string, location: ImportErrorLocation, options: { cause?: unknown } = {}) {
    // Messages quote the file's own text (a type, a name): its control characters never reach the UI.
    super(code, withoutControlCharacters(message), { ...options, location });
  }

  /** One line naming the file, entry, line and field, for the UI. */
  describe(): string {
    const where = [
      this.location.file,
      this.location.entry,
      this.location.line !== undefined ? `line ${this.location.line}` : undefined,
      this.location.field ? `field ${this.location.field}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    return withoutControlCharacters(`${where}: ${this.message}`);
  }
}

/** Control characters shown as U+FFFD: a message is one line of plain text. */
export function withoutControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}
