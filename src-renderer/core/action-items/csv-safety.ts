import Papa from 'papaparse';

// OWASP CSV injection: spreadsheets run a cell starting with one of these as a formula.
// Cells that already start with quotes before a formula character get one more, so that
// restoreCsvCell can always undo exactly what neutraliseCsvCell did.
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const WAS_QUOTED = /^'+[=+\-@\t\r]/;

/** Prefixes `'` to a cell a spreadsheet would evaluate, so it shows as text instead. */
export function neutraliseCsvCell(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseCsvCell when a file we wrote comes back. */
export function restoreCsvCell(value: string): string {
  return WAS_QUOTED.test(value) ? value.slice(1) : value;
}

/**
 * The only way this folder writes CSV: every cell, headers included, is neutralised.
 * Rows are arrays so a header may repeat (Jira takes several `Labels` columns).
 */
export function toSafeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    {
      fields: header.map(neutraliseCsvCell),
      data: rows.map((row) => row.map(neutraliseCsvCell)),
    },
    { newline: '\r\n', quotes: false },
  );
}
