import { toSafeCsv } from '../action-items/csv-safety';
import { escapeTableCell } from '../markdown/markdown-escape';
import type { CatalogRow } from './catalog-row';

export const CATALOG_COLUMNS = [
  'ID',
  'Title',
  'Severity',
  'Started (UTC)',
  'Services',
  'Failure domains',
  'Trigger',
  'Contributing factors',
  'Detection method',
  'Resolution',
  'Went well',
  'Went poorly',
  'Lucky',
  'Duration (min)',
  'Customer impact (min)',
] as const;

const num = (n: number | null) => (n === null ? '' : String(n));

/** The cells of a row, in CATALOG_COLUMNS order; lists joined with "; ". */
export function catalogCells(row: CatalogRow): string[] {
  const c = row.catalog;
  return [
    row.id,
    row.title,
    row.severity,
    new Date(row.startedAt).toISOString(),
    row.services.join('; '),
    c.failureDomains.join('; '),
    c.trigger,
    c.contributingFactors.join('; '),
    c.detectionMethod,
    c.resolution,
    String(c.lessons.wentWell.length),
    String(c.lessons.wentPoorly.length),
    String(c.lessons.lucky.length),
    num(row.durationMinutes),
    num(row.customerImpactMinutes),
  ];
}

/** CSV for spreadsheets; cells that would run as formulas are neutralised. */
export function catalogCsv(rows: readonly CatalogRow[]): string {
  return `${toSafeCsv(CATALOG_COLUMNS, rows.map(catalogCells))}\r\n`;
}

/** A GFM table; every cell is escaped so a title cannot break the table or add markup. */
export function catalogMarkdown(rows: readonly CatalogRow[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeTableCell).join(' | ')} |`;
  const header = line(CATALOG_COLUMNS);
  const rule = `|${CATALOG_COLUMNS.map(() => ' --- ').join('|')}|`;
  return ['# Incident catalog', '', header, rule, ...rows.map((r) => line(catalogCells(r))), ''].join('\n');
}
