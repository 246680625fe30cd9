// Benchmark of the writing imports against the insert floor: the same rows through one prepared
// statement in one transaction, measured in the same run.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createIpcApp } from '../../electron/ipc/app.ts';
import { aJobsList } from '../support/jobsList.ts';
import { tempDir } from '../support/tmp.ts';
import type { BenchResult } from './engine.ts';

const JOBS = 10_000;
const FAMILIES = 200;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

/** A fresh workspace with one client, driven through the same dispatch as the app. */
async function benchWorkspace(dir: string) {
  const app = createIpcApp({ configDir: path.join(dir, 'config'), platform: { chooseWorkspace: async () => null, chooseSavePath: async () => null, chooseOpenPath: async () => null } });
  const call = async (channel: string, payload: unknown) => {
    const r = await app.dispatch(channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  await call('workspace.create', { path: path.join(dir, 'bench.offramp') });
  const client = await call('clients.create', { name: 'Bench' });
  return { app, call, client };
}

async function benchJobsImport(): Promise<BenchResult[]> {
  const dir = tempDir('offramp-bench-');
  const file = path.join(dir, 'jobs.json');
  fs.writeFileSync(file, aJobsList(Array.from({ length: JOBS }, (_, i) => ({
    id: `ftjob-${String(i).padStart(8, '0')}`, suffix: `family-${i % FAMILIES}`, day: Math.floor(i / FAMILIES),
    status: i % 10 === 9 ? 'failed' as const : 'succeeded' as const,
  }))));
  const { app, call, client } = await benchWorkspace(dir);

  const sampler = rssSampler();
  const start = performance.now();
  const preview = await call('imports.jobs.preview', { paths: [file] });
  const previewMs = performance.now() - start;
  await call('imports.jobs.commit', { token: preview.token, clientId: client.id });
  const importMs = performance.now() - start;
  const peak = sampler.stop();
  app.close();

  // Floor: the same 10,000 job rows with one prepared statement in one transaction.
  const floorDb = new Database(path.join(dir, 'floor.sqlite'));
  floorDb.pragma('journal_mode = WAL');
  floorDb.exec('CREATE TABLE jobs (id TEXT PRIMARY KEY, workload_id INTEGER, model TEXT NOT NULL, fine_tuned_model TEXT, status TEXT NOT NULL, created_at TEXT, finished_at TEXT, trained_tokens INTEGER, training_file TEXT, suffix TEXT) STRICT');
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { data: Record<string, string | number | null>[] };
  const floorStart = performance.now();
  const insert = floorDb.prepare('INSERT INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  floorDb.transaction(() => {
    for (const j of parsed.data) insert.run(j.id, 1, j.model, j.fine_tuned_model, j.status, String(j.created_at), j.finished_at === null ? null : String(j.finished_at), j.trained_tokens, j.training_file, j.suffix);
  })();
  const floorMs = performance.now() - floorStart;
  floorDb.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const ratio = importMs / floorMs;
  return [
    { name: `jobs-list import: ${JOBS.toLocaleString('en')} jobs, parse + preview + commit`, value: Math.round(importMs), unit: 'ms' },
    { name: 'jobs-list import: of which parse + preview', value: Math.round(previewMs), unit: 'ms' },
    { name: 'jobs-list import: insert floor (one prepared statement, one transaction)', value: Math.round(floorMs), unit: 'ms' },
    { name: 'jobs-list import: ratio to the insert floor', value: Math.round(ratio * 10) / 10, unit: '×', target: '≤ 2×', pass: ratio <= 2 },
    { name: 'jobs-list import: peak rss', value: mb(peak), unit: 'MB' },
  ];
}

const EVAL_ROWS = 100_000;

async function benchEvaluationImport(): Promise<BenchResult[]> {
  const dir = tempDir('offramp-bench-');
  const file = path.join(dir, 'results.csv');
  const lines = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated'];
  for (let i = 0; i < EVAL_ROWS; i++) lines.push(`candidate-${i % 4},t${i >> 2},${100 + (i % 900)},0.00${i % 9 + 1},${i % 7 ? 'yes' : 'no'},yes,no,${i % 50 ? 'no' : 'yes'}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const { app, call, client } = await benchWorkspace(dir);
  const workload = await call('workloads.create', { clientId: client.id, name: 'Bench workload' });
  const sampler = rssSampler();
  const start = performance.now();
  const preview = await call('imports.evaluations.preview', { path: file, workloadId: workload.id });
  const previewMs = performance.now() - start;
  await call('imports.evaluations.commit', { token: preview.token, workloadId: workload.id, approaches: {} });
  const importMs = performance.now() - start;
  const peak = sampler.stop();
  app.close();

  const floorDb = new Database(path.join(dir, 'floor.sqlite'));
  floorDb.pragma('journal_mode = WAL');
  floorDb.exec('CREATE TABLE evaluation_rows (id INTEGER PRIMARY KEY, candidate_id INTEGER NOT NULL, task_id TEXT NOT NULL, latency_ms REAL, cost_usd REAL, correct INTEGER, grounded INTEGER, refused INTEGER, hallucinated INTEGER, win_vs_baseline INTEGER) STRICT');
  const floorStart = performance.now();
  const insert = floorDb.prepare('INSERT INTO evaluation_rows (candidate_id, task_id, latency_ms, cost_usd, correct, grounded, refused, hallucinated, win_vs_baseline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  floorDb.transaction(() => {
    for (let i = 0; i < EVAL_ROWS; i++) insert.run(i % 4, `t${i >> 2}`, 100 + (i % 900), 0.001, i % 7 ? 1 : 0, 1, 0, i % 50 ? 0 : 1, null);
  })();
  const floorMs = performance.now() - floorStart;
  floorDb.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const ratio = importMs / floorMs;
  return [
    { name: `evaluation import: ${EVAL_ROWS.toLocaleString('en')} CSV rows, parse + preview + commit`, value: Math.round(importMs), unit: 'ms' },
    { name: 'evaluation import: of which parse + preview', value: Math.round(previewMs), unit: 'ms' },
    { name: 'evaluation import: insert floor (one prepared statement, one transaction)', value: Math.round(floorMs), unit: 'ms' },
    { name: 'evaluation import: ratio to the insert floor', value: Math.round(ratio * 10) / 10, unit: '×', target: '≤ 2×', pass: ratio <= 2 },
    { name: 'evaluation import: peak rss', value: mb(peak), unit: 'MB' },
  ];
}

export async function benchDbImports(): Promise<BenchResult[]> {
  return [...await benchJobsImport(), ...await benchEvaluationImport()];
}
