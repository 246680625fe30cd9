import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvaluationCsv, parseEvaluationFile, parsePromptfooCsv, parsePromptfooJson } from '../../../shared/imports/evaluations.ts';
import { parseBooleanCell, parseNumberCell } from '../../../shared/imports/csv.ts';
import { caught } from '../../support/errors.ts';
import { havePublicFixtures, publicFixture, reportMissingFixtures } from '../../support/fixtures.ts';

reportMissingFixtures('promptfoo fixtures');
const fixture = (name: string) => ({ name, text: readFileSync(publicFixture(name), 'utf8') });

const PLAIN = [
  'candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated,win_vs_baseline',
  'RAG small,t1,820,0.0021,yes,true,no,0,pass',
  'RAG small,t2,1310,0.0019,no,,no,1,fail',
  'LoRA 8B,t1,"1,204",$0.0005,PASS,false,No,false,',
].join('\n');

describe('parseEvaluationCsv (plain per-task rows)', () => {
  it('reads every column, with booleans in any of the usual spellings and empty cells as unknown', () => {
    const r = parseEvaluationCsv({ name: 'tasks.csv', text: PLAIN });
    expect(r.candidates).toEqual(['RAG small', 'LoRA 8B']);
    expect(r.rows).toEqual([
      { candidate: 'RAG small', taskId: 't1', latencyMs: 820, costUsd: 0.0021, correct: true, grounded: true, refused: false, hallucinated: false, winVsBaseline: true },
      { candidate: 'RAG small', taskId: 't2', latencyMs: 1310, costUsd: 0.0019, correct: false, grounded: null, refused: false, hallucinated: true, winVsBaseline: false },
      { candidate: 'LoRA 8B', taskId: 't1', latencyMs: 1204, costUsd: 0.0005, correct: true, grounded: false, refused: false, hallucinated: false, winVsBaseline: null },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('matches headers whatever their case and spacing, reads semicolon files, and numbers tasks by row when there is no task_id', () => {
    const r = parseEvaluationFile({ name: 'x.csv', text: '\uFEFFCandidate;Latency (ms);Correct\r\nA;100;1\r\n\r\nA;200;0\r\n' });
    expect(r.rows.map((x) => [x.taskId, x.latencyMs, x.correct])).toEqual([
      ['1', 100, true],
      ['3', 200, false],
    ]);
    expect(r.warnings).toEqual(['No "cost_usd" column: those metrics stay empty for these candidates.']);
  });

  it('names file, spreadsheet row and column of a value that is not a number', () => {
    const e = caught(() => parseEvaluationCsv({ name: 'tasks.csv', text: 'candidate,latency_ms\nA,100\nA,fast\n' }));
    expect(e).toMatchObject({ code: 'import_invalid', file: 'tasks.csv', line: 3, field: 'latency_ms' });
    expect(e.message).toBe('tasks.csv row 3, column "latency_ms": "fast" is not a number; give milliseconds such as 850, or leave it empty when unknown.');
  });

  it('names the row of a yes/no value it cannot read, counting multi-line cells as one row', () => {
    const e = caught(() => parseEvaluationCsv({ name: 't.csv', text: 'candidate,notes,correct\nA,"two\nlines",yes\nA,x,maybe\n' }));
    expect(e.line).toBe(3);
    expect(e.message).toBe('t.csv row 3, column "correct": "maybe" is not yes or no; use true/false, yes/no, 1/0 or pass/fail, or leave it empty when unknown.');
  });

  it('refuses negative latencies, empty candidates and duplicate task ids', () => {
    expect(caught(() => parseEvaluationCsv({ name: 't.csv', text: 'candidate,latency_ms\nA,-5\n' })).message).toBe('t.csv row 2, column "latency_ms": -5 is negative; give milliseconds such as 850.');
    expect(caught(() => parseEvaluationCsv({ name: 't.csv', text: 'candidate,latency_ms\n,5\n' })).message).toBe('t.csv row 2, column "candidate": the candidate is empty; say which candidate produced this row.');
    const dup = caught(() => parseEvaluationCsv({ name: 't.csv', text: 'candidate,task_id\nA,t1\nB,t1\nA,t1\n' }));
    expect(dup).toMatchObject({ line: 4, field: 'task_id' });
    expect(dup.message).toBe('t.csv row 4, column "task_id": task "t1" of A is already on row 2; each candidate may have one row per task.');
  });

  it('refuses a file without a candidate column, binary data, an unclosed quote and an empty file', () => {
    expect(caught(() => parseEvaluationCsv({ name: 't.csv', text: 'model_name,latency\nA,1\n' })).message).toBe(
      't.csv has no "candidate" column (row 1 has: "model_name", "latency"); name the column that says which candidate produced each row "candidate".',
    );
    expect(caught(() => parseEvaluationCsv({ name: 'b.csv', text: 'candidate\nA\n\u0000\u0001' })).message).toMatch(/^b\.csv contains binary data \(a NUL byte on line 3\)/);
    const quote = caught(() => parseEvaluationCsv({ name: 'q.csv', text: 'candidate,latency_ms\nA,1\n"B,2\n' }));
    expect(quote).toMatchObject({ line: 3 });
    expect(quote.message).toMatch(/^q\.csv row 3 has a quoted cell that is never closed/);
    expect(caught(() => parseEvaluationCsv({ name: 'e.csv', text: '' })).message).toBe('e.csv is empty; it needs a header row and at least one data row.');
  });
});

describe('cell readers', () => {
  it('reads booleans and numbers the way people type them', () => {
    expect(['true', 'Yes', '1', 'PASS', 'y'].map(parseBooleanCell)).toEqual([true, true, true, true, true]);
    expect(['false', 'No', '0', 'fail', 'N'].map(parseBooleanCell)).toEqual([false, false, false, false, false]);
    expect(parseBooleanCell(' ')).toBeNull();
    expect(parseBooleanCell('maybe')).toBeUndefined();
    expect(['1,234.5', '$0.002', '850 ms', '1e-3', '.5'].map((c) => parseNumberCell(c))).toEqual([1234.5, 0.002, 850, 0.001, 0.5]);
    expect(['0,95', '1.234,5', '0.002', '12'].map((c) => parseNumberCell(c, true))).toEqual([0.95, 1234.5, 0.002, 12]);
    expect(parseNumberCell('0,5')).toBeUndefined();
    expect(parseNumberCell('')).toBeNull();
  });
});

describe('parsePromptfooJson', () => {
  function result(over: Record<string, unknown> = {}) {
    return { id: 'r1', provider: { id: 'openai:gpt-4o-mini', label: '' }, prompt: { raw: 'p', label: 'p' }, promptIdx: 0, testIdx: 0, latencyMs: 900, cost: 0.001, success: true, score: 1, response: { output: 'ok' }, ...over };
  }
  const file = (results: unknown[]) => ({ name: 'out.json', text: JSON.stringify({ results: { version: 3, results } }, null, 2) });

  it('uses the provider label, else its id, and lines rows up by test index', () => {
    const r = parsePromptfooJson(file([result(), result({ id: 'r2', provider: { id: 'x', label: 'Fine-tuned baseline' }, testIdx: 0 })]));
    expect(r.candidates).toEqual(['openai:gpt-4o-mini', 'Fine-tuned baseline']);
    expect(r.rows.map((x) => x.taskId)).toEqual(['0', '0']);
  });

  it('names candidates by provider and prompt when one provider ran several prompts', () => {
    const r = parsePromptfooJson(file([result(), result({ id: 'r2', prompt: { raw: 'q', label: 'Hardened prompt' }, promptIdx: 1 })]));
    expect(r.candidates).toEqual(['openai:gpt-4o-mini · p', 'openai:gpt-4o-mini · Hardened prompt']);
  });

  it('keeps latency and cost assertions out of correctness, and reads grounded, hallucination, win and refusal flags', () => {
    const r = parsePromptfooJson(
      file([
        result({
          success: false,
          gradingResult: {
            pass: false,
            componentResults: [
              { pass: false, assertion: { type: 'latency', threshold: 500 } },
              { pass: true, assertion: { type: 'contains', value: 'x' } },
              { pass: true, assertion: { type: 'context-faithfulness' } },
              { pass: false, assertion: { type: 'llm-rubric', metric: 'hallucination' } },
              { pass: true, assertion: { type: 'llm-rubric', metric: 'win_vs_baseline' } },
            ],
          },
          response: { output: '', isRefusal: true },
        }),
      ]),
    );
    expect(r.rows[0]).toMatchObject({ correct: false, grounded: true, hallucinated: true, winVsBaseline: true, refused: true });
  });

  it('leaves correctness unknown for results that were errors, and says so', () => {
    const r = parsePromptfooJson(file([result({ failureReason: 2, success: false, response: { error: 'rate limited' } }), result({ id: 'r2' })]));
    expect(r.rows[0].correct).toBeNull();
    expect(r.warnings).toEqual(['1 of 2 results ended in an error instead of an answer; their correctness is left unknown rather than counted as wrong.']);
  });

  it('tolerates an older file where results is the list itself, and missing optional fields', () => {
    const r = parsePromptfooJson({ name: 'old.json', text: JSON.stringify({ version: 1, results: [{ provider: 'openai:gpt-3.5-turbo', success: true }] }) });
    expect(r.rows).toEqual([{ candidate: 'openai:gpt-3.5-turbo', taskId: '0', latencyMs: null, costUsd: null, correct: true, grounded: null, refused: null, hallucinated: null, winVsBaseline: null }]);
  });

  it('names file, line, result and field of a wrong type', () => {
    const f = file([result(), result({ id: 'r2', latencyMs: 'slow' })]);
    const e = caught(() => parsePromptfooJson(f));
    expect(e).toMatchObject({ code: 'import_invalid', file: 'out.json', field: 'results.results[1].latencyMs' });
    expect(e.line).toBe(f.text.split('\n').findIndex((l) => l.includes('"slow"')) + 1);
    expect(e.message).toBe('out.json: result 2 (r2) has "latencyMs" set to the text "slow"; it must be a number of milliseconds (0 or more), or be left out.');
  });

  it('refuses a result without a provider, truncated JSON and a file that is not promptfoo output', () => {
    const noProvider = result();
    delete (noProvider as Record<string, unknown>).provider;
    expect(caught(() => parsePromptfooJson(file([noProvider]))).field).toBe('results.results[0].provider');
    const cut = file([result()]).text.slice(0, 120);
    expect(caught(() => parsePromptfooJson({ name: 'cut.json', text: cut })).message).toMatch(/^cut\.json ends before the JSON is complete/);
    expect(caught(() => parsePromptfooJson({ name: 'x.json', text: '{"a": 1}' })).message).toBe(
      'x.json has no "results.results" list; it does not look like promptfoo output (promptfoo eval -o out.json).',
    );
  });
});

describe.skipIf(!havePublicFixtures)('promptfoo fixtures', () => {
  it('riddles: two providers, latency and cost per result, answers correct despite the latency failures', () => {
    const r = parseEvaluationFile(fixture('promptfoo_eval_output_riddles.json'));
    expect(r.candidates).toEqual(['openai:gpt-5-mini', 'openai:gpt-5']);
    expect(r.rows.map((x) => x.latencyMs)).toEqual([5794, 6197, 4669, 5027]);
    expect(r.rows[0].costUsd).toBeCloseTo(0.00049925);
    expect(r.rows.every((x) => x.correct === true)).toBe(true);
  });

  it('red team: the provider label is the candidate, content-filter answers count as refusals', () => {
    const r = parseEvaluationFile(fixture('promptfoo_eval_output_redteam.json'));
    expect(r.candidates).toEqual(['Cat Azure OpenAI']);
    expect(r.rows).toHaveLength(6);
    expect(r.rows.filter((x) => x.correct).length).toBe(4);
    expect(r.rows.filter((x) => x.refused).length).toBeGreaterThan(0);
    expect(Math.max(...r.rows.map((x) => x.latencyMs ?? 0))).toBe(183180);
  });

  it('CSV output: one candidate per prompt column, PASS/FAIL per test row', () => {
    const r = parsePromptfooCsv(fixture('promptfoo_eval_output.csv'));
    expect(r.candidates).toEqual(['Rephrase this from English to Pirate: {{body}}', "Pretend you're a pirate and speak these words: {{body}}"]);
    expect(r.rows).toHaveLength(10);
    expect(r.rows.slice(0, 4).map((x) => x.correct)).toEqual([false, false, false, true]);
    expect(parseEvaluationFile(fixture('promptfoo_eval_output.csv')).rows).toEqual(r.rows);
  });
});

describe('promptfoo CSV, oldest shape', () => {
  it('reads a RESULT column: PASS marks every prompt correct, FAIL leaves them unknown', () => {
    const text = 'RESULT,Prompt A {{body}},Prompt B {{body}},body\nPASS,a,b,Hello\nFAIL,c,d,Hungry\n';
    const r = parsePromptfooCsv({ name: 'old.csv', text });
    expect(r.candidates).toEqual(['Prompt A {{body}}', 'Prompt B {{body}}']);
    expect(r.rows.map((x) => x.correct)).toEqual([true, true, null, null]);
  });

  it('names the row and column of a cell that is not a result', () => {
    const e = caught(() => parsePromptfooCsv({ name: 'p.csv', text: '[openai:x] P,body\n[PASS] ok,a\nhello,b\n' }));
    expect(e).toMatchObject({ line: 3, field: '[openai:x] P' });
  });
});

describe('parseEvaluationFile format detection', () => {
  it('treats a CSV with [PASS]/[FAIL] cells as promptfoo output even when a variable is called "model"', () => {
    const r = parseEvaluationFile({ name: 'p.csv', text: 'Prompt A,model\n[PASS] (1.00) fine,gpt\n[FAIL] (0.00) no,gpt\n' });
    expect(r.candidates).toEqual(['Prompt A']);
    expect(r.rows.map((x) => x.correct)).toEqual([true, false]);
  });
});

describe('per-task CSV from a European spreadsheet', () => {
  it('reads decimal commas when the file is semicolon-separated', () => {
    const r = parseEvaluationFile({ name: 'x.csv', text: 'candidate;latency_ms;cost_usd\nA;812,5;0,0021\n' });
    expect(r.rows[0]).toMatchObject({ latencyMs: 812.5, costUsd: 0.0021 });
  });
});
