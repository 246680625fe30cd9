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

const QUOTE = 0x22;
/** papaparse reads the line ending from the first 1 MiB of text. */
const SETTLE_CHARS = 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Reads CSV text pushed in pieces (a file read in chunks) and hands each non-blank row to `onRow` as soon as it is
 * complete, numbered as readCsv numbers the whole text: the same papaparse parse, run on pieces cut at row
 * boundaries, so a file of any size never sits whole in memory. The delimiter and line ending are guessed once from
 * the first 1 MiB, as papaparse guesses them for the whole text, so the rows are the same however the text is cut.
 */
export class CsvChunkReader {
  private carry = '';
  /** Where the boundary scan of `carry` stopped (it resumes there), whether inside quotes, and the last boundary seen. */
  private scanned = 0;
  private inQuotes = false;
  private lastBoundary = -1;
  /** Whether the text scanned so far holds a quote (a piece without one is split as papaparse's fast mode splits it). */
  private quoteSeen = false;
  /** Rows papaparse has produced so far, blank ones included (a row's number is this + its index + 1). */
  private records = 0;
  private settled = false;
  private head = '';
  private content = false;
  delimiter = ',';
  private newline: '\r' | '\n' | '\r\n' = '\n';
  private readonly fileName: string;
  private readonly onRow: (line: number, cells: string[]) => void;

  constructor(fileName: string, onRow: (line: number, cells: string[]) => void) {
    this.fileName = fileName;
    this.onRow = onRow;
  }

  push(text: string): void {
    if (text.length === 0) return;
    if (!this.settled && this.carry === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (this.head.length < 200) this.head += text.slice(0, 200 - this.head.length);
    const nul = text.indexOf('\u0000');
    if (nul !== -1) this.nulError(text, nul);
    if (!this.content && /\S/.test(text)) this.content = true;
    this.carry += text;
    if (!this.settled) {
      // papaparse guesses the line ending from the first 1 MiB and the delimiter from the first rows: wait for as much.
      if (this.carry.length < SETTLE_CHARS) return;
      this.settle();
    }
    const cut = this.boundary();
    if (cut === -1) return;
    const piece = this.carry.slice(0, cut + 1);
    const quotes = this.quoteSeen;
    this.carry = this.carry.slice(cut + 1);
    this.scanned = 0;
    this.lastBoundary = -1;
    this.inQuotes = false;
    this.quoteSeen = false;
    if (quotes) this.parse(piece, true);
    else this.split(piece);
  }

  /** Parses what is left; throws what readCsv throws for the whole text (an empty file, a quote never closed). */
  end(): void {
    if (!this.content) {
      throw new OfframpError({ code: 'import_invalid', message: `${this.fileName} is empty; it needs a header row and at least one data row.`, file: this.fileName, line: 1 });
    }
    if (!this.settled) this.settle();
    if (this.carry.length > 0) this.parse(this.carry, false);
    this.carry = '';
  }

  private settle(): void {
    const meta = Papa.parse<string[]>(this.carry, { header: false, skipEmptyLines: false, preview: 10, delimitersToGuess: [',', ';', '\t', '|'] }).meta;
    this.delimiter = meta.delimiter;
    this.newline = meta.linebreak as '\r' | '\n' | '\r\n';
    this.settled = true;
  }

  /** The last line break of `carry` outside quoted cells (-1: none yet), reading quotes as papaparse does. */
  private boundary(): number {
    const text = this.carry;
    const delim = this.delimiter.charCodeAt(0);
    const br = this.newline === '\r' ? '\r' : '\n';
    let pos = this.scanned;
    let last = this.lastBoundary;
    let quoted = this.inQuotes;
    for (;;) {
      if (!quoted) {
        const q = text.indexOf('"', pos);
        const end = q === -1 ? text.length : q;
        const nl = end > 0 ? text.lastIndexOf(br, end - 1) : -1;
        if (nl >= pos) last = nl;
        if (q === -1) {
          pos = text.length;
          break;
        }
        this.quoteSeen = true;
        // A quote opens a quoted cell only at the start of a cell; elsewhere it is a character of the cell.
        const before = q === 0 ? LF : text.charCodeAt(q - 1);
        if (before === LF || before === CR || before === delim) quoted = true;
        pos = q + 1;
      } else {
        const q = text.indexOf('"', pos);
        // Not yet known whether a quote at the very end is doubled: look again with the next piece.
        if (q === -1 || q + 1 >= text.length) {
          pos = q === -1 ? text.length : q;
          break;
        }
        const next = text.charCodeAt(q + 1);
        if (next === QUOTE) pos = q + 2;
        else {
          // papaparse closes a quoted cell only before a delimiter or a line break; otherwise it reads on.
          if (next === LF || next === CR || next === delim) quoted = false;
          pos = q + 1;
        }
      }
    }
    this.scanned = pos;
    this.lastBoundary = last;
    this.inQuotes = quoted;
    return last;
  }

  private parse(piece: string, endsOnBreak: boolean): void {
    const result = Papa.parse<string[]>(piece, { header: false, skipEmptyLines: false, delimiter: this.delimiter, newline: this.newline });
    const fatal = result.errors.find((e) => e.type === 'Quotes');
    if (fatal) {
      const line = this.records + (fatal.row ?? 0) + 1;
      throw new OfframpError({
        code: 'import_invalid',
        message: `${this.fileName} row ${line} has a quoted cell that is never closed (a " without its pair); fix the quotes on that row or export the file again.`,
        file: this.fileName,
        line,
      });
    }
    const data = result.data;
    // A piece ending on a line break leaves papaparse an empty last row that the whole text does not have there.
    const tail = data[data.length - 1];
    const n = endsOnBreak && tail !== undefined && tail.length === 1 && tail[0] === '' ? data.length - 1 : data.length;
    const base = this.records;
    for (let i = 0; i < n; i++) {
      const cells = data[i];
      if (!isBlankRow(cells)) this.onRow(base + i + 1, cells);
    }
    this.records += n;
  }

  /**
   * A piece without a quote, read exactly as papaparse reads such text (its "fast mode": split on the line break, then
   * on the delimiter) without papaparse's per-row bookkeeping. The piece ends on a line break, so its last part is empty.
   */
  private split(piece: string): void {
    const lines = piece.split(this.newline);
    const n = lines.length - 1;
    const base = this.records;
    const delimiter = this.delimiter;
    for (let i = 0; i < n; i++) {
      const cells = lines[i].split(delimiter);
      if (!isBlankRow(cells)) this.onRow(base + i + 1, cells);
    }
    this.records += n;
  }

  private nulError(text: string, at: number): never {
    // What came before this piece is counted in rows; the text in hand in line breaks.
    const line = this.records + (this.carry + text.slice(0, at)).split('\n').length;
    const message = looksUtf16(this.head)
      ? `${this.fileName} is encoded as UTF-16 (Excel's "Unicode Text"); save it as "CSV UTF-8" and import it again.`
      : `${this.fileName} contains binary data (a NUL byte on line ${line}); it is not a CSV text file. Save it as CSV (UTF-8) and try again.`;
    throw new OfframpError({ code: 'import_invalid', message, file: this.fileName, line });
  }
}

function isBlankRow(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i].trim() !== '') return false;
  return true;
}
