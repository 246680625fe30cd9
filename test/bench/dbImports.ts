// Benchmark of the writing imports against the insert floor: the same rows through one prepared
// statement in one transaction, measured in the same run. Each figure is the median of RUNS runs,
// each into a fresh file, so a busy machine skews both sides alike.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createIpcApp } from '../../electron/ipc/app.ts';
import { openWorkspaceFile } from '../../electron/db/open.ts';
import { aJobsList } from '../support/jobsList.ts';
import { tempDir } from '../support/tmp.ts';
import type { BenchResult } from './engine.ts';

const JOBS = 10_000;
const FAMILIES = 200;
const EVAL_ROWS = 100_000;
const RUNS = 3;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

/** A fresh workspace with one client and one workload, driven through the same dispatch as the app. */
async function benchWorkspace(dir: string) {
  const file = path.join(dir, 'bench.offramp');
  const app = createIpcApp({ configDir: path.join(dir, 'config'), platform: { chooseWorkspace: async () => file, chooseSavePath: async () => null, chooseOpenPath: async () => null } });
  const call = async (channel: string, payload: unknown) => {
    const r = await app.dispatch(channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  await call('workspace.create', {});
  const client = await call('clients.create', { name: 'Bench' });
  const workload = await call('workloads.create', { clientId: client.id, name: 'Bench workload' });
  return { app, call, clientId: client.id as number, workloadId: workload.id as number };
}

type Call = Awaited<ReturnType<typeof benchWorkspace>>;

interface Measured {
  importMs: number;
  previewMs: number;
  floorMs: number;
  peakRss: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Times preview + commit of `file` and the floor, RUNS times each, into fresh files. */
async function measure(
  file: string,
  importOnce: (ws: Call) => Promise<number>,
  floorOnce: (db: Database.Database) => void,
): Promise<Measured> {
  const imports: number[] = [];
  const previews: number[] = [];
  const floors: number[] = [];
  let peakRss = 0;
  for (let run = 0; run < RUNS; run++) {
    const dir = tempDir('offramp-bench-');
    const ws = await benchWorkspace(dir);
    const sampler = rssSampler();
    const start = performance.now();
    const previewMs = await importOnce(ws);
    imports.push(performance.now() - start);
    previews.push(previewMs);
    peakRss = Math.max(peakRss, sampler.stop());
    ws.app.close();

    // The floor writes into the very same schema (same table, same indexes), made by the app's migrations.
    const floorFile = path.join(dir, 'floor.offramp');
    openWorkspaceFile(floorFile, { create: true }).db.close();
    const floorDb = new Database(floorFile);
    floorDb.pragma('journal_mode = WAL');
    floorDb.pragma('foreign_keys = ON');
    const floorStart = performance.now();
    floorOnce(floorDb);
    floors.push(performance.now() - floorStart);
    floorDb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return { importMs: median(imports), previewMs: median(previews), floorMs: median(floors), peakRss };
}

/**
 * Two ratios: the commit (validated rows written in one transaction, recorded for undo and the audit
 * log) against the insert floor, which is what the target is about; and the whole import, parsing
 * and preview included, against the same floor, reported beside it for honesty.
 */
function report(label: string, what: string, m: Measured): BenchResult[] {
  const commitMs = m.importMs - m.previewMs;
  const commitRatio = commitMs / m.floorMs;
  return [
    { name: `${label}: ${what}, parse + preview + commit (median of ${RUNS})`, value: Math.round(m.importMs), unit: 'ms' },
    { name: `${label}: of which parse + preview`, value: Math.round(m.previewMs), unit: 'ms' },
    { name: `${label}: of which commit (one transaction, undo + audit recorded)`, value: Math.round(commitMs), unit: 'ms' },
    { name: `${label}: insert floor (the same rows, prepared statements, one transaction)`, value: Math.round(m.floorMs), unit: 'ms' },
    { name: `${label}: commit / insert floor`, value: Math.round(commitRatio * 10) / 10, unit: '×', target: '≤ 2×', pass: commitRatio <= 2 },
    { name: `${label}: whole import / insert floor`, value: Math.round((m.importMs / m.floorMs) * 10) / 10, unit: '×' },
    { name: `${label}: peak rss`, value: mb(m.peakRss), unit: 'MB' },
  ];
}

async function benchJobsImport(): Promise<BenchResult[]> {
  const file = path.join(tempDir('offramp-bench-src-'), 'jobs.json');
  fs.writeFileSync(file, aJobsList(Array.from({ length: JOBS }, (_, i) => ({
    id: `ftjob-${String(i).padStart(8, '0')}`, suffix: `family-${i % FAMILIES}`, day: Math.floor(i / FAMILIES),
    status: i % 10 === 9 ? 'failed' as const : 'succeeded' as const,
  }))));
  const jobs = (JSON.parse(fs.readFileSync(file, 'utf8')) as { data: Record<string, string | number | null>[] }).data;
  const m = await measure(file, async ({ app, call, clientId }) => {
    const start = performance.now();
    const preview = await call('imports.jobs.preview', { files: [app.ctx.files.register(file)] });
    const previewMs = performance.now() - start;
    await call('imports.jobs.commit', { token: preview.token, clientId });
    return previewMs;
  }, (db) => {
    // The same rows the import writes: one workload per model family, then every job pointing at its workload.
    const now = new Date().toISOString();
    const insertWorkload = db.prepare(`INSERT INTO workloads (id, client_id, name, kind, criticality, deployment, regulated, audit_trail_required, monthly_volume,
      pairwise_feedback, knowledge_change_frequency, source_key, created_at, updated_at) VALUES (?, 1, ?, 'product', 'important', 'cloud', 0, 0, 0, 0, 'monthly', ?, ?, ?)`);
    const insert = db.prepare('INSERT INTO fine_tuning_jobs (id, workload_id, model, fine_tuned_model, status, created_at, finished_at, trained_tokens, training_file, suffix) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES (1, 'Bench', ?, ?)").run(now, now);
    db.transaction(() => {
      for (let f = 0; f < FAMILIES; f++) insertWorkload.run(f + 1, `family-${f}`, `family-${f}`, now, now);
      jobs.forEach((j, i) => insert.run(j.id, (i % FAMILIES) + 1, j.model, j.fine_tuned_model, j.status, String(j.created_at), j.finished_at === null ? null : String(j.finished_at), j.trained_tokens, j.training_file, j.suffix));
    })();
  });
  return report('jobs-list import', `${JOBS.toLocaleString('en')} jobs`, m);
}

async function benchEvaluationImport(): Promise<BenchResult[]> {
  const file = path.join(tempDir('offramp-bench-src-'), 'results.csv');
  const lines = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated'];
  for (let i = 0; i < EVAL_ROWS; i++) lines.push(`candidate-${i % 4},t${i >> 2},${100 + (i % 900)},0.00${i % 9 + 1},${i % 7 ? 'yes' : 'no'},yes,no,${i % 50 ? 'no' : 'yes'}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const m = await measure(file, async ({ app, call, workloadId }) => {
    const start = performance.now();
    const preview = await call('imports.evaluations.preview', { file: app.ctx.files.register(file), workloadId });
    const previewMs = performance.now() - start;
    await call('imports.evaluations.commit', { token: preview.token, workloadId, approaches: {} });
    return previewMs;
  }, (db) => {
    // The same rows into the same schema: the four candidates they belong to exist, as in the app.
    const now = new Date().toISOString();
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES (1, 'Bench', ?, ?)").run(now, now);
    db.prepare(`INSERT INTO workloads (id, client_id, name, kind, criticality, deployment, regulated, audit_trail_required, monthly_volume,
      pairwise_feedback, knowledge_change_frequency, created_at, updated_at) VALUES (1, 1, 'W', 'product', 'important', 'cloud', 0, 0, 0, 0, 'monthly', ?, ?)`).run(now, now);
    for (let c = 1; c <= 4; c++) db.prepare("INSERT INTO candidates (id, workload_id, name, approach, self_hostable) VALUES (?, 1, ?, 'prompting', 0)").run(c, `candidate-${c}`);
    const insert = db.prepare('INSERT INTO evaluation_rows (candidate_id, task_id, latency_ms, cost_usd, correct, grounded, refused, hallucinated, win_vs_baseline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < EVAL_ROWS; i++) insert.run((i % 4) + 1, `t${i >> 2}`, 100 + (i % 900), 0.001, i % 7 ? 1 : 0, 1, 0, i % 50 ? 0 : 1, null);
    })();
  });
  return report('evaluation import', `${EVAL_ROWS.toLocaleString('en')} CSV rows`, m);
}

export async function benchDbImports(): Promise<BenchResult[]> {
  return [...await benchJobsImport(), ...await benchEvaluationImport()];
}
