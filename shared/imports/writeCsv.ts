// The one way the app writes CSV: every text cell that a spreadsheet would run as a formula is
// neutralised (OWASP: prefix with ' and quote), so an exported name can never execute.
import Papa from 'papaparse';

/** A cell starting with one of these is a formula (or becomes one after Excel trims a tab or CR). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** `=SUM(A1)` → `'=SUM(A1)`; other text unchanged. Numbers are written as numbers and never touched. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseCell when reading back a file the app wrote: `'=x` → `=x`; anything else unchanged. */
export function restoreCell(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export type CsvCell = string | number | null | undefined;

/**
 * CSV text of a header and rows. Text cells go through neutraliseCell and a neutralised cell is
 * always quoted (so a spreadsheet keeps the apostrophe as a text marker, even with a tab or line
 * break inside); numbers are written as they are (a negative number is not a formula).
 */
export function writeCsv(fields: readonly string[], rows: readonly CsvCell[][], newline: '\n' | '\r\n' = '\n'): string {
  const data = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell ?? '')));
  const quoted = (value: unknown): boolean => typeof value === 'string' && value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1));
  return Papa.unparse({ fields: fields.map(neutraliseCell), data }, { newline, quotes: quoted });
}
