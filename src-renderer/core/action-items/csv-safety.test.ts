import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCsvCell, restoreCsvCell, toSafeCsv } from './csv-safety';

describe('neutraliseCsvCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd'])('prefixes %j with a quote', (cell) => {
    expect(neutraliseCsvCell(cell)).toBe(`'${cell}`);
  });

  it.each(['plain', '2024-06-28', '', ' =not first', "'quoted", "'"])('leaves %j alone', (cell) => {
    expect(neutraliseCsvCell(cell)).toBe(cell);
  });

  it('adds one more quote to a cell that already hides a formula behind quotes', () => {
    expect(neutraliseCsvCell("'=1")).toBe("''=1");
  });

  it('round-trips through restoreCsvCell and never leaves a formula start', () => {
    const cell = fc.oneof(fc.string(), fc.tuple(fc.constantFrom("'", "''", ''), fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()).map((p) => p.join('')));
    fc.assert(
      fc.property(cell, (value) => {
        const safe = neutraliseCsvCell(value);
        expect(safe).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreCsvCell(safe)).toBe(value);
      }),
    );
  });
});

describe('toSafeCsv', () => {
  it('neutralises every cell and keeps repeated headers, quotes and newlines intact', () => {
    const csv = toSafeCsv(['Summary', 'Labels', 'Labels'], [['=cmd|"/c calc"!A0', 'a,b', 'line1\nline2']]);
    expect(csv.split('\r\n')[0]).toBe('Summary,Labels,Labels');
    const parsed = Papa.parse<string[]>(csv, { header: false }).data;
    expect(parsed).toEqual([
      ['Summary', 'Labels', 'Labels'],
      ['\'=cmd|"/c calc"!A0', 'a,b', 'line1\nline2'],
    ]);
  });
});
