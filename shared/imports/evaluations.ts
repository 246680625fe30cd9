// Parses evaluation results into raw per-task rows: promptfoo's JSON and CSV outputs, and a plain
// CSV of per-task measurements. Aggregation happens later (shared/evaluation/aggregate.ts).

import type { EvaluationRow } from '../domain/types.ts';
import { OfframpError } from '../errors.ts';
import { normaliseHeader, parseBooleanCell, parseNumberCell, readCsv } from './csv.ts';
import type { CsvTable } from './csv.ts';
import { describeValue, lineOfOffset, parseJsonFile } from './json.ts';
import { candidateInput } from '../ipc/evaluation.ts';

/** Why a name cannot be a candidate's (the candidate form's own rule), or null when it can. */
function candidateNameProblem(name: string): string | null {
  if (candidateInput.shape.name.safeParse(name).success) return null;
  return `the candidate name is ${name.length.toLocaleString('en-US')} characters long; keep it to 200, as the candidate form does`;
}

const MAX_TASK_ID = 200;

export type ImportedEvaluationRow = Omit<EvaluationRow, 'candidateId'> & { candidate: string };

export interface EvaluationImport {
  /** Candidate names in order of first appearance. */
  candidates: string[];
  rows: ImportedEvaluationRow[];
  /** Things the user should know about what was read (e.g. results that were errors). */
  warnings: string[];
}

export interface EvaluationFile {
  name: string;
  text: string;
}

/** Chooses the parser from the content: JSON (promptfoo), promptfoo's CSV, or the plain per-task CSV. */
export function parseEvaluationFile(file: EvaluationFile): EvaluationImport {
  const start = file.text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '{' || start === '[') return parsePromptfooJson(file);
  const table = readCsv(file.text, file.name);
  return isPlainCsv(table) ? plainCsv(table, file.name) : promptfooCsv(table, file.name);
}

// ---------------------------------------------------------------- promptfoo JSON

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Assertions about speed or price, not about the answer: they do not make an answer wrong. */
const NON_QUALITY_ASSERTIONS = new Set(['latency', 'cost', 'perplexity', 'perplexity-score']);

/**
 * promptfoo's `eval -o out.json` / `export`: results.results[] (version 2+), or an older file
 * where results is itself the list, or a bare list of results.
 *
 * - candidate: provider label, else provider id; suffixed with the prompt label when one provider
 *   ran several prompts.
 * - correct: every assertion about the answer passed; latency and cost assertions are left out
 *   (they are measured separately). Without component results: success, else gradingResult.pass.
 * - refused: response.isRefusal, or a content-filter finish; unknown otherwise.
 * - grounded / hallucinated / winVsBaseline: from assertions whose metric or type names them
 *   (context-faithfulness and "grounded"; factuality and "hallucination"; "win"/"baseline").
 * - taskId: the test index, so the rows of different candidates on one test line up.
 */
