// Parses evaluation results into raw per-task rows: promptfoo's JSON and CSV outputs, and a plain
// CSV of per-task measurements. Aggregation happens later (shared/evaluation/aggregate.ts).

import type { EvaluationRow } from '../domain/types.ts';
import { OfframpError } from '../errors.ts';
import { normaliseHeader, parseBooleanCell, readCsv } from './csv.ts';
import type { CsvTable } from './csv.ts';
import { describeValue, lineOfOffset, parseJsonFile } from './json.ts';
import { EvaluationCsvStream, PlainEvaluationCsv, RESULT_CELL, candidateNameProblem, type Flag } from './evaluationCsvStream.ts';

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
  if (looksLikeJson(file.text)) return parsePromptfooJson(file);
  const read = readEvaluationCsv(file);
  return read.kind === 'plain' ? read.parsed : promptfooCsv(read.table, file.name);
}

/** promptfoo's JSON output starts with an object or a list (after a byte-order mark and blank space). */
export function looksLikeJson(start: string): boolean {
  const first = start.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[';
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

/**
 * promptfoo's `-o out.csv`: one column per prompt (header: the prompt, as text or as a JSON
 * {"raw", "display"/"label"} object, maybe prefixed with "[provider]"), then one per variable.
 * Cells read "[PASS] (1.00) output" or "[FAIL] (0.00) reason\n---\noutput". The oldest files have
 * a first column RESULT (PASS/FAIL for the whole row) and plain outputs: PASS marks every prompt
 * correct, FAIL leaves them unknown (it only says one of them failed).
 */
export function promptfooCsv(table: CsvTable, fileName: string): EvaluationImport {
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

const asBool = (f: Flag): boolean | null => (f === null ? null : f === 1);

/** Reads CSV text whole through the streaming reader: the plain per-task rows as objects, or the table of anything else. */
function readEvaluationCsv(file: EvaluationFile): { kind: 'plain'; parsed: EvaluationImport } | { kind: 'other'; table: CsvTable } {
  const rows: ImportedEvaluationRow[] = [];
  const stream: EvaluationCsvStream = new EvaluationCsvStream(file.name, {
    row(k, taskId, latencyMs, costUsd, correct, grounded, refused, hallucinated, win) {
      rows.push({
        candidate: (stream.plainReader as PlainEvaluationCsv).candidates[k], taskId, latencyMs, costUsd, correct: asBool(correct),
        grounded: asBool(grounded), refused: asBool(refused), hallucinated: asBool(hallucinated), winVsBaseline: asBool(win),
      });
    },
  });
  stream.push(file.text);
  const read = stream.end();
  if (read.kind === 'other') return { kind: 'other', table: { header: read.header, rows: read.rows, delimiter: read.delimiter } };
  return { kind: 'plain', parsed: { candidates: read.reader.candidates, rows, warnings: read.reader.warnings() } };
}

/** The plain per-task CSV: candidate, latency_ms, cost_usd, correct, grounded, refused, hallucinated, task_id, win_vs_baseline. */
export function parseEvaluationCsv(file: EvaluationFile): EvaluationImport {
  const read = readEvaluationCsv(file);
  if (read.kind === 'other') throw noCandidateColumn(file.name, read.table.header);
  return read.parsed;
}

/** The refusal of a CSV that is neither plain per-task rows nor promptfoo's output, naming what row 1 holds. */
export function noCandidateColumn(fileName: string, header: string[]): OfframpError {
  return new OfframpError({
    code: 'import_invalid',
    message: `${fileName} has no "candidate" column (row 1 has: ${header.slice(0, 8).map((h) => `"${h}"`).join(', ')}); name the column that says which candidate produced each row "candidate".`,
    file: fileName,
    line: 1,
    field: 'candidate',
  });
}

/** promptfoo's CSV output only. */
export function parsePromptfooCsv(file: EvaluationFile): EvaluationImport {
  return promptfooCsv(readCsv(file.text, file.name), file.name);
}
