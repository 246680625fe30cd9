// The holes issue 11 found in the importers, each reproduced through the real channels (or the CLI
// command) on a real workspace: every refusal names the file, a line or JSON path and the field, and
// none is a stack trace, raw SQLite text or "internal".
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { OfframpError } from '../../../shared/errors.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../../../shared/domain/snapshot.ts';
import type { TestApp } from '../../support/app.ts';
import { aWorkloadWorkspace, placeFile as write } from '../../support/evaluationWorkspace.ts';
import { aJobsList } from '../../support/jobsList.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

const withWorkload = () => aWorkloadWorkspace(open);

/** An error a person can act on: names the file, a line or field, and carries no stack or SQLite text. */
function expectClear(e: ErrorInfo, file: string): void {
  expect(e.code).not.toBe('internal');
  expect(e.message).not.toMatch(/SQLITE|constraint failed|EISDIR|\n\s+at /);
  expect(e.file === file || e.file === path.basename(file)).toBe(true);
}

const BOM = '\uFEFF';

describe('jobs list', () => {
  it('refuses a 100,000-character workload name (the form caps names at 200), naming file, line and field', async () => {
    const t = await withWorkload();
    const file = write(t, 'jobs.json', aJobsList([{ id: 'ftjob-long1', suffix: 'x'.repeat(100_000), status: 'failed', day: 1 }]));
    const e = await t.fail('imports.jobs.preview', { files: [t.handle(file)] });
    expectClear(e, file);
    expect(e).toMatchObject({ code: 'import_invalid', field: 'data[0].suffix' });
    expect(e.line).toBeGreaterThan(0);
    expect(e.message).toMatch(/100,\d{3} characters long/);
  });

  it('refuses a fractional trained_tokens at preview, naming file, line and field', async () => {
    const t = await withWorkload();
    const text = aJobsList([{ id: 'ftjob-frac1', day: 1 }]).replace('"trained_tokens":120000', '"trained_tokens":1200.5');
    const file = write(t, 'frac.json', text);
    const e = await t.fail('imports.jobs.preview', { files: [t.handle(file)] });
    expectClear(e, file);
    expect(e).toMatchObject({ code: 'import_invalid', field: 'data[0].trained_tokens', line: 1 });
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const t = await withWorkload();
    const file = write(t, 'bom.json', BOM + aJobsList([{ id: 'ftjob-bom1', suffix: 'triage', day: 1 }]));
    const preview = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    expect(preview.drafts.map((d) => d.name)).toEqual(['triage (gpt-4o-mini-2024-07-18)']);
  });

  it('names line and column of a JSON syntax error', async () => {
    const t = await withWorkload();
    const file = write(t, 'syntax.json', '{\n  "object": "list",\n  "data": [\n    {"id": "ftjob-1" "model": "x"}\n  ]\n}\n');
    const e = await t.fail('imports.jobs.preview', { files: [t.handle(file)] });
    expectClear(e, file);
    expect(e.line).toBe(4);
    expect(e.message).toContain('line 4, column 22');
  });

  it('says a folder is not a file, instead of EISDIR', async () => {
    const t = await withWorkload();
    const folder = path.join(t.dir, 'exports.json');
    fs.mkdirSync(folder);
    const e = await t.fail('imports.jobs.preview', { files: [t.handle(folder)] });
    expectClear(e, folder);
    expect(e.message).toBe('exports.json is a folder, not a file; choose a fine-tuning jobs list (JSON).');
  });
});

describe('evaluation results', () => {
  it('imports a candidate named __proto__ with the chosen approach', async () => {
    const t = await withWorkload();
    const file = write(t, 'proto.csv', 'candidate,task_id,correct\n__proto__,t1,yes\nconstructor,t1,no\n');
    const preview = await t.call('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
    expect(preview.candidates.map((c) => c.name)).toEqual(['__proto__', 'constructor']);
    const approaches = JSON.parse('{"__proto__": "open_weight", "constructor": "rag"}') as Record<string, 'rag'>;
    expect(await t.call('imports.evaluations.commit', { token: preview.token, workloadId: t.workloadId, approaches })).toEqual({ candidates: 2, rows: 2 });
    const candidates = await t.call('candidates.list', { workloadId: t.workloadId });
    expect(candidates.map((c) => [c.name, c.approach])).toEqual([['__proto__', 'open_weight'], ['constructor', 'rag']]);
  });

  it('refuses a duplicate candidate name with a clear error and no SQLite text', async () => {
    const t = await withWorkload();
    await t.call('candidates.create', { workloadId: t.workloadId, name: 'RAG baseline', approach: 'rag' });
    const other = await t.call('candidates.create', { workloadId: t.workloadId, name: 'Prompted', approach: 'prompting' });
    const created = await t.fail('candidates.create', { workloadId: t.workloadId, name: 'RAG baseline', approach: 'prompting' });
    const renamed = await t.fail('candidates.update', { ...other, name: 'RAG baseline' });
    for (const e of [created, renamed]) {
      expect(e.code).toBe('invalid_payload');
      expect(e.field).toBe('name');
      expect(e.message).not.toMatch(/SQLITE|constraint|UNIQUE/i);
      expect(e.message).toContain('RAG baseline');
    }
  });

  it('refuses a candidate name longer than the candidate form allows, naming file, row and column', async () => {
    const t = await withWorkload();
    const file = write(t, 'long.csv', `candidate,correct\nA,yes\n${'n'.repeat(201)},no\n`);
    const e = await t.fail('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
    expectClear(e, file);
    expect(e).toMatchObject({ code: 'import_invalid', line: 3, field: 'candidate' });
  });

  it.each([
    ['per-task CSV', 'bom.csv', 'candidate,correct\nA,yes\n'],
    ['promptfoo JSON', 'bom.json', JSON.stringify({ results: { results: [{ provider: { id: 'openai:x' }, success: true, latencyMs: 5 }] } })],
  ])('accepts a UTF-8 byte-order mark in a %s', async (_what, name, text) => {
    const t = await withWorkload();
    const file = write(t, name, BOM + text);
    const preview = await t.call('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
    expect(preview.rowCount).toBe(1);
  });

  it('says a folder is not a file, instead of EISDIR', async () => {
    const t = await withWorkload();
    const folder = path.join(t.dir, 'results.csv');
    fs.mkdirSync(folder);
    const e = await t.fail('imports.evaluations.preview', { file: t.handle(folder), workloadId: t.workloadId });
    expectClear(e, folder);
    expect(e.message).toMatch(/^results\.csv is a folder, not a file/);
  });
});

describe('spreadsheet', () => {
  it('accepts a UTF-8 byte-order mark', async () => {
    const t = await withWorkload();
    const file = write(t, 'bom.csv', `${BOM}client,name\nHelix Health,Claims triage\n`);
    const preview = await t.call('imports.spreadsheet.preview', { file: t.handle(file), kind: 'workloads' });
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c) => c.action)).toEqual(['create']);
  });
});

