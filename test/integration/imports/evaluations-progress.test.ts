// An evaluation preview is read chunk by chunk with the event loop free in between: it reports bytes read of the
// file's size, can be cancelled, and other channels may write meanwhile without the staging ever holding (or undoing)
// their changes. Staging is held at its first pause through the betweenChunks seam, so nothing here depends on speed.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, betweenChunks } from '../../../electron/db/evaluationStaging.ts';
import type { ErrorInfo, Result } from '../../../shared/errors.ts';
import type { EvaluationImportPreview } from '../../../shared/ipc/imports.ts';
import type { TestApp } from '../../support/app.ts';
import { aWorkloadWorkspace, placeFile as place, storedTables } from '../../support/evaluationWorkspace.ts';

const wait = betweenChunks.wait;
let open: TestApp[] = [];
afterEach(() => {
  betweenChunks.wait = wait;
  for (const t of open) t.app.close();
  open = [];
});

/** A per-task CSV of `rows` rows over three candidates; `bad` puts a latency no one can read on that row. */
function resultsCsv(rows: number, bad?: number): string {
  const lines = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated'];
  for (let i = 0; i < rows; i++) {
    lines.push(`candidate-${i % 3},task-${Math.floor(i / 3)},${i === bad ? 'slow' : 100 + (i % 900)},0.000${(i % 9) + 1},${i % 7 ? 'yes' : 'no'},yes,no,no`);
  }
  return `${lines.join('\n')}\n`;
}

/** Several read chunks long, so staging pauses between chunks before it is done. */
const BIG = 120_000;

const withWorkload = () => aWorkloadWorkspace(open);

