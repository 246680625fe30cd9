// The plain per-task CSV of evaluation rows, read row by row as its text arrives: each row is validated and handed
// to a sink as stored values (flags 1/0/null), so an import of a million rows builds no object per row. The whole-text
// parsers (shared/imports/evaluations.ts) and the streamed import (electron/db/evaluationStaging.ts) share it.

import { OfframpError } from '../errors.ts';
import { candidateInput } from '../ipc/evaluation.ts';
import { CsvChunkReader, normaliseHeader, parseBooleanCell, parseNumberCell } from './csv.ts';

/** A yes/no value as stored: 1, 0, or null when unknown. */
export type Flag = 1 | 0 | null;

/** Receives validated rows; `candidate` indexes the reader's `candidates` (order of first appearance). */
export interface EvaluationRowSink {
  row(candidate: number, taskId: string, latencyMs: number | null, costUsd: number | null,
    correct: Flag, grounded: Flag, refused: Flag, hallucinated: Flag, winVsBaseline: Flag): void;
}

export const MAX_TASK_ID = 200;

/** Why a name cannot be a candidate's (the candidate form's own rule), or null when it can. */
export function candidateNameProblem(name: string): string | null {
  if (candidateInput.shape.name.safeParse(name).success) return null;
  return `the candidate name is ${name.length.toLocaleString('en-US')} characters long; keep it to 200, as the candidate form does`;
}

type PlainField = 'candidate' | 'taskId' | 'latencyMs' | 'costUsd' | 'correct' | 'grounded' | 'refused' | 'hallucinated' | 'winVsBaseline';

const PLAIN_COLUMNS: Record<PlainField, string[]> = {
  candidate: ['candidate', 'candidate_name', 'model', 'provider', 'system', 'variant'],
  taskId: ['task_id', 'task', 'id', 'test_id', 'case_id', 'example_id'],
  latencyMs: ['latency_ms', 'latency', 'latency_milliseconds', 'duration_ms', 'response_time_ms', 'time_ms'],
  costUsd: ['cost_usd', 'cost', 'cost_dollars', 'price_usd', 'usd'],
  correct: ['correct', 'pass', 'passed', 'success', 'accurate', 'is_correct'],
  grounded: ['grounded', 'is_grounded', 'faithful'],
  refused: ['refused', 'refusal', 'is_refusal'],
  hallucinated: ['hallucinated', 'hallucination', 'is_hallucination'],
  winVsBaseline: ['win_vs_baseline', 'win', 'beats_baseline', 'better_than_baseline', 'preferred'],
};

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;
/** The spellings most files use, looked up as they are; parseBooleanCell reads every other one. */
const COMMON_FLAGS = new Map<string, Flag>([
  ['', null], ['yes', 1], ['no', 0], ['true', 1], ['false', 0], ['1', 1], ['0', 0],
  ['Yes', 1], ['No', 0], ['TRUE', 1], ['FALSE', 0], ['True', 1], ['False', 0], ['pass', 1], ['fail', 0],
]);

const BOOLEAN_HINT = 'use true/false, yes/no, 1/0 or pass/fail, or leave it empty when unknown';

export const RESULT_CELL = /^\[(PASS|FAIL|ERROR)\]/;

export function plainColumnIndex(header: string[]): Partial<Record<PlainField, number>> {
  const norm = header.map(normaliseHeader);
  const out: Partial<Record<PlainField, number>> = {};
  for (const field of Object.keys(PLAIN_COLUMNS) as PlainField[]) {
    for (const name of PLAIN_COLUMNS[field]) {
      const i = norm.indexOf(name);
      if (i !== -1) {
        out[field] = i;
        break;
      }
    }
  }
  return out;
}

/** A candidate column, and no column of promptfoo [PASS]/[FAIL] cells in the first rows (a promptfoo var may be called "model"). */
export function isPlainCsvStart(header: string[], firstRows: { cells: string[] }[]): boolean {
  if (plainColumnIndex(header).candidate === undefined) return false;
  const sample = firstRows.slice(0, 50);
  return !header.some((_, c) => sample.some((r) => RESULT_CELL.test((r.cells[c] ?? '').trim())));
}

