// Benchmark workspaces, built once per schema version and reused: 5,000 workloads across 50 clients with 1,000,000
// evaluation rows (2,000 candidates × 500 rows). The rows are written with plain SQL in one transaction and the
// per-candidate summaries refreshed after, as an import would leave them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePortfolio } from '../../shared/sample/generate.ts';
import { snapshotSchema } from '../../shared/domain/snapshotSchema.ts';
import { WorkspaceService } from '../../electron/workspace/service.ts';
import { fillWorkspace } from '../../electron/services/fill.ts';
import { refreshAllEvaluationAggregates } from '../../electron/db/evaluationAggregates.ts';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations/index.ts';

export const BENCH_DIR = path.join(os.tmpdir(), 'offramp-bench');
export const BENCH_TODAY = '2026-03-02';

export interface BenchWorkspaceOptions {
  clients: number;
  workloads: number;
  /** Evaluation rows in all, spread over two candidates on each of the first workloads (500 rows per candidate). */
  evaluationRows: number;
}

/** The path of a ready workspace with these sizes (built on first use, then kept in the temp folder). */
export function benchWorkspace(o: BenchWorkspaceOptions): string {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `plan-${o.clients}c-${o.workloads}w-${o.evaluationRows}r-v${LATEST_SCHEMA_VERSION}.offramp`);
  if (fs.existsSync(file)) return file;
  const building = `${file}.${process.pid}.building`;
  const ws = new WorkspaceService({ actor: () => 'bench' });
  ws.open(building, true);
  try {
    const snapshot = snapshotSchema.parse(generatePortfolio({ clients: o.clients, workloads: o.workloads, seed: 42, today: BENCH_TODAY, capacity: 25 }));
    fillWorkspace(ws, 'bench portfolio', snapshot, { replacePolicy: true });
    const db = ws.database();
    const perCandidate = 500;
    const candidates = Math.ceil(o.evaluationRows / perCandidate);
    db.transaction(() => {
      const workloads = (db.prepare('SELECT id FROM workloads ORDER BY id LIMIT ?').all(Math.ceil(candidates / 2)) as { id: number }[]).map((r) => r.id);
      const addCandidate = db.prepare("INSERT INTO candidates (workload_id, name, approach, self_hostable, data_region, policy_update_hours, explainability, notes) VALUES (?, ?, ?, ?, NULL, NULL, 3, '')");
      const addRow = db.prepare('INSERT INTO evaluation_rows (candidate_id, task_id, latency_ms, cost_usd, correct, grounded, refused, hallucinated, win_vs_baseline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      let written = 0;
      for (let c = 0; c < candidates; c++) {
        const workloadId = workloads[Math.floor(c / 2)];
        const id = Number(addCandidate.run(workloadId, c % 2 === 0 ? 'RAG + small hosted model' : 'LoRA on 8B open model', c % 2 === 0 ? 'rag' : 'open_weight', c % 2).lastInsertRowid);
        for (let i = 0; i < perCandidate && written < o.evaluationRows; i++, written++) {
          const x = (c * 7919 + i * 104729) % 1000;
          addRow.run(id, `t${i}`, 120 + x, 0.0004 + x / 1e6, x % 10 < 9 ? 1 : 0, x % 7 === 0 ? null : x % 5 < 4 ? 1 : 0, x % 50 === 0 ? 1 : 0, x % 40 === 0 ? 1 : 0, x % 3 === 0 ? 1 : 0);
        }
      }
      refreshAllEvaluationAggregates(db);
    })();
  } finally {
    ws.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(building + suffix, { force: true });
  fs.renameSync(building, file);
  return file;
}

/** A private copy, so each measured run opens a workspace no earlier run warmed (the plan cache starts empty). */
export function copyOf(file: string, dir: string, name: string): string {
  const dest = path.join(dir, name);
  fs.copyFileSync(file, dest);
  return dest;
}