export function parsePromptfooJson(file: EvaluationFile): EvaluationImport {
  const root = parseJsonFile(file.text, file.name);
  const list = resultList(root, file);
  const warnings: string[] = [];
  const providerPrompts = new Map<string, Set<string>>();
  const parsed = list.map((raw, i) => {
    if (!isObj(raw)) {
      throw new OfframpError({
        code: 'import_invalid',
        message: `${file.name}: result ${i + 1} is ${describeValue(raw)}; each entry of results.results must be an object.`,
        file: file.name,
        field: `results.results[${i}]`,
      });
    }
    const provider = providerName(raw);
    if (provider === null) {
      throw fieldError(file, i, raw, 'provider', 'has no "provider"; give {"id": "openai:gpt-4o-mini", "label": "…"} so the result can be tied to a candidate');
    }
    const tooLong = candidateNameProblem(provider);
    if (tooLong) throw fieldError(file, i, raw, 'provider', `has a provider label that cannot name a candidate: ${tooLong}`);
    const prompt = promptName(raw);
    const set = providerPrompts.get(provider) ?? new Set<string>();
    set.add(prompt);
    providerPrompts.set(provider, set);
    return { raw, provider, prompt, i };
  });

  const candidates: string[] = [];
  const seenCandidates = new Set<string>();
  const rows: ImportedEvaluationRow[] = [];
  let errors = 0;
  for (const { raw, provider, prompt, i } of parsed) {
    let candidate = (providerPrompts.get(provider)?.size ?? 1) > 1 ? `${provider} · ${prompt}` : provider;
    // A long prompt label must not push the name past the form's limit: shorten the label part.
    if (candidate.length > 200) candidate = `${candidate.slice(0, 199)}…`;
    if (!seenCandidates.has(candidate)) {
      seenCandidates.add(candidate);
      candidates.push(candidate);
    }
    const latency = optionalNumber(file, i, raw, 'latencyMs');
    const response = isObj(raw.response) ? raw.response : null;
    let cost = optionalNumber(file, i, raw, 'cost');
    if (cost === null && response && typeof response.cost === 'number') cost = response.cost;
    const isError = raw.failureReason === 2 || (response !== null && typeof response.error === 'string' && response.error.length > 0);
    if (isError) errors += 1;
    const grading = isObj(raw.gradingResult) ? raw.gradingResult : null;
    const components = grading && Array.isArray(grading.componentResults) ? grading.componentResults.filter(isObj) : [];
    const flags = flagsFromComponents(components);
    let correct: boolean | null = flags.correct;
    if (correct === null && !isError) {
      if (typeof raw.success === 'boolean') correct = raw.success;
      else if (grading && typeof grading.pass === 'boolean') correct = grading.pass;
    }
    let refused: boolean | null = null;
    if (response) {
      if (typeof response.isRefusal === 'boolean') refused = response.isRefusal;
      else if (response.finishReason === 'content_filter') refused = true;
    }
    const testIdx = typeof raw.testIdx === 'number' ? raw.testIdx : i;
    rows.push({
      candidate,
      taskId: String(testIdx),
      latencyMs: latency,
      costUsd: cost,
      correct: isError ? null : correct,
      grounded: flags.grounded,
      refused,
      hallucinated: flags.hallucinated,
      winVsBaseline: flags.win,
    });
  }
  if (errors > 0) {
    warnings.push(`${errors} of ${parsed.length} results ended in an error instead of an answer; their correctness is left unknown rather than counted as wrong.`);
  }
  if (rows.length === 0) warnings.push(`${file.name} holds no results.`);
  return { candidates, rows, warnings };
}

function resultList(root: unknown, file: EvaluationFile): unknown[] {
  if (Array.isArray(root)) return root;
  if (isObj(root)) {
    const results = root.results;
    if (Array.isArray(results)) return results;
    if (isObj(results) && Array.isArray(results.results)) return results.results;
    if (isObj(results) && Array.isArray(results.table)) {
      throw new OfframpError({ code: 'import_invalid', message: `${file.name} is a promptfoo file from before per-result output (only a table); run the eval again with a current promptfoo and export with -o out.json.`, file: file.name, field: 'results' });
    }
  }
  throw new OfframpError({
    code: 'import_invalid',
    message: `${file.name} has no "results.results" list; it does not look like promptfoo output (promptfoo eval -o out.json).`,
    file: file.name,
    line: 1,
    field: 'results.results',
  });
}

function providerName(raw: Obj): string | null {
  const p = raw.provider;
  if (typeof p === 'string' && p.trim()) return p.trim();
  if (isObj(p)) {
    if (typeof p.label === 'string' && p.label.trim()) return p.label.trim();
    if (typeof p.id === 'string' && p.id.trim()) return p.id.trim();
  }
  return null;
}

function promptName(raw: Obj): string {
  const p = raw.prompt;
  if (isObj(p)) {
    const label = typeof p.label === 'string' && p.label ? p.label : typeof p.raw === 'string' ? p.raw : '';
    if (label) return label.length > 60 ? `${label.slice(0, 59)}…` : label;
  }
  return typeof raw.promptIdx === 'number' ? `prompt ${raw.promptIdx + 1}` : 'prompt';
}