/** The refusal of a task a candidate already has, worded the same whoever found it (the reader, or the staging's unique index). */
export function duplicateTaskError(fileName: string, header: string[], line: number, taskColumn: number, taskId: string, candidate: string, firstLine: number): OfframpError {
  return new OfframpError({
    code: 'import_invalid',
    message: `${fileName} row ${line}, column "${header[taskColumn]}": task ${JSON.stringify(taskId)} of ${candidate} is already on row ${firstLine}; each candidate may have one row per task.`,
    file: fileName, line, field: header[taskColumn],
  });
}

/** A copy that does not keep the piece of file text it was cut from alive (V8 keeps a slice's parent). */
const own = (s: string): string => (s.length > 0 ? `${s} `.slice(0, -1) : s);

/**
 * The plain per-task CSV: candidate, latency_ms, cost_usd, correct, grounded, refused, hallucinated, task_id,
 * win_vs_baseline (and their usual spellings). Rows are validated as they come; the first problem is thrown naming
 * the file, the row and the column. With `checkDuplicates` off, the caller checks one row per task and candidate.
 */
export class PlainEvaluationCsv {
  readonly candidates: string[] = [];
  rowCount = 0;
  /** The row being read (spreadsheet numbering), for a sink that finds a problem with it. */
  lastLine = 0;
  /**
   * The candidate and task of that row once they passed their own checks (taskChecked): a caller that checks one row
   * per task itself looks at them when a later cell of the same row is refused, since the task is checked first.
   */
  taskChecked = false;
  lastCandidate = -1;
  lastTaskId = '';
  readonly header: string[];
  readonly taskColumn: number | undefined;
  private readonly index = new Map<string, number>();
  private readonly taskIds = new Map<number, Map<string, number>>();
  private readonly col: Partial<Record<PlainField, number>>;
  private readonly fileName: string;
  private readonly decimalComma: boolean;
  private readonly sink: EvaluationRowSink;
  private readonly checkDuplicates: boolean;

  constructor(fileName: string, header: string[], delimiter: string, sink: EvaluationRowSink, checkDuplicates = true) {
    this.fileName = fileName;
    this.header = header;
    this.col = plainColumnIndex(header);
    this.taskColumn = this.col.taskId;
    this.decimalComma = delimiter === ';';
    this.sink = sink;
    this.checkDuplicates = checkDuplicates;
  }

  private fail(line: number, c: number, message: string): never {
    throw new OfframpError({ code: 'import_invalid', message: `${this.fileName} row ${line}, column "${this.header[c]}": ${message}`, file: this.fileName, line, field: this.header[c] });
  }

  private num(line: number, cells: string[], c: number | undefined, unit: string): number | null {
    if (c === undefined) return null;
    const cell = cells[c] ?? '';
    // Fast path: a plain non-negative decimal is what nearly every cell holds; anything else is read (and worded) in full.
    if (PLAIN_DECIMAL.test(cell)) return Number(cell);
    const v = parseNumberCell(cell, this.decimalComma);
    if (v === undefined) return this.fail(line, c, `${JSON.stringify(cells[c])} is not a number; give ${unit}, or leave it empty when unknown.`);
    if (v !== null && v < 0) return this.fail(line, c, `${cells[c]} is negative; give ${unit}.`);
    return v;
  }

  private flag(line: number, cells: string[], c: number | undefined): Flag {
    if (c === undefined) return null;
    const cell = cells[c] ?? '';
    const common = COMMON_FLAGS.get(cell);
    if (common !== undefined) return common;
    const v = parseBooleanCell(cell);
    if (v === undefined) return this.fail(line, c, `${JSON.stringify(cells[c])} is not yes or no; ${BOOLEAN_HINT}.`);
    return v === null ? null : v ? 1 : 0;
  }

  /** Index of a candidate, adding it (after checking its name) on first sight. */
  private candidateOf(line: number, cells: string[]): number {
    const c = this.col.candidate as number;
    const name = (cells[c] ?? '').trim();
    const known = this.index.get(name);
    if (known !== undefined) return known;
    if (!name) this.fail(line, c, 'the candidate is empty; say which candidate produced this row.');
    const problem = candidateNameProblem(name);
    if (problem) this.fail(line, c, `${problem}.`);
    const k = this.candidates.length;
    this.candidates.push(own(name));
    this.index.set(this.candidates[k], k);
    return k;
  }

