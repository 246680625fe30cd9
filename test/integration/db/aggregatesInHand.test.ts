// An import's candidate summaries are summed from the rows it just wrote rather than read back: they must equal
// the summaries read from the stored rows, through re-imports, partial deletes and undo.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspaceFile } from '../../../electron/db/open.ts';
import { Recorder, newGroup, type Row } from '../../../electron/db/changes.ts';
import { listEvaluationAggregates, maintainEvaluationAggregates, refreshEvaluationAggregates } from '../../../electron/db/evaluationAggregates.ts';
import { tempDir } from '../../support/tmp.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A workspace with one workload and three candidates, written by plain SQL. */
function aDatabase(): Database.Database {
  const dir = tempDir('offramp-agg-');
  dirs.push(dir);
  const file = path.join(dir, 'w.offramp');
  openWorkspaceFile(file, { create: true }).db.close();
  const db = new Database(file);
  const now = '2026-01-01T00:00:00.000Z';
  db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES (1, 'C', ?, ?)").run(now, now);
  db.prepare(`INSERT INTO workloads (id, client_id, name, kind, criticality, deployment, regulated, audit_trail_required, monthly_volume,
    pairwise_feedback, knowledge_change_frequency, created_at, updated_at) VALUES (1, 1, 'W', 'product', 'important', 'cloud', 0, 0, 0, 0, 'monthly', ?, ?)`).run(now, now);
  for (const id of [1, 2, 3]) db.prepare("INSERT INTO candidates (id, workload_id, name, approach, self_hostable) VALUES (?, 1, ?, 'prompting', 0)").run(id, `c${id}`);
  db.transaction(() => refreshEvaluationAggregates(db, [1, 2, 3]))();
  return db;
}

/** Rows with awkward numbers: decimal costs of very different sizes, repeated and missing latencies, unknown flags. */
function rowsFor(candidateIds: number[], n: number, seed: number): Row[] {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => ({
    candidate_id: candidateIds[i % candidateIds.length], task_id: `t${i}`,
    latency_ms: next() < 0.1 ? null : Math.round(next() * 300) / 7,
    cost_usd: next() < 0.1 ? null : next() * (next() < 0.02 ? 1e5 : 0.003),
    correct: next() < 0.2 ? null : next() < 0.6 ? 1 : 0, grounded: next() < 0.5 ? null : 1, refused: null,
    hallucinated: next() < 0.3 ? null : next() < 0.1 ? 1 : 0, win_vs_baseline: next() < 0.5 ? null : 0,
  }));
}

function change(db: Database.Database, fn: (rec: Recorder) => void) {
  const group = newGroup('import', 'import');
  db.transaction(() => {
    fn(new Recorder(db, group));
    maintainEvaluationAggregates(db, group);
  })();
  return group;
}

/** The summaries as kept, and as read again from the stored rows. */
function keptAndReadBack(db: Database.Database) {
  const kept = listEvaluationAggregates(db);
  db.transaction(() => refreshEvaluationAggregates(db, [1, 2, 3]))();
  return { kept, readBack: listEvaluationAggregates(db) };
}

describe('candidate summaries kept by an import', () => {
  it('equal the summaries of the stored rows after an import, a re-import and a partial delete', () => {
    const db = aDatabase();
    change(db, (rec) => rec.insertMany('evaluation_rows', rowsFor([1, 2], 3000, 7)));
    let r = keptAndReadBack(db);
    expect(r.kept).toEqual(r.readBack);
    expect(r.kept.find((a) => a.candidateId === 1)?.sampleSize).toBe(1500);

    // A re-import replaces candidate 1's rows and adds to candidate 3.
    change(db, (rec) => {
      rec.deleteAllWhere('evaluation_rows', { candidate_id: 1 });
      rec.insertMany('evaluation_rows', rowsFor([1, 3], 2001, 11));
    });
    r = keptAndReadBack(db);
    expect(r.kept).toEqual(r.readBack);

    // More rows for a candidate that already has some: its summary counts both.
    change(db, (rec) => rec.insertMany('evaluation_rows', rowsFor([2], 500, 13)));
    r = keptAndReadBack(db);
    expect(r.kept).toEqual(r.readBack);
    expect(r.kept.find((a) => a.candidateId === 2)?.sampleSize).toBe(2000);

    // Rows deleted one by one after a bulk insert in the same change.
    change(db, (rec) => {
      rec.insertMany('evaluation_rows', rowsFor([3], 50, 17));
      rec.deleteWhere('evaluation_rows', { candidate_id: 3, task_id: 't0' });
    });
    r = keptAndReadBack(db);
    expect(r.kept).toEqual(r.readBack);
    db.close();
  });
});