/** Tables in the temp schema of the app's own connection: where previews stage their rows. */
function tempTables(t: TestApp): string[] {
  const db = t.app.ctx.workspace.database();
  return (db.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table' AND name LIKE 'offramp_staged_%'").all() as { name: string }[]).map((r) => r.name);
}

/**
 * Holds the first pause of staging until `release()` (or until the preview is cancelled), noting whether a
 * transaction was open on the workspace's connection while it waited; later pauses pass as usual.
 */
function holdFirstPause(t: TestApp) {
  let reached!: () => void;
  let release!: () => void;
  const at = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = { at, release, inTransaction: null as boolean | null };
  let first = true;
  betweenChunks.wait = async (signal) => {
    if (!first) return wait(signal);
    first = false;
    held.inTransaction = t.app.ctx.workspace.database().inTransaction;
    reached();
    const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
    await Promise.race([released, aborted]);
  };
  return held;
}

function preview(t: TestApp & { workloadId: number }, file: string, task: string): Promise<Result<EvaluationImportPreview>> {
  return t.app.dispatch('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId, task }) as Promise<Result<EvaluationImportPreview>>;
}

const failure = (r: Result<unknown>): ErrorInfo => {
  expect(r.ok, 'the preview should have failed').toBe(false);
  return (r as { ok: false; error: ErrorInfo }).error;
};

describe('an evaluation preview read in chunks', () => {
  it('reports the bytes read of the file while it stages, and a cancelled preview leaves nothing staged and the workspace as it was', async () => {
    const t = await withWorkload();
    const first = await t.call('imports.evaluations.preview', { file: t.handle(place(t, 'first.csv', resultsCsv(300))), workloadId: t.workloadId });
    await t.call('imports.evaluations.commit', { token: first.token, workloadId: t.workloadId, approaches: {} });
    const before = storedTables(t.file);
    const infoBefore = await t.call('workspace.current', {});

    const file = place(t, 'big results.csv', resultsCsv(BIG));
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(3 * CHUNK_BYTES);
    const held = holdFirstPause(t);
    const running = preview(t, file, 'eval-1');
    await held.at;
    expect(held.inTransaction).toBe(false);
    expect(await t.call('tasks.progress', { task: 'eval-1' })).toMatchObject({
      done: CHUNK_BYTES, total: size, finished: false, label: `Reading big results.csv: 1 MB of ${+(size / CHUNK_BYTES).toFixed(1)} MB`,
    });
    expect(tempTables(t)).toHaveLength(1);

    expect(await t.call('tasks.cancel', { task: 'eval-1' })).toBe(true);
    const error = failure(await running);
    expect(error.code).toBe('cancelled');
    expect(error.message).toMatch(/^Reading big results\.csv was cancelled\. Nothing was changed\.$/);
    expect(tempTables(t)).toEqual([]);
    expect(storedTables(t.file)).toEqual(before);
    expect(await t.call('workspace.current', {})).toEqual(infoBefore);
    expect(await t.call('tasks.progress', { task: 'eval-1' })).toBeNull();
  });

  it('reads promptfoo JSON whole in one step, reporting the whole file read, and can be cancelled before it is parsed', async () => {
    const t = await withWorkload();
    const results = Array.from({ length: 40 }, (_, i) => ({
      provider: { id: 'openai:gpt-4o-mini', label: i % 2 ? 'Prompted' : 'RAG' }, prompt: { raw: 'p', label: 'p' }, promptIdx: 0, testIdx: i >> 1,
      latencyMs: 900, cost: 0.001, success: true, score: 1, response: { output: 'ok' },
    }));
    const file = place(t, 'out.json', JSON.stringify({ results: { version: 3, results } }, null, 2));
    const size = fs.statSync(file).size;
    // The one pause comes after the first read, before the parse: the file is small, so that read was all of it.
    const held = holdFirstPause(t);
    const cancelledOne = preview(t, file, 'eval-json-1');
    await held.at;
    expect(await t.call('tasks.progress', { task: 'eval-json-1' })).toMatchObject({ done: size, total: size, finished: false });
    expect(await t.call('tasks.cancel', { task: 'eval-json-1' })).toBe(true);
    expect(failure(await cancelledOne).code).toBe('cancelled');
    expect(tempTables(t)).toEqual([]);

    const r = await preview(t, file, 'eval-json-2');
    expect(r.ok && r.value).toMatchObject({ format: 'promptfoo JSON', rowCount: 40 });
    expect(tempTables(t)).toHaveLength(1);
  });

  it('keeps a change made through another channel while the preview stages, and the preview completes and imports', async () => {
    const t = await withWorkload();
    const held = holdFirstPause(t);
    const running = preview(t, place(t, 'big.csv', resultsCsv(BIG)), 'eval-2');
    await held.at;
    await t.call('clients.update', { id: t.clientId, name: 'Helix Health Group', notes: 'renamed mid-preview' });
    held.release();
    const r = await running;
    expect(r.ok && r.value.rowCount).toBe(BIG);
    const shown = (r as { value: EvaluationImportPreview }).value;
    expect(storedTables(t.file).clients).toMatchObject([{ name: 'Helix Health Group', notes: 'renamed mid-preview' }]);
    expect(storedTables(t.file).evaluation_rows).toEqual([]);

    expect(await t.call('imports.evaluations.commit', { token: shown.token, workloadId: t.workloadId, approaches: {} })).toEqual({ candidates: 3, rows: BIG });
    expect(storedTables(t.file).evaluation_rows).toHaveLength(BIG);
    // Undo takes back the import, then the rename: two changes, in the order they were made.
    await t.call('history.undo', {});
    expect(storedTables(t.file).evaluation_rows).toEqual([]);
    expect(storedTables(t.file).clients).toMatchObject([{ name: 'Helix Health Group' }]);
    await t.call('history.undo', {});
    expect(storedTables(t.file).clients).toMatchObject([{ name: 'Helix Health', notes: '' }]);
  });

  it('keeps a change made while the preview stages when a bad row late in the file fails the preview', async () => {
    const t = await withWorkload();
    const held = holdFirstPause(t);
    const running = preview(t, place(t, 'late.csv', resultsCsv(BIG, BIG - 5)), 'eval-3');
    await held.at;
    await t.call('clients.update', { id: t.clientId, name: 'Helix Health Group', notes: '' });
    const after = storedTables(t.file);
    held.release();
    const error = failure(await running);
    expect(error).toMatchObject({ code: 'import_invalid', line: BIG - 5 + 2, field: 'latency_ms' });
    expect(storedTables(t.file)).toEqual(after);
    expect(after.clients).toMatchObject([{ name: 'Helix Health Group' }]);
    expect(tempTables(t)).toEqual([]);
  });

  it('stops a preview still being read when another file is chosen, leaving only the newer one staged', async () => {
    const t = await withWorkload();
    const held = holdFirstPause(t);
    const older = preview(t, place(t, 'older.csv', resultsCsv(BIG)), 'eval-4');
    await held.at;
    const newer = await preview(t, place(t, 'newer.csv', resultsCsv(30)), 'eval-5');
    const error = failure(await older);
    expect(error).toMatchObject({ code: 'cancelled', message: 'The preview gave way to the preview of newer.csv, chosen since. Nothing was changed.' });
    expect(newer.ok && newer.value.rowCount).toBe(30);
    expect(tempTables(t)).toHaveLength(1);
    const token = (newer as { value: EvaluationImportPreview }).value.token;
    expect(await t.call('imports.evaluations.commit', { token, workloadId: t.workloadId, approaches: {} })).toEqual({ candidates: 3, rows: 30 });
    expect(tempTables(t)).toEqual([]);
  });

  it('answers that the workspace was closed when it is closed while a preview is read, and the next workspace has nothing staged', async () => {
    const t = await withWorkload();
    const held = holdFirstPause(t);
    const running = preview(t, place(t, 'big.csv', resultsCsv(BIG)), 'eval-6');
    await held.at;
    await t.call('workspace.close', {});
    held.release();
    const error = failure(await running);
    expect(error.code).toBe('no_workspace');
    expect(error.message).toContain('The workspace was closed while big.csv was being read');
    await t.open(t.file);
    expect(tempTables(t)).toEqual([]);
    expect(storedTables(t.file).evaluation_rows).toEqual([]);
  });

  it('refuses a preview whose workload was deleted while the file was read, and keeps nothing staged', async () => {
    const t = await withWorkload();
    const held = holdFirstPause(t);
    const running = preview(t, place(t, 'big.csv', resultsCsv(BIG)), 'eval-7');
    await held.at;
    await t.call('workloads.delete', { id: t.workloadId });
    held.release();
    expect(failure(await running).code).toBe('not_found');
    expect(tempTables(t)).toEqual([]);
  });
});
