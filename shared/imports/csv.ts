// CSV reading for importers: rows numbered as a spreadsheet shows them (header = row 1), and
// structural problems (binary data, unclosed quotes) as errors naming the file and row.

import Papa from 'papaparse';
import { OfframpError } from '../errors.ts';

export interface CsvRow {
  /** Spreadsheet row number: the header is 1, the first data row 2. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: string;
}

/** Parses CSV text (comma, semicolon or tab separated; BOM and CRLF tolerated). Blank rows are skipped. */
export function readCsv(text: string, fileName: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const nul = body.indexOf('\u0000');
  if (nul !== -1) {
    const line = body.slice(0, nul).split('\n').length;
    const message = looksUtf16(body)
      ? `${fileName} is encoded as UTF-16 (Excel's "Unicode Text"); save it as "CSV UTF-8" and import it again.`
      : `${fileName} contains binary data (a NUL byte on line ${line}); it is not a CSV text file. Save it as CSV (UTF-8) and try again.`;
    throw new OfframpError({ code: 'import_invalid', message, file: fileName, line });
  }
  if (body.trim().length === 0) {
    throw new OfframpError({ code: 'import_invalid', message: `${fileName} is empty; it needs a header row and at least one data row.`, file: fileName, line: 1 });
  }
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const line = (fatal.row ?? 0) + 1;
    throw new OfframpError({
      code: 'import_invalid',
      message: `${fileName} row ${line} has a quoted cell that is never closed (a " without its pair); fix the quotes on that row or export the file again.`,
      file: fileName,
      line,
    });
  }
  const data = result.data;
  const header = (data[0] ?? []).map((h) => h.trim());
  const rows: CsvRow[] = [];
  for (let i = 1; i < data.length; i++) {
    const cells = data[i];
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ line: i + 1, cells });
  }
  return { header, rows, delimiter: result.meta.delimiter };
}

/** UTF-16 read as UTF-8: a replaced byte-order mark, or a NUL after most ASCII characters. */
export function looksUtf16(text: string): boolean {
  if (text.startsWith('\uFFFD\uFFFD')) return true;
  const head = text.slice(0, 200);
  let nuls = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) nuls += 1;
  return head.length >= 8 && nuls >= head.length / 3;
}

/** "P95 Latency (ms)" → "p95_latency_ms": lower case, anything not a letter or digit becomes one underscore. */
export function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

const TRUE = new Set(['true', 't', 'yes', 'y', '1', 'pass', 'passed', 'ok', 'x', '✓', 'oui', 'ja', 'sí', 'si']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0', 'fail', 'failed', 'non', 'nein', '✗']);

/** A yes/no cell: true/false, 1/0, yes/no, pass/fail (any case); '' → null; anything else → undefined. */
export function parseBooleanCell(cell: string): boolean | null | undefined {
  const v = cell.trim().toLowerCase();
  if (v === '') return null;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}

/**
 * A number cell: "1234.5", "1,234.5", "$0.002", "850 ms", "1e-3"; '' → null; anything else → undefined.
 * A comma is read as a thousands separator only in groups of three digits; "0,5" is refused rather
 * than guessed — unless the file is semicolon-separated (decimalComma), as European spreadsheets
 * save it, where "0,95" and "1.234,5" are decimal commas.
 */
export function parseNumberCell(cell: string, decimalComma = false): number | null | undefined {
  let v = cell.trim();
  if (v === '') return null;
  v = v.replace(/^[$€£]\s*/, '').replace(/\s*(ms|s|usd|eur|\$|€)$/i, '');
  // Only a comma makes it European: "0.002" stays a decimal point even in a semicolon file.
  if (decimalComma && /^-?(\d{1,3}(\.\d{3})+|\d+),\d+$/.test(v)) v = v.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) v = v.replace(/,/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
