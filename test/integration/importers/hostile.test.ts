// Every importer against malformed and hostile files written on the fly: each one is refused (or
// the bad line listed) with a message naming the file, the line and, where there is one, the field.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTrainingFile } from '../../../electron/importers/analyseTrainingFile.ts';
import type { OfframpError } from '../../../shared/errors.ts';
import { parseEvaluationFile } from '../../../shared/imports/evaluations.ts';
import { parseJobsList } from '../../../shared/imports/jobsList.ts';
import { parseCsv } from '../../../shared/imports/spreadsheet.ts';
import { caught, caughtAsync } from '../../support/errors.ts';
import { scratchFolder } from '../../support/scratch.ts';

const { write } = scratchFolder('offramp-hostile-');

/** Reads a written file back the way the handlers do and runs one importer on its text. */
function viaText<T>(file: string, run: (name: string, text: string) => T): T {
  return run(path.basename(file), fs.readFileSync(file, 'utf8'));
}

/** Expects `fn` to refuse the file as invalid, naming it, a line and the field; returns the error for further checks. */
function expectRefusal(fn: () => unknown, name: string, field: string | undefined): OfframpError {
  const e = caught(fn);
  expect(e.code).toBe('import_invalid');
  expect(e.file).toBe(name);
  expect(e.line).toBeGreaterThan(0);
  expect(e.field).toBe(field);
  return e;
}

const job = (over: Record<string, unknown> = {}) => ({ object: 'fine_tuning.job', id: 'ftjob-1', model: 'gpt-4o-mini', status: 'succeeded', created_at: 1_735_689_600, finished_at: 1_735_693_200, fine_tuned_model: 'ft:gpt-4o-mini:o:s:x', ...over });
const jobsText = (jobs: unknown[]) => JSON.stringify({ object: 'list', data: jobs, has_more: false }, null, 2);

describe('jobs list', () => {
  const parse = (file: string) => viaText(file, (name, text) => parseJobsList([{ name, text }]));

  it.each([
    ['truncated JSON', 'cut.json', jobsText([job()]).slice(0, 150), undefined],
    ['a wrong type', 'types.json', jobsText([job({ created_at: true })]), 'data[0].created_at'],
    ['a missing field', 'missing.json', jobsText([{ id: 'ftjob-1', status: 'succeeded', created_at: 1 }]), 'data[0].model'],
    ['duplicate ids with different contents', 'dup.json', jobsText([job(), job({ status: 'cancelled' })]), 'data[1].id'],
    ['a date in an odd format', 'date.json', jobsText([job({ finished_at: '12/31/2024' })]), 'data[0].finished_at'],
  ])('refuses %s, naming file, line and field', (_what, name, text, field) => {
    const e = expectRefusal(() => parse(write(name, text)), name, field);
    expect(e.message.startsWith(name)).toBe(true);
  });

  it('refuses binary data', () => {
    const e = caught(() => parse(write('jobs.bin.json', Buffer.from([0x7b, 0x0a, 0x00, 0xff, 0x10]))));
    expect(e).toMatchObject({ code: 'import_invalid', file: 'jobs.bin.json', line: 2 });
  });
});

describe('training data', () => {
  it('lists a line of 3 MB (over a 1 MB limit) as malformed and reads the rest', async () => {
    const ok = JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] });
    const file = write('long.jsonl', `${ok}\n{"messages":"${'x'.repeat(3 * 1024 * 1024)}"}\n${ok}\n`);
    const r = await analyseTrainingFile(file, { maxLineBytes: 1024 * 1024 });
    expect(r.examples).toBe(2);
    expect(r.malformed.lines).toEqual([{ line: 2, message: 'Line 2 is 3 MB long, more than the 1 MB a training example may have; it was skipped. Split it or remove it.' }]);
  });

  it('refuses binary data, naming file and line', async () => {
    const file = write('model.safetensors.jsonl', Buffer.concat([Buffer.from('{"a":1}\n'), Buffer.alloc(64)]));
    const e = await caughtAsync(analyseTrainingFile(file));
    expect(e).toMatchObject({ code: 'import_invalid', file, line: 2 });
  });

  it('lists wrong types, missing fields and truncated lines by line and field', async () => {
    const lines = [
      JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] }),
      JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: { text: 'a' } }] }),
      JSON.stringify({ input: { messages: [{ role: 'user', content: 'q' }] }, non_preferred_output: [] }),
      '{"messages": [{"role": "user", "content": "q"}, {"role": "assis',
    ];
    const r = await analyseTrainingFile(write('mixed.jsonl', lines.join('\n')));
    expect(r.malformed.lines.map((m) => [m.line, m.field])).toEqual([
      [2, 'messages[1].content'],
      [3, 'preferred_output'],
      [4, undefined],
    ]);
  });
});

describe('evaluation results', () => {
  const parse = (file: string) => viaText(file, (name, text) => parseEvaluationFile({ name, text }));

  it.each([
    ['truncated promptfoo JSON', 'cut.json', JSON.stringify({ results: { results: [{ provider: 'x', latencyMs: 5 }] } }, null, 2).slice(0, 60), undefined],
    ['a wrong type in promptfoo JSON', 'types.json', JSON.stringify({ results: { results: [{ id: 'r1', provider: 'x', cost: 'cheap' }] } }, null, 2), 'results.results[0].cost'],
    ['a missing provider', 'noprov.json', JSON.stringify({ results: { results: [{ id: 'r1', latencyMs: 5 }] } }, null, 2), 'results.results[0].provider'],
    ['a wrong type in the per-task CSV', 'tasks.csv', 'candidate,latency_ms\nA,12\nA,twelve\n', 'latency_ms'],
    ['duplicate task ids', 'dup.csv', 'candidate,task_id,correct\nA,1,yes\nA,1,no\n', 'task_id'],
  ])('refuses %s, naming file, line and field', (_what, name, text, field) => {
    expectRefusal(() => parse(write(name, text)), name, field);
  });

  it('refuses binary data', () => {
    const e = caught(() => parse(write('eval.csv', Buffer.from('candidate\nA\n\u0000\u0000'))));
    expect(e).toMatchObject({ code: 'import_invalid', file: 'eval.csv', line: 3 });
  });
});

describe('spreadsheets', () => {
  const parse = (file: string) => viaText(file, (name, text) => parseCsv('commitments', text, { fileName: name }));

  it('reports wrong types, missing values, duplicate ids and odd dates, each with file, row and column', () => {
    const text = ['id,client,customer,kind,threshold,due_date,notice_days', '1,Acme,Initech,accuracy,high,2027-01-31,30', '1,Acme,,latency,900,31.01.2027,thirty', '2,Acme,Initech,promise,,2027-13-01,'].join('\n');
    const r = parse(write('commitments.csv', text));
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'threshold'],
      [3, 'id'],
      [3, 'customer'],
      [3, 'due_date'],
      [3, 'notice_days'],
      [4, 'kind'],
      [4, 'due_date'],
    ]);
    expect(r.errors.every((e) => e.file === 'commitments.csv' && e.message.startsWith(`commitments.csv row ${e.line}, column "${e.field}"`))).toBe(true);
  });

  it('refuses binary data and unclosed quotes', () => {
    expect(caught(() => parse(write('bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).file).toBe('bin.csv');
    expect(caught(() => parse(write('quote.csv', 'client,customer,kind\nAcme,"Initech,accuracy\n'))).line).toBe(2);
  });
});
