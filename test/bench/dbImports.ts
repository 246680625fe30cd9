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

/**
 * The kernel's own peak RSS of this process since the last reset (Linux: VmHWM, reset by writing 5 to clear_refs),
 * which sees the peak inside a long synchronous call that a timer cannot sample; null where it is not available.
 */
const highWaterMark = {
  reset(): boolean {
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5');
      return true;
    } catch {
      return false;
    }
  },
  read(): number | null {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  },
};

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
  /** Per run, in ms: the whole import (preview + commit), its commit alone, and their CPU time; the floor. */
  imports: number[];
  commits: number[];
  importCpu: number[];
  commitCpu: number[];
  floors: number[];
  floorCpu: number[];
  peakRss: number;
  /** The largest growth of RSS during one import over the RSS it started from: what the import holds. */
  growth: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Times preview + commit of `file` and the floor, `runs` times each, into fresh files; importOnce returns when its commit started. */
async function measure(
  file: string,
  importOnce: (ws: Call, commitStarts: () => void) => Promise<void>,
  floorOnce: (db: Database.Database) => void,
  runs = RUNS,
): Promise<Measured> {
  const m: Measured = { imports: [], commits: [], importCpu: [], commitCpu: [], floors: [], floorCpu: [], peakRss: 0, growth: 0 };
  for (let run = 0; run < runs; run++) {
    const dir = tempDir('offramp-bench-');
    const ws = await benchWorkspace(dir);
    global.gc?.();
    const hwm = highWaterMark.reset();
    const baseRss = process.memoryUsage().rss;
    const sampler = rssSampler();
    const cpu = process.cpuUsage();
    const start = performance.now();
    let commitStart = start;
    let commitCpu = cpu;
    await importOnce(ws, () => {
      commitStart = performance.now();
      commitCpu = process.cpuUsage();
    });
    const end = performance.now();
    m.imports.push(end - start);
    m.commits.push(end - commitStart);
    m.importCpu.push(cpuMs(cpu));
    m.commitCpu.push(cpuMs(commitCpu));
    const sampled = sampler.stop();
    const peak = Math.max(sampled, (hwm ? highWaterMark.read() : null) ?? 0);
    m.peakRss = Math.max(m.peakRss, peak);
    m.growth = Math.max(m.growth, peak - baseRss);
    ws.app.close();

    // The floor writes into the very same schema (same table, same indexes), made by the app's migrations.
    const floorFile = path.join(dir, 'floor.offramp');
    openWorkspaceFile(floorFile, { create: true }).db.close();
    const floorDb = new Database(floorFile);
    // The app's own settings (electron/db/open.ts): with the default synchronous = FULL the floor paid an fsync the app does not.
    floorDb.pragma('journal_mode = WAL');
    floorDb.pragma('synchronous = NORMAL');
    floorDb.pragma('foreign_keys = ON');
    const floorCpu = process.cpuUsage();
    const floorStart = performance.now();
    floorOnce(floorDb);
    m.floors.push(performance.now() - floorStart);
    m.floorCpu.push(cpuMs(floorCpu));
    floorDb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return m;
}

/**
 * The two ratios against the insert floor (the same rows, prepared statements, one transaction,
 * the same schema, measured in the same run): the commit (validated rows written, undo and audit
 * recorded, evaluation summaries kept) ≤ 1.5×, and the whole import as the user waits for it (file
 * read, parse, validation, preview, commit) ≤ 2.5×. Median of the runs, fastest–slowest beside it,
 * CPU time beside wall time.
 */
function report(label: string, what: string, m: Measured, memory?: { limitMb: number }): BenchResult[] {
  const runs = m.imports.length;
  const floorMs = median(m.floors);
  const floor = { name: `${label}: insert floor`, value: round(floorMs) };
  const spread = (xs: number[]): [number, number] => [round(Math.min(...xs)), round(Math.max(...xs))];
  const ratios = (xs: number[]) => xs.map((x, i) => x / m.floors[i]);
  const commitRatio = round(median(ratios(m.commits)), 2);
  const importRatio = round(median(ratios(m.imports)), 2);
  const rows: BenchResult[] = [
    { name: `${label}: ${what}, whole import (read, parse, preview, commit)`, value: round(median(m.imports)), unit: 'ms', spread: spread(m.imports), cpuMs: round(median(m.importCpu)), floor, ratio: importRatio, runs },
    { name: `${label}: of which commit (one transaction, undo + audit recorded)`, value: round(median(m.commits)), unit: 'ms', spread: spread(m.commits), cpuMs: round(median(m.commitCpu)), floor, ratio: commitRatio, runs },
    { name: `${label}: insert floor (the same rows, prepared statements, one transaction)`, value: round(floorMs), unit: 'ms', spread: spread(m.floors), cpuMs: round(median(m.floorCpu)), runs },
    { name: `${label}: whole import / insert floor`, value: importRatio, unit: '×', spread: [round(Math.min(...ratios(m.imports)), 2), round(Math.max(...ratios(m.imports)), 2)], target: '≤ 2.5×', pass: importRatio <= 2.5, runs },
    { name: `${label}: commit / insert floor`, value: commitRatio, unit: '×', spread: [round(Math.min(...ratios(m.commits)), 2), round(Math.max(...ratios(m.commits)), 2)], target: '≤ 1.5×', pass: commitRatio <= 1.5, runs },
  ];
  const growth = mb(Math.max(0, m.growth));
  if (memory) rows.push({ name: `${label}: memory held by the import (peak RSS growth, largest of the runs)`, value: growth, unit: 'MB', target: `flat (≤ ${memory.limitMb} MB)`, pass: growth <= memory.limitMb });
  rows.push({ name: `${label}: peak RSS`, value: mb(m.peakRss), unit: 'MB' });
  return rows;
}

export async function benchJobsImport(): Promise<BenchResult[]> {
  const file = path.join(tempDir('offramp-bench-src-'), 'jobs.json');
  fs.writeFileSync(file, aJobsList(Array.from({ length: JOBS }, (_, i) => ({
    id: `ftjob-${String(i).padStart(8, '0')}`, suffix: `family-${i % FAMILIES}`, day: Math.floor(i / FAMILIES),
    status: i % 10 === 9 ? 'failed' as const : 'succeeded' as const,
  }))));
  const jobs = (JSON.parse(fs.readFileSync(file, 'utf8')) as { data: Record<string, string | number | null>[] }).data;
  // The floor stores what the import stores: dates as ISO text (worked out here, before any timing).
  const iso = (seconds: string | number | null) => (seconds === null ? null : new Date(Number(seconds) * 1000).toISOString());
  const dates = jobs.map((j) => [iso(j.created_at), iso(j.finished_at)]);
  // What no import of this file can skip: reading it and JSON.parse, in the same process (before the imports, which remove the file), as the preview does it.
  const reads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    JSON.parse(fs.readFileSync(file, 'utf8'));
    reads.push(performance.now() - start);
  }
  const m = await measure(file, async ({ app, call, clientId }, commitStarts) => {
    const preview = await call('imports.jobs.preview', { files: [app.ctx.files.register(file)] });
    commitStarts();
    await call('imports.jobs.commit', { token: preview.token, clientId });
  }, (db) => {
    // The same rows the import writes: one workload per model family, then every job pointing at its workload.
    const now = new Date().toISOString();
    const insertWorkload = db.prepare(`INSERT INTO workloads (id, client_id, name, kind, criticality, deployment, regulated, audit_trail_required, monthly_volume,
      pairwise_feedback, knowledge_change_frequency, source_key, created_at, updated_at) VALUES (?, 1, ?, 'product', 'important', 'cloud', 0, 0, 0, 0, 'monthly', ?, ?, ?)`);
    const insert = db.prepare('INSERT INTO fine_tuning_jobs (id, workload_id, model, fine_tuned_model, status, created_at, finished_at, trained_tokens, training_file, suffix) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES (1, 'Bench', ?, ?)").run(now, now);
    db.transaction(() => {
      for (let f = 0; f < FAMILIES; f++) insertWorkload.run(f + 1, `family-${f}`, `family-${f}`, now, now);
      jobs.forEach((j, i) => insert.run(j.id, (i % FAMILIES) + 1, j.model, j.fine_tuned_model, j.status, dates[i][0], dates[i][1], j.trained_tokens, j.training_file, j.suffix));
    })();
  });
  const insertFloor = median(m.floors);
  const readFloor = median(reads);
  return [
    ...report('jobs-list import', `${JOBS.toLocaleString('en')} jobs`, m),
    {
      name: 'jobs-list import: reading floor (read the file + JSON.parse, nothing checked), for scale',
      value: round(readFloor), unit: 'ms', spread: [round(Math.min(...reads)), round(Math.max(...reads))],
      floor: { name: 'jobs-list import: insert floor', value: round(insertFloor) }, ratio: round(readFloor / insertFloor, 2), runs: RUNS,
    },
  ];
}

function writeResultsCsv(rows: number): string {
  const file = path.join(tempDir('offramp-bench-src-'), 'results.csv');
  const fd = fs.openSync(file, 'w');
  let batch = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated'];
  for (let i = 0; i < rows; i++) {
    batch.push(`candidate-${i % 4},t${i >> 2},${100 + (i % 900)},0.00${i % 9 + 1},${i % 7 ? 'yes' : 'no'},yes,no,${i % 50 ? 'no' : 'yes'}`);
    if (batch.length === 50_000) {
      fs.writeSync(fd, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  fs.writeSync(fd, batch.length ? `${batch.join('\n')}\n` : '');
  fs.closeSync(fd);
  return file;
}

async function benchEvaluationRows(label: string, rows: number, runs: number, memory?: { limitMb: number }): Promise<BenchResult[]> {
  const file = writeResultsCsv(rows);
  const m = await measure(file, async ({ app, call, workloadId }, commitStarts) => {
    const preview = await call('imports.evaluations.preview', { file: app.ctx.files.register(file), workloadId });
    commitStarts();
    await call('imports.evaluations.commit', { token: preview.token, workloadId, approaches: {} });
  }, (db) => {
    // The same rows into the same schema: the four candidates they belong to exist, as in the app.
    const now = new Date().toISOString();
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES (1, 'Bench', ?, ?)").run(now, now);
    db.prepare(`INSERT INTO workloads (id, client_id, name, kind, criticality, deployment, regulated, audit_trail_required, monthly_volume,
      pairwise_feedback, knowledge_change_frequency, created_at, updated_at) VALUES (1, 1, 'W', 'product', 'important', 'cloud', 0, 0, 0, 0, 'monthly', ?, ?)`).run(now, now);
    for (let c = 1; c <= 4; c++) db.prepare("INSERT INTO candidates (id, workload_id, name, approach, self_hostable) VALUES (?, 1, ?, 'prompting', 0)").run(c, `candidate-${c}`);
    const insert = db.prepare('INSERT INTO evaluation_rows (candidate_id, task_id, latency_ms, cost_usd, correct, grounded, refused, hallucinated, win_vs_baseline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run((i % 4) + 1, `t${i >> 2}`, 100 + (i % 900), 0.001, i % 7 ? 1 : 0, 1, 0, i % 50 ? 0 : 1, null);
    })();
  }, runs);
  return report(label, `${rows.toLocaleString('en')} CSV rows`, m, memory);
}

export async function benchEvaluationImport(): Promise<BenchResult[]> {
  return benchEvaluationRows('evaluation import', EVAL_ROWS, RUNS);
}

/**
 * 1,000,000 rows (about 55 MB of CSV), against its own insert floor. Flat memory is the target: the preview streams
 * the file into a temp table and the commit moves it with one statement, so what the import holds must not grow
 * with the rows.
 */
export async function benchEvaluationImportMillion(): Promise<BenchResult[]> {
  return benchEvaluationRows('evaluation import 1M', 1_000_000, RUNS, { limitMb: 300 });
}