describe('training data', () => {
  it('accepts a UTF-8 byte-order mark', async () => {
    const t = await withWorkload();
    const line = JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] });
    const file = write(t, 'bom.jsonl', `${BOM}${line}\n${line}\n`);
    const r = await t.call('imports.training.analyse', { file: t.handle(file) });
    expect(r.examples).toBe(2);
    expect(r.malformed.lines).toEqual([]);
  });
});

describe('workspace JSON (cli import)', () => {
  /** Runs `cli import` in-process; resolves with its error (or null when it succeeded). */
  async function cliImport(t: TestApp, json: unknown, name = 'in.json'): Promise<OfframpError | null> {
    const input = write(t, name, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
    const io = { out: () => {}, err: () => {}, resolve: (p: string) => path.resolve(t.dir, p), exists: (p: string) => fs.existsSync(p) };
    try {
      await commands.import.run({ db: path.join(t.dir, 'target.offramp'), json: input }, io);
      return null;
    } catch (e) {
      if (e instanceof OfframpError) return e;
      throw e;
    }
  }
  const snapshot = (over: Record<string, unknown> = {}) => ({
    format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, clients: [{ id: 1, name: 'Acme' }],
    workloads: [{ id: 1, clientId: 1, name: 'Triage' }], candidates: [{ id: 1, workloadId: 1, name: 'RAG', approach: 'rag', selfHostable: false }],
    evaluationRows: [{ candidateId: 1, taskId: 't1', latencyMs: 120, costUsd: 0.001, correct: true, grounded: null, refused: null, hallucinated: null }],
    ...over,
  });

  it('imports a well-formed export with a byte-order mark', async () => {
    const t = await withWorkload();
    expect(await cliImport(t, BOM + JSON.stringify(snapshot()))).toBeNull();
  });

  it.each([
    ['duplicate workload ids', { workloads: [{ id: 1, clientId: 1, name: 'A' }, { id: 1, clientId: 1, name: 'B' }] }, 'workloads[1].id'],
    ['duplicate client ids', { clients: [{ id: 1, name: 'A' }, { id: 1, name: 'B' }] }, 'clients[1].id'],
    ['a negative latency', { evaluationRows: [{ candidateId: 1, taskId: 't1', latencyMs: -5, costUsd: null, correct: true, grounded: null, refused: null, hallucinated: null }] }, 'evaluationRows[0].latencyMs'],
    ['a duplicate candidate name', { candidates: [{ id: 1, workloadId: 1, name: 'RAG', approach: 'rag' }, { id: 2, workloadId: 1, name: 'RAG', approach: 'prompting' }] }, 'candidates[1].name'],
    ['a reference to a missing client', { workloads: [{ id: 1, clientId: 9, name: 'A' }] }, 'workloads[0].clientId'],
    ['a 100,000-character workload name', { workloads: [{ id: 1, clientId: 1, name: 'w'.repeat(100_000) }] }, 'workloads[0].name'],
  ])('refuses %s before writing, naming file, line and JSON path', async (_what, over, field) => {
    const t = await withWorkload();
    const e = await cliImport(t, snapshot(over));
    expect(e).not.toBeNull();
    expect(e!).toMatchObject({ code: 'import_invalid', field });
    expect(e!.file).toMatch(/in\.json$/);
    expect(e!.line).toBeGreaterThan(1);
    expect(e!.message).not.toMatch(/SQLITE|constraint/i);
    expect(fs.existsSync(path.join(t.dir, 'target.offramp'))).toBe(false);
  });

  it('names line and column of a JSON syntax error', async () => {
    const t = await withWorkload();
    const e = await cliImport(t, '{\n  "format": "offramp-workspace",\n  "clients": [,]\n}');
    expect(e).toMatchObject({ code: 'import_invalid', line: 3 });
    expect(e!.message).toContain('line 3, column 15');
  });

  it('says a folder is not a file, instead of EISDIR', async () => {
    const t = await withWorkload();
    fs.mkdirSync(path.join(t.dir, 'folder.json'));
    const io = { out: () => {}, err: () => {}, resolve: (p: string) => path.resolve(t.dir, p), exists: (p: string) => fs.existsSync(p) };
    const e = await commands.import.run({ db: path.join(t.dir, 'target.offramp'), json: 'folder.json' }, io).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(OfframpError);
    expect((e as OfframpError).message).toMatch(/^folder\.json is a folder, not a file/);
  });
});
