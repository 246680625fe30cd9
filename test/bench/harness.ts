// Shared by the end-to-end benchmarks: repeat a measurement, report its median with the spread, CPU beside wall,
// and the ratio to a floor measured in the same run (so a busy machine moves both, not the verdict).
import { performance } from 'node:perf_hooks';
import type { BenchResult } from './engine.ts';

export interface Sample {
  wallMs: number;
  /** CPU of the processes that did the work, when known (this process, or a child's user+sys). */
  cpuMs?: number;
}

export const RUNS = Number(process.env.OFFRAMP_BENCH_RUNS ?? 3);

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}

export const round = (v: number, digits = 0) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Runs `measure` RUNS times (after `warmUps`) and returns the samples. */
export async function repeat(measure: (run: number) => Promise<Sample> | Sample, warmUps = 0): Promise<Sample[]> {
  for (let i = 0; i < warmUps; i++) await measure(-1 - i);
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await measure(i));
  return samples;
}

/** Times a function in this process: wall and CPU (all threads of this process). */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; sample: Sample }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, sample: { wallMs, cpuMs: (used.user + used.system) / 1000 } };
}

export interface Figure {
  name: string;
  samples: Sample[];
  unit?: 'ms' | 's';
  /** e.g. '≤ 1 s' (wall) — checked against the median with `limit`. */
  target?: string;
  limit?: number;
  /** A floor measured in the same run; the ratio is median / floor median. */
  floor?: { name: string; samples: Sample[] };
  /** A target on the ratio to the floor instead of (or beside) the absolute one, e.g. { text: '≤ 3×', max: 3 }. */
  ratioTarget?: { text: string; max?: number; min?: number };
  /** Compare CPU rather than wall for the ratio (e.g. CLI vs npm -v). */
  ratioOf?: 'wall' | 'cpu';
  note?: string;
}

const scale = (ms: number, unit: 'ms' | 's') => (unit === 's' ? round(ms / 1000, 2) : round(ms));

/** One BenchResult for the README table: median, spread, CPU, floor ratio and verdict. */
export function figure(f: Figure): BenchResult {
  const unit = f.unit ?? 'ms';
  const walls = f.samples.map((s) => s.wallMs);
  const cpus = f.samples.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
  const med = median(walls);
  const cpu = cpus.length ? median(cpus) : undefined;
  let ratio: number | undefined;
  if (f.floor) {
    const of = f.ratioOf ?? 'wall';
    const mine = of === 'cpu' ? (cpu ?? med) : med;
    const floorValues = f.floor.samples.map((s) => (of === 'cpu' ? s.cpuMs ?? s.wallMs : s.wallMs));
    ratio = round(mine / Math.max(1e-6, median(floorValues)), 2);
  }
  let pass: boolean | undefined;
  if (f.limit !== undefined) pass = med <= f.limit;
  if (f.ratioTarget && ratio !== undefined) {
    const ok = (f.ratioTarget.max === undefined || ratio <= f.ratioTarget.max) && (f.ratioTarget.min === undefined || ratio >= f.ratioTarget.min);
    pass = pass === undefined ? ok : pass && ok;
  }
  return {
    name: f.name,
    value: scale(med, unit),
    unit,
    target: [f.target, f.ratioTarget ? `${f.ratioTarget.text} the floor` : undefined].filter(Boolean).join('; ') || undefined,
    pass,
    spread: [scale(Math.min(...walls), unit), scale(Math.max(...walls), unit)],
    cpuMs: cpu === undefined ? undefined : round(cpu),
    floor: f.floor ? { name: f.floor.name, value: scale(median(f.floor.samples.map((s) => s.wallMs)), unit) } : undefined,
    ratio,
    runs: f.samples.length,
    note: f.note,
  };
}
