// A CSV read in pieces, however it is cut, gives the rows (and row numbers, and refusals) of the same text read whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvChunkReader, readCsv } from '../../../shared/imports/csv.ts';
import { caught } from '../../support/errors.ts';

/** Rows as a reader hands them over: spreadsheet row number and cells. */
function readInPieces(text: string, cuts: number[]): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  const reader = new CsvChunkReader('t.csv', (line, cells) => rows.push({ line, cells }));
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(text.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  reader.push(text.slice(at));
  reader.end();
  return rows;
}

/** readCsv's reading, header included as row 1 (untrimmed cells aside, which the header trims). */
function readWhole(text: string): { line: number; cells: string[] }[] {
  const table = readCsv(text, 't.csv');
  const rows = table.rows.map((r) => ({ line: r.line, cells: r.cells }));
  return table.header.some((h) => h !== '') ? [{ line: 1, cells: table.header }, ...rows] : rows;
}

const cell = fc.oneof(
  fc.stringMatching(/^[a-z0-9 .]{0,6}$/),
  fc.stringMatching(/^[a-z,;"\n\r ]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
  fc.constantFrom('', ' ', 'x"y', '5" screen'),
);

/** Plain rows before the generated ones: the reader settles delimiter and line ending on the first 1 MiB, so the
 * generated rows (and the cuts among them) come after that, where pieces are cut at row boundaries. */
const PREFIX_ROWS = 90_000;

const prefixes = new Map<string, string>();
function prefixOf(delimiter: string, newline: string): string {
  const key = delimiter + newline;
  let prefix = prefixes.get(key);
  if (prefix === undefined) {
    prefix = `${Array.from({ length: PREFIX_ROWS }, (_, i) => ['a', 'bb', String(i)].join(delimiter)).join(newline)}${newline}`;
    prefixes.set(key, prefix);
  }
  return prefix;
}

const csvText = fc.record({
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n'),
  trailing: fc.boolean(),
}).map(({ rows, delimiter, newline, trailing }) => {
  const prefix = prefixOf(delimiter, newline);
  return { text: prefix + rows.map((r) => r.join(delimiter)).join(newline) + (trailing ? newline : ''), from: prefix.length - 300 };
});

describe('CsvChunkReader', () => {
  it('reads the rows of the whole text, numbered alike, wherever the pieces are cut', () => {
    fc.assert(fc.property(csvText, fc.array(fc.nat(700), { maxLength: 8 }), ({ text, from }, offsets) => {
      const cuts = [1_048_576 + 7, ...offsets.map((o) => from + o)];
      let whole: { line: number; cells: string[] }[] | Error;
      try {
        whole = readWhole(text);
      } catch (e) {
        whole = e as Error;
      }
      if (whole instanceof Error) {
        // A refusal of the whole text is the refusal of the pieces, on the same row.
        const e = caught(() => readInPieces(text, cuts));
        expect(e).toMatchObject({ code: (whole as { code?: string }).code, line: (whole as { line?: number }).line });
        return;
      }
      const pieces = readInPieces(text, cuts).map((r) => (r.line === 1 ? { line: 1, cells: r.cells.map((c) => c.trim()) } : r));
      // The plain prefix rows are alike by construction; the generated rows, where the cuts fall, are compared in full.
      expect(pieces.length).toBe(whole.length);
      expect(pieces.slice(PREFIX_ROWS - 40)).toEqual(whole.slice(PREFIX_ROWS - 40));
    }), { numRuns: 40, seed: 12 });
  });

  it('cuts a long file into pieces at row boundaries, not inside a quoted cell holding line breaks', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `r${i},"line one\nline ""two"", ${i}",${i % 3 ? '' : 'x'}`);
    const text = `a,b,c\n${rows.join('\n')}\n`;
    const seen: { line: number; cells: string[] }[] = [];
    const reader = new CsvChunkReader('big.csv', (line, cells) => seen.push({ line, cells }));
    for (let i = 0; i < text.length; i += 65_537) reader.push(text.slice(i, i + 65_537));
    reader.end();
    expect(seen).toHaveLength(40_001);
    expect(seen[40_000]).toEqual({ line: 40_001, cells: ['r39999', 'line one\nline "two", 39999', 'x'] });
  });

  it('names the row of a quote never closed, and of a NUL byte, as the whole reading does', () => {
    const text = `a,b\n${'x,y\n'.repeat(30_000)}z,"open\n${'x,y\n'.repeat(10)}`;
    expect(caught(() => readInPieces(text, [100_000, 200_000]))).toMatchObject({ code: 'import_invalid', line: caught(() => readCsv(text, 't.csv')).line });
    const nul = `a,b\n${'x,y\n'.repeat(300_000)}x,\u0000\n`;
    expect(caught(() => readInPieces(nul, [1_100_000]))).toMatchObject({ line: caught(() => readCsv(nul, 't.csv')).line });
  });
});