function optionalNumber(file: EvaluationFile, i: number, raw: Obj, key: string): number | null {
  const v = raw[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  throw fieldError(file, i, raw, key, `has "${key}" set to ${describeValue(v)}; it must be a number of ${key === 'cost' ? 'US dollars' : 'milliseconds'} (0 or more), or be left out`);
}

function fieldError(file: EvaluationFile, i: number, raw: Obj, key: string, what: string): OfframpError {
  const id = typeof raw.id === 'string' ? raw.id : null;
  let line: number | undefined;
  if (id) {
    const at = file.text.indexOf(JSON.stringify(id));
    if (at !== -1) {
      const k = file.text.indexOf(`"${key}"`, Math.max(0, file.text.lastIndexOf('{', at)));
      line = lineOfOffset(file.text, k !== -1 && k - at < 20_000 ? k : at);
    }
  }
  return new OfframpError({
    code: 'import_invalid',
    message: `${file.name}: result ${i + 1}${id ? ` (${id})` : ''} ${what}.`,
    file: file.name,
    line,
    field: `results.results[${i}].${key}`,
  });
}

function flagsFromComponents(components: Obj[]): { correct: boolean | null; grounded: boolean | null; hallucinated: boolean | null; win: boolean | null } {
  let quality = 0;
  let qualityPass = true;
  let grounded: boolean | null = null;
  let hallucinated: boolean | null = null;
  let win: boolean | null = null;
  for (const c of components) {
    if (typeof c.pass !== 'boolean') continue;
    const a = isObj(c.assertion) ? c.assertion : {};
    const type = typeof a.type === 'string' ? a.type : '';
    const metric = typeof a.metric === 'string' ? a.metric : '';
    const name = `${type} ${metric}`.toLowerCase();
    if (/ground|faithful/.test(name)) grounded = (grounded ?? true) && c.pass;
    if (/hallucinat|factual/.test(name)) hallucinated = (hallucinated ?? false) || !c.pass;
    if (/\bwin|baseline/.test(name)) win = c.pass;
    if (NON_QUALITY_ASSERTIONS.has(type)) continue;
    quality += 1;
    qualityPass &&= c.pass;
  }
  return { correct: quality > 0 ? qualityPass : null, grounded, hallucinated, win };
}

// ---------------------------------------------------------------- promptfoo CSV

const RESULT_CELL = /^\[(PASS|FAIL|ERROR)\]/;

/**
 * promptfoo's `-o out.csv`: one column per prompt (header: the prompt, as text or as a JSON
 * {"raw", "display"/"label"} object, maybe prefixed with "[provider]"), then one per variable.
 * Cells read "[PASS] (1.00) output" or "[FAIL] (0.00) reason\n---\noutput". The oldest files have
 * a first column RESULT (PASS/FAIL for the whole row) and plain outputs: PASS marks every prompt
 * correct, FAIL leaves them unknown (it only says one of them failed).
 */
function promptfooCsv(table: CsvTable, fileName: string): EvaluationImport {
  const { header, rows } = table;
  const legacy = normaliseHeader(header[0] ?? '') === 'result';
  const promptColumns: number[] = [];
  header.forEach((h, c) => {
    if (legacy) {
      if (c > 0 && c < header.length - 1) promptColumns.push(c);
      return;
    }
    const results = rows.filter((r) => RESULT_CELL.test((r.cells[c] ?? '').trim())).length;
    if (results > 0 || looksLikePromptHeader(h)) promptColumns.push(c);
  });
  if (promptColumns.length === 0) {
    throw new OfframpError({
      code: 'import_invalid',
      message: `${fileName} is neither promptfoo CSV output (no column of [PASS]/[FAIL] cells) nor a per-task CSV (no "candidate" column); add a "candidate" column or export promptfoo results with -o out.csv.`,
      file: fileName,
      line: 1,
    });
  }
  const names = promptColumns.map((c) => promptHeaderName(header[c], c));
  promptColumns.forEach((c, k) => {
    const problem = candidateNameProblem(names[k]);
    if (problem) throw new OfframpError({ code: 'import_invalid', message: `${fileName} row 1, column ${c + 1}: ${problem}; shorten the prompt's label.`, file: fileName, line: 1, field: shortHeader(header[c]) });
  });
  const candidates = [...new Set(names)];
  const out: ImportedEvaluationRow[] = [];
  for (const row of rows) {
    promptColumns.forEach((c, k) => {
      const cell = (row.cells[c] ?? '').trim();
      let correct: boolean | null;
      if (legacy) correct = parseBooleanCell(row.cells[0] ?? '') === true ? true : null;
      else {
        const m = RESULT_CELL.exec(cell);
        if (!m) {
          if (cell === '') return;
          throw new OfframpError({
            code: 'import_invalid',
            message: `${fileName} row ${row.line}, column "${shortHeader(header[c])}": the cell does not start with [PASS], [FAIL] or [ERROR]; this column holds promptfoo results, so fix or clear the cell.`,
            file: fileName,
            line: row.line,
            field: shortHeader(header[c]),
          });
        }
        correct = m[1] === 'PASS' ? true : m[1] === 'FAIL' ? false : null;
      }
      out.push({
        candidate: names[k],
        taskId: String(row.line - 1),
        latencyMs: null,
        costUsd: null,
        correct,
        grounded: null,
        refused: null,
        hallucinated: null,
        winVsBaseline: null,
      });
    });
  }
  return {
    candidates,
    rows: out,
    warnings: ['promptfoo CSV output carries no latency or cost; import the JSON output (-o out.json) to fill those columns.'],
  };
}

function looksLikePromptHeader(h: string): boolean {
  const t = h.trim();
  return (t.startsWith('{') && /"raw"/.test(t)) || /^\[[^\]]+\]\s/.test(t);
}

