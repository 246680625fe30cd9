// Large evaluation imports are read in chunks and staged in the connection's temp schema: the rows and summaries are
// those of the whole-file reading, undo and redo move the very same rows, a late bad row names its line and leaves
// the workspace as it was, and no staged rows outlive their preview.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../../electron/db/evaluationStaging.ts';
import { aggregateOfRows } from '../../../shared/evaluation/candidateAggregate.ts';
import { parseEvaluationFile } from '../../../shared/imports/evaluations.ts';
import type { TestApp } from '../../support/app.ts';
import { aWorkloadWorkspace, placeFile as place, storedTables } from '../../support/evaluationWorkspace.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

interface Options { rows: number; candidates?: string[]; bad?: { row: number; cell: string } }

/** A per-task CSV with awkward cells: quoted notes holding commas, quotes and line breaks, empty and decimal values. */
function resultsCsv({ rows, candidates = ['RAG + small hosted model', 'LoRA on 8B open model', 'Prompted "mini"'], bad }: Options): string {
  const lines = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated,notes'];
  for (let i = 0; i < rows; i++) {
    const c = candidates[i % candidates.length];
    const name = c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c;
    const latency = bad?.row === i ? bad.cell : i % 13 === 0 ? '' : String(100 + ((i * 37) % 900) + (i % 3) / 4);
    const note = i % 11 === 0 ? `"said ""maybe"", then\nchanged its mind"` : i % 5 === 0 ? '"a, b"' : 'ok';
    lines.push(`${name},task-${Math.floor(i / candidates.length)},${latency},0.000${(i % 9) + 1},${i % 7 ? 'yes' : 'no'},${i % 4 ? 'true' : ''},no,${i % 50 ? 0 : 1},${note}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

const withWorkload = () => aWorkloadWorkspace(open);

function costTotal(file: string, candidateId: number): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT total(cost_usd) AS t FROM evaluation_rows WHERE candidate_id = ?').get(candidateId) as { t: number }).t;
  } finally {
    db.close();
  }
}

const storedRows = (file: string) => storedTables(file).evaluation_rows as Record<string, unknown>[];

/** Tables in the temp schema of the app's own connection: where previews stage their rows. */
function tempTables(t: TestApp): string[] {
  const db = t.app.ctx.workspace.database();
  return (db.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table' AND name LIKE 'offramp_staged_%'").all() as { name: string }[]).map((r) => r.name);
}

async function importFile(t: TestApp & { workloadId: number }, file: string): Promise<void> {
  const preview = await t.call('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
  await t.call('imports.evaluations.commit', { token: preview.token, workloadId: t.workloadId, approaches: {} });
}

describe('a streamed evaluation import', () => {
  it('stores the rows and summaries of the whole-file reading for a file several read chunks long', async () => {
    const t = await withWorkload();
    const text = resultsCsv({ rows: 60_000 });
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * CHUNK_BYTES);
    const file = place(t, 'results.csv', text);
    const whole = parseEvaluationFile({ name: file, text });

    const preview = await t.call('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
    expect(preview.rowCount).toBe(60_000);
    expect(preview.candidates.map((c) => [c.name, c.rows])).toEqual(whole.candidates.map((name) => [name, whole.rows.filter((r) => r.candidate === name).length]));
    await t.call('imports.evaluations.commit', { token: preview.token, workloadId: t.workloadId, approaches: {} });

    const candidates = await t.call('candidates.list', { workloadId: t.workloadId });
    const idOf = new Map(candidates.map((c) => [c.name, c.id]));
    const flag = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
    expect(storedRows(t.file).map(({ id: _id, ...r }) => r)).toEqual(whole.rows.map((r) => ({
      candidate_id: idOf.get(r.candidate), task_id: r.taskId, latency_ms: r.latencyMs, cost_usd: r.costUsd, correct: flag(r.correct),
      grounded: flag(r.grounded), refused: flag(r.refused), hallucinated: flag(r.hallucinated), win_vs_baseline: flag(r.winVsBaseline),
    })));
    const stored = storedTables(t.file).evaluation_aggregates as { candidate_id: number; sample_size: number; cost_sum: number; p50_latency_ms: number; p95_latency_ms: number; correct_yes: number }[];
    for (const c of candidates) {
      const expected = aggregateOfRows(c.id, whole.rows.filter((r) => r.candidate === c.name).map((r) => ({ ...r, candidateId: c.id })));
      const kept = stored.find((a) => a.candidate_id === c.id);
      expect(kept, c.name).toMatchObject({ sample_size: expected.sampleSize, p50_latency_ms: expected.p50LatencyMs, p95_latency_ms: expected.p95LatencyMs, correct_yes: expected.correctYes });
      // Summed as SQLite's total() sums the stored rows (compensated), so equal to it exactly.
      expect(kept?.cost_sum).toBe(costTotal(t.file, c.id));
      expect(kept?.cost_sum).toBeCloseTo(expected.costSum, 9);
    }
    expect(tempTables(t)).toEqual([]);
  });

  it('takes back a large re-import on undo, puts the very same rows back on redo, and takes them back again', async () => {
    const t = await withWorkload();
    await importFile(t, place(t, 'first.csv', resultsCsv({ rows: 3_000, candidates: ['RAG + small hosted model', 'Old baseline'] })));
    const before = storedTables(t.file);
    const matrixBefore = await t.call('evaluations.matrix', { workloadId: t.workloadId });

    await importFile(t, place(t, 'second.csv', resultsCsv({ rows: 40_000 })));
    const after = storedTables(t.file);
    expect(after.evaluation_rows).toHaveLength(3_000 / 2 + 40_000);
    const matrixAfter = await t.call('evaluations.matrix', { workloadId: t.workloadId });

    await t.call('history.undo', {});
    expect(storedTables(t.file).evaluation_rows).toEqual(before.evaluation_rows);
    expect(storedTables(t.file).evaluation_aggregates).toEqual(before.evaluation_aggregates);
    expect((await t.call('evaluations.matrix', { workloadId: t.workloadId })).evaluations).toEqual(matrixBefore.evaluations);

    await t.call('history.redo', {});
    expect(storedTables(t.file).evaluation_rows).toEqual(after.evaluation_rows);
    expect(storedTables(t.file).evaluation_aggregates).toEqual(after.evaluation_aggregates);
    expect((await t.call('evaluations.matrix', { workloadId: t.workloadId })).evaluations).toEqual(matrixAfter.evaluations);

    await t.call('history.undo', {});
    expect(storedTables(t.file).evaluation_rows).toEqual(before.evaluation_rows);
    expect(storedTables(t.file).candidates).toEqual(before.candidates);
  });

  it('names the line and column of a bad value late in a large file and leaves the workspace as it was', async () => {
    const t = await withWorkload();
    await importFile(t, place(t, 'first.csv', resultsCsv({ rows: 500 })));
    const before = storedTables(t.file);
    const rows = 50_000;
    const file = place(t, 'late.csv', resultsCsv({ rows, bad: { row: rows - 10, cell: 'slow' } }));
    const error = await t.fail('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
    // The header is row 1 and every 11th row's note spans two lines, but rows are numbered as a spreadsheet shows them.
    expect(error).toMatchObject({ code: 'import_invalid', file, line: rows - 10 + 2, field: 'latency_ms' });
    expect(error.message).toContain('"slow" is not a number');
    expect(storedTables(t.file)).toEqual(before);
    expect(tempTables(t)).toEqual([]);
  });

  it.each([
    ['a task repeated early before a bad value late', (text: string) => text.replace('task-4,', 'task-3,')],
    ['a task repeated on the very row whose latency is refused', (text: string) => text.replace('task-4,', 'task-3,x')],
  ])('reports %s as the whole-file reading does', async (_what, edit) => {
    const t = await withWorkload();
    const text = edit(resultsCsv({ rows: 30_000, bad: { row: 29_000, cell: 'n/a' } }));
    const file = place(t, 'repeated.csv', text);
    const expected = (() => {
      try {
        parseEvaluationFile({ name: file, text });
      } catch (e) {
        return e as { line: number; field: string; message: string };
      }
      throw new Error('the whole-file reading accepted the file');
    })();
    const error = await t.fail('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
    expect(error).toMatchObject({ line: expected.line, field: 'task_id', message: expected.message });
    expect(tempTables(t)).toEqual([]);
  });

  it('replans the workload when a re-import of existing candidates, its undo and its redo change which one meets the commitment', async () => {
    const t = await withWorkload();
    const client = (await t.call('clients.list', {}))[0];
    await t.call('commitments.create', { clientId: client.id, customer: 'Clinics', kind: 'accuracy', threshold: 0.9, workloadIds: [t.workloadId] });
    const results = (good: string) => {
      const lines = ['candidate,task_id,latency_ms,cost_usd,correct'];
      for (const c of ['Alpha', 'Beta']) {
        for (let i = 0; i < 40; i++) lines.push(`${c},t${i},300,${c === 'Alpha' ? '0.002' : '0.001'},${c === good || i % 4 === 0 ? 'yes' : 'no'}`);
      }
      return `${lines.join('\n')}\n`;
    };
    const selected = async () => (await t.call('plan.workload', { workloadId: t.workloadId })).recommendation.selectedCandidate?.name;
    await importFile(t, place(t, 'alpha.csv', results('Alpha')));
    expect(await selected()).toBe('Alpha');
    // The same candidates again: only their evaluation rows change, no candidate is added.
    await importFile(t, place(t, 'beta.csv', results('Beta')));
    expect(await selected()).toBe('Beta');
    await t.call('history.undo', {});
    expect(await selected()).toBe('Alpha');
    await t.call('history.redo', {});
    expect(await selected()).toBe('Beta');
  });

  it('drops the staged rows of a preview that another preview replaced, and refuses to commit it', async () => {
    const t = await withWorkload();
    const first = await t.call('imports.evaluations.preview', { file: t.handle(place(t, 'a.csv', resultsCsv({ rows: 2_000 }))), workloadId: t.workloadId });
    expect(tempTables(t)).toHaveLength(1);
    const second = await t.call('imports.evaluations.preview', { file: t.handle(place(t, 'b.csv', resultsCsv({ rows: 1_000 }))), workloadId: t.workloadId });
    expect(tempTables(t)).toHaveLength(1);

    const refused = await t.fail('imports.evaluations.commit', { token: first.token, workloadId: t.workloadId, approaches: {} });
    expect(refused.code).toBe('conflict');
    expect(storedRows(t.file)).toEqual([]);
    expect(await t.call('imports.evaluations.commit', { token: second.token, workloadId: t.workloadId, approaches: {} })).toMatchObject({ rows: 1_000 });
    expect(tempTables(t)).toEqual([]);
  });
});
