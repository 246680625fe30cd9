// Benchmark of the pure engine: decide and schedule 5,000 workloads across 50 clients, capacity off and on.
import { performance } from 'node:perf_hooks';
import { generatePortfolio } from '../../shared/sample/generate.ts';
import { buildPortfolio } from '../../shared/portfolio.ts';
import type { WorkspaceSnapshot } from '../../shared/domain/snapshot.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
  /** Fastest and slowest run, in `unit` (the value is the median). */
  spread?: [number, number];
  /** Median CPU time of the work, in ms, beside the wall time. */
  cpuMs?: number;
  /** A floor measured in the same run, in `unit`, and the value's ratio to it. */
  floor?: { name: string; value: number };
  ratio?: number;
  runs?: number;
  note?: string;
}

const TODAY = '2026-03-02';
const TARGET_MS = 200;
const TARGET_MB = 150;
const RUNS = 7;
const WARM_UPS = 3;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
}

/** Collects garbage first when node runs with --expose-gc, so the heap figure is the engine's, not leftovers. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/**
 * Median of several runs after warm-ups, so JIT compilation does not count against the engine.
 * Memory: heapUsed/rss sampled right after each run (garbage included, so an upper bound), and the
 * heap the engine added over the workspace snapshot it was given.
 */
function timeIt(snapshot: WorkspaceSnapshot): { ms: number; cpuMs: number; peakHeap: number; peakRss: number; engineHeap: number } {
  const evaluations = new Map();
  for (let i = 0; i < WARM_UPS; i++) buildPortfolio(snapshot, TODAY, evaluations);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let peakHeap = 0;
  let peakRss = 0;
  let engineHeap = 0;
  for (let i = 0; i < RUNS; i++) {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const portfolio = buildPortfolio(snapshot, TODAY, evaluations);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    const mem = process.memoryUsage();
    peakHeap = Math.max(peakHeap, mem.heapUsed);
    peakRss = Math.max(peakRss, mem.rss);
    engineHeap = Math.max(engineHeap, mem.heapUsed - before);
    if (portfolio.workloads.length !== snapshot.workloads.length) throw new Error('benchmark produced the wrong number of plans');
  }
  return { ms: median(times), cpuMs: median(cpuTimes), peakHeap, peakRss, engineHeap };
}

export async function benchEngine(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const capacity of [null, 25]) {
    const snapshot = generatePortfolio({ clients: 50, workloads: 5_000, seed: 42, today: TODAY, capacity });
    const { ms, cpuMs, peakHeap, peakRss, engineHeap } = timeIt(snapshot);
    const label = capacity === null ? 'capacity off' : `capacity ${capacity}`;
    results.push({ name: `engine: recommend + schedule 5,000 workloads / 50 clients (${label})`, value: ms, unit: 'ms', target: `< ${TARGET_MS} ms`, pass: ms < TARGET_MS });
    // CPU time (all threads, GC helpers included) tells a busy machine apart from a slow engine.
    results.push({ name: `engine: CPU time of that run (${label})`, value: cpuMs, unit: 'ms' });
    results.push({ name: `engine: heap added by one run (${label})`, value: mb(engineHeap), unit: 'MB', target: `< ${TARGET_MB} MB`, pass: mb(engineHeap) < TARGET_MB });
    // Includes the 5,000-workload snapshot and uncollected garbage unless node runs with --expose-gc.
    results.push({ name: `engine: peak heap used, workspace included (${label})`, value: mb(peakHeap), unit: 'MB' });
    results.push({ name: `engine: peak rss (${label})`, value: mb(peakRss), unit: 'MB' });
  }
  return results;
}