function promptHeaderName(h: string, c: number): string {
  const t = h.trim();
  if (t.startsWith('{')) {
    try {
      const v: unknown = JSON.parse(t);
      if (isObj(v)) {
        const label = [v.label, v.display, v.raw].find((x) => typeof x === 'string' && x.trim()) as string | undefined;
        const provider = typeof v.provider === 'string' ? v.provider : null;
        if (label) return provider ? `${provider} · ${label}` : label;
      }
    } catch {
      // Not JSON after all: use the text as it is.
    }
  }
  return t || `column ${c + 1}`;
}

function shortHeader(h: string): string {
  const name = promptHeaderName(h, 0);
  return name.length > 50 ? `${name.slice(0, 49)}…` : name;
}

// ---------------------------------------------------------------- plain per-task CSV

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
const COMMON_BOOLEANS = new Map<string, boolean | null>([
  ['', null], ['yes', true], ['no', false], ['true', true], ['false', false], ['1', true], ['0', false],
  ['Yes', true], ['No', false], ['TRUE', true], ['FALSE', false], ['True', true], ['False', false], ['pass', true], ['fail', false],
]);

const BOOLEAN_HINT = 'use true/false, yes/no, 1/0 or pass/fail, or leave it empty when unknown';

function plainColumnIndex(header: string[]): Partial<Record<PlainField, number>> {
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

/** A candidate column, and no column of promptfoo [PASS]/[FAIL] cells (a promptfoo var may be called "model"). */
function isPlainCsv(table: CsvTable): boolean {
  if (plainColumnIndex(table.header).candidate === undefined) return false;
  const sample = table.rows.slice(0, 50);
  return !table.header.some((_, c) => sample.some((r) => RESULT_CELL.test((r.cells[c] ?? '').trim())));
}

/** The plain per-task CSV: candidate, latency_ms, cost_usd, correct, grounded, refused, hallucinated, task_id, win_vs_baseline. */
export function parseEvaluationCsv(file: EvaluationFile): EvaluationImport {
  const table = readCsv(file.text, file.name);
  if (!isPlainCsv(table)) {
    throw new OfframpError({
      code: 'import_invalid',
      message: `${file.name} has no "candidate" column (row 1 has: ${table.header.slice(0, 8).map((h) => `"${h}"`).join(', ')}); name the column that says which candidate produced each row "candidate".`,
      file: file.name,
      line: 1,
      field: 'candidate',
    });
  }
  return plainCsv(table, file.name);
}

/** promptfoo's CSV output only. */
export function parsePromptfooCsv(file: EvaluationFile): EvaluationImport {
  return promptfooCsv(readCsv(file.text, file.name), file.name);
}

function plainCsv(table: CsvTable, fileName: string): EvaluationImport {
  const col = plainColumnIndex(table.header);
  const candidateCol = col.candidate!;
  const candidates: string[] = [];
  const seen = new Set<string>();
  const rows: ImportedEvaluationRow[] = [];
  const header = table.header;

  const fail = (line: number, c: number, message: string): never => {
    throw new OfframpError({ code: 'import_invalid', message: `${fileName} row ${line}, column "${header[c]}": ${message}`, file: fileName, line, field: header[c] });
  };
  const num = (line: number, cells: string[], c: number | undefined, unit: string): number | null => {
    if (c === undefined) return null;
    const cell = cells[c] ?? '';
    // Fast path: a plain non-negative decimal is what nearly every cell holds; anything else is read (and worded) in full.
    if (PLAIN_DECIMAL.test(cell)) return Number(cell);
    const v = parseNumberCell(cell, table.delimiter === ';');
    if (v === undefined) return fail(line, c, `${JSON.stringify(cells[c])} is not a number; give ${unit}, or leave it empty when unknown.`);
    if (v !== null && v < 0) return fail(line, c, `${cells[c]} is negative; give ${unit}.`);
    return v;
  };
  const bool = (line: number, cells: string[], c: number | undefined): boolean | null => {
    if (c === undefined) return null;
    const common = COMMON_BOOLEANS.get(cells[c] ?? '');
    if (common !== undefined) return common;
    const v = parseBooleanCell(cells[c] ?? '');
    if (v === undefined) return fail(line, c, `${JSON.stringify(cells[c])} is not yes or no; ${BOOLEAN_HINT}.`);
    return v;
  };

  // Task ids seen per candidate (a map per candidate rather than one of joined keys: no new string per row).
  const taskIds = new Map<string, Map<string, number>>();
  for (const { line, cells } of table.rows) {
    const candidate = (cells[candidateCol] ?? '').trim();
    if (!candidate) fail(line, candidateCol, 'the candidate is empty; say which candidate produced this row.');
    if (!seen.has(candidate)) {
      const problem = candidateNameProblem(candidate);
      if (problem) fail(line, candidateCol, `${problem}.`);
    }
    const taskId = col.taskId !== undefined && (cells[col.taskId] ?? '').trim() ? cells[col.taskId].trim() : String(line - 1);
    if (taskId.length > MAX_TASK_ID) fail(line, col.taskId!, `the task id is ${taskId.length.toLocaleString('en-US')} characters long; keep it to ${MAX_TASK_ID}.`);
    if (col.taskId !== undefined) {
      let seenTasks = taskIds.get(candidate);
      if (!seenTasks) taskIds.set(candidate, (seenTasks = new Map()));
      const first = seenTasks.get(taskId);
      if (first !== undefined) fail(line, col.taskId, `task ${JSON.stringify(taskId)} of ${candidate} is already on row ${first}; each candidate may have one row per task.`);
      seenTasks.set(taskId, line);
    }
    if (!seen.has(candidate)) {
      seen.add(candidate);
      candidates.push(candidate);
    }
    rows.push({
      candidate,
      taskId,
      latencyMs: num(line, cells, col.latencyMs, 'milliseconds such as 850'),
      costUsd: num(line, cells, col.costUsd, 'US dollars per task such as 0.0021'),
      correct: bool(line, cells, col.correct),
      grounded: bool(line, cells, col.grounded),
      refused: bool(line, cells, col.refused),
      hallucinated: bool(line, cells, col.hallucinated),
      winVsBaseline: bool(line, cells, col.winVsBaseline),
    });
  }
  const warnings: string[] = [];
  if (rows.length === 0) warnings.push(`${fileName} has a header but no data rows.`);
  const missing = (['latencyMs', 'costUsd', 'correct'] as const).filter((f) => col[f] === undefined);
  if (missing.length > 0) {
    const names: Record<string, string> = { latencyMs: 'latency_ms', costUsd: 'cost_usd', correct: 'correct' };
    warnings.push(`No ${missing.map((m) => `"${names[m]}"`).join(', ')} column: those metrics stay empty for these candidates.`);
  }
  return { candidates, rows, warnings };
}
