// Imports record one bulk change per table: undo removes every imported row, redo puts the same rows
// back, a re-import's replaced rows come back on undo, and the audit log still says what happened.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace, type TestApp } from '../../support/app.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

function resultsCsv(rows: number, correct: string): string {
  const lines = ['candidate,task_id,latency_ms,correct'];
  for (let i = 0; i < rows; i++) lines.push(`RAG,t${i},${100 + i},${correct}`);
  return `${lines.join('\n')}\n`;
}

/** Evaluation rows as stored, read from the file itself (not through the app). */
function storedRows(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, candidate_id, task_id, latency_ms, correct FROM evaluation_rows ORDER BY id').all();
  } finally {
    db.close();
  }
}

async function importResults(t: TestApp, workloadId: number, name: string, text: string): Promise<void> {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, text);
  const preview = await t.call('imports.evaluations.preview', { file: t.handle(file), workloadId });
  await t.call('imports.evaluations.commit', { token: preview.token, workloadId, approaches: {} });
}

describe('undo and redo of a bulk import', () => {
  it.each([[5], [300]])('takes back all %i imported rows, and redo restores the very same rows', async (count) => {
    const t = await aWorkspace();
    open.push(t);
    const client = await t.call('clients.create', { name: 'Helix' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'FAQ' });
    await importResults(t, w.id, 'r.csv', resultsCsv(count, 'yes'));
    const imported = storedRows(t.file);
    expect(imported).toHaveLength(count);

    await t.call('history.undo', {});
    expect(storedRows(t.file)).toEqual([]);
    expect(await t.call('candidates.list', { workloadId: w.id })).toEqual([]);

    await t.call('history.redo', {});
    expect(storedRows(t.file)).toEqual(imported);
    await t.call('history.undo', {});
    expect(storedRows(t.file)).toEqual([]);
  });

  it('brings back the replaced rows when a re-import is undone', async () => {
    const t = await aWorkspace();
    open.push(t);
    const client = await t.call('clients.create', { name: 'Helix' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'FAQ' });
    await importResults(t, w.id, 'first.csv', resultsCsv(250, 'yes'));
    const first = storedRows(t.file);
    await importResults(t, w.id, 'second.csv', resultsCsv(40, 'no'));
    expect(storedRows(t.file)).toHaveLength(40);

    await t.call('history.undo', {});
    expect(storedRows(t.file)).toEqual(first);
    const matrix = await t.call('evaluations.matrix', { workloadId: w.id });
    expect(matrix.evaluations[0]).toMatchObject({ sampleSize: 250, accuracy: 1 });
  });

  it('audits a large import as one summary row per table and a small one row by row', async () => {
    const t = await aWorkspace();
    open.push(t);
    const client = await t.call('clients.create', { name: 'Helix' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'FAQ' });
    await importResults(t, w.id, 'big.csv', resultsCsv(300, 'yes'));
    let audit = await t.call('audit.list', { limit: 5000 });
    const summary = audit.filter((a) => a.entity === 'evaluation_rows');
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ action: 'import', entityId: '*', after: expect.objectContaining({ created: 300, deleted: 0 }) });

    await t.call('history.undo', {});
    await importResults(t, w.id, 'small.csv', resultsCsv(3, 'yes'));
    audit = await t.call('audit.list', { limit: 5000 });
    const created = audit.filter((a) => a.entity === 'evaluation_rows' && a.action === 'create');
    expect(created).toHaveLength(3);
    expect(created.every((a) => (a.after as { task_id: string }).task_id.startsWith('t'))).toBe(true);
  });
});