  row(line: number, cells: string[]): void {
    this.lastLine = line;
    this.taskChecked = false;
    const col = this.col;
    const k = this.candidateOf(line, cells);
    const tc = col.taskId;
    const given = tc !== undefined ? (cells[tc] ?? '').trim() : '';
    const taskId = given || String(line - 1);
    if (taskId.length > MAX_TASK_ID) this.fail(line, tc!, `the task id is ${taskId.length.toLocaleString('en-US')} characters long; keep it to ${MAX_TASK_ID}.`);
    if (tc !== undefined && this.checkDuplicates) {
      // A map per candidate rather than one of joined keys: no new string per row.
      let seen = this.taskIds.get(k);
      if (!seen) this.taskIds.set(k, (seen = new Map()));
      const first = seen.get(taskId);
      if (first !== undefined) throw duplicateTaskError(this.fileName, this.header, line, tc, taskId, this.candidates[k], first);
      seen.set(taskId, line);
    }
    this.lastCandidate = k;
    this.lastTaskId = taskId;
    this.taskChecked = true;
    this.rowCount += 1;
    this.sink.row(k, taskId,
      this.num(line, cells, col.latencyMs, 'milliseconds such as 850'),
      this.num(line, cells, col.costUsd, 'US dollars per task such as 0.0021'),
      this.flag(line, cells, col.correct), this.flag(line, cells, col.grounded), this.flag(line, cells, col.refused),
      this.flag(line, cells, col.hallucinated), this.flag(line, cells, col.winVsBaseline));
  }

  warnings(): string[] {
    const warnings: string[] = [];
    if (this.rowCount === 0) warnings.push(`${this.fileName} has a header but no data rows.`);
    const missing = (['latencyMs', 'costUsd', 'correct'] as const).filter((f) => this.col[f] === undefined);
    if (missing.length > 0) {
      const names: Record<string, string> = { latencyMs: 'latency_ms', costUsd: 'cost_usd', correct: 'correct' };
      warnings.push(`No ${missing.map((m) => `"${names[m]}"`).join(', ')} column: those metrics stay empty for these candidates.`);
    }
    return warnings;
  }
}

/** What a CSV of evaluation rows turned out to be once its first rows were seen. */
export type CsvStreamResult =
  | { kind: 'plain'; reader: PlainEvaluationCsv }
  | { kind: 'other'; header: string[]; rows: { line: number; cells: string[] }[]; delimiter: string };

/**
 * Reads an evaluation CSV pushed in pieces. The first 50 rows decide: a plain per-task CSV streams its rows to the
 * sink as they come; anything else (promptfoo's CSV output, whose columns are only known from every row, or no
 * candidate column at all) is kept whole for the caller, as promptfoo's CSV files are small.
 */
export class EvaluationCsvStream {
  private readonly csv: CsvChunkReader;
  private header: string[] | null = null;
  private readonly held: { line: number; cells: string[] }[] = [];
  private plain: PlainEvaluationCsv | null = null;
  private decided = false;
  private readonly fileName: string;
  private readonly sink: EvaluationRowSink;
  private readonly checkDuplicates: boolean;

  constructor(fileName: string, sink: EvaluationRowSink, checkDuplicates = true) {
    this.fileName = fileName;
    this.sink = sink;
    this.checkDuplicates = checkDuplicates;
    this.csv = new CsvChunkReader(fileName, (line, cells) => this.take(line, cells));
  }

  /** The plain reader once the file is known to be one (rows go straight to the sink from then on). */
  get plainReader(): PlainEvaluationCsv | null {
    return this.plain;
  }

  push(text: string): void {
    this.csv.push(text);
  }

  end(): CsvStreamResult {
    this.csv.end();
    if (!this.decided) this.decide();
    if (this.plain) return { kind: 'plain', reader: this.plain };
    return { kind: 'other', header: this.header ?? [], rows: this.held, delimiter: this.csv.delimiter };
  }

  private take(line: number, cells: string[]): void {
    if (this.header === null) {
      // readCsv's header is the first row papaparse read, blank or not; a blank first row makes an empty header.
      this.header = line === 1 ? cells.map((h) => h.trim()) : [''];
      if (line === 1) return;
    }
    if (this.plain) {
      this.plain.row(line, cells);
      return;
    }
    this.held.push({ line, cells });
    if (!this.decided && this.held.length >= 50) this.decide();
  }

  private decide(): void {
    this.decided = true;
    const header = this.header ?? [];
    if (!isPlainCsvStart(header, this.held)) return;
    this.plain = new PlainEvaluationCsv(this.fileName, header, this.csv.delimiter, this.sink, this.checkDuplicates);
    for (const r of this.held) this.plain.row(r.line, r.cells);
    this.held.length = 0;
  }
}
