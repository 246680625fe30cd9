// npm run bench: what a user waits for, end to end, printed as one table and written into the README's "Measured"
// table (between its bench markers). Each suite file exports bench*() functions returning BenchResult[]; a suite that
// fails is reported as failed and the others still run. `npm run bench -- plan cli` runs only the files named so;
// `--no-readme` leaves the README alone. Not a test: nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './engine.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const README = path.resolve(here, '../../README.md');
const START = '<!-- bench:measured:start -->';
const END = '<!-- bench:measured:end -->';

/** In the order the README lists them: the user's waits first, then the engine and the import floors. */
const SUITES = ['planScreen.ts', 'imports.ts', 'dbImports.ts', 'roadmap.ts', 'cli.ts', 'fling.ts', 'open.ts', 'analyser1gb.ts', 'engine.ts'];

const args = process.argv.slice(2);
const writeReadme = !args.includes('--no-readme');
const only = args.includes('--child') || args.includes('--list') ? [] : args.filter((a) => !a.startsWith('--'));

interface SuiteResult { file: string; results: BenchResult[] }

/** The bench functions a suite file exports, in their order. */
async function benchesOf(file: string): Promise<[string, () => Promise<BenchResult[]>][]> {
  const mod = (await import(`./${file}`)) as Record<string, unknown>;
  return Object.entries(mod).filter(([name, fn]) => name.startsWith('bench') && typeof fn === 'function') as [string, () => Promise<BenchResult[]>][];
}

async function runSuite(file: string, only?: string): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const [name, fn] of await benchesOf(file)) {
    if (only !== undefined && name !== only) continue;
    process.stdout.write(`running ${file} ${name}…\n`);
    try {
      const results = await fn();
      for (const r of results) printRow(r);
      out.push(...results);
    } catch (e) {
      process.stdout.write(`  ${file} ${name} failed: ${(e as Error).message}\n`);
      out.push({ name: `${file} ${name} failed: ${(e as Error).message.split('\n')[0]}`, value: 0, unit: '', pass: false });
    }
  }
  return out;
}

function spreadText(r: BenchResult): string {
  return r.spread ? ` (${r.spread[0]}–${r.spread[1]})` : '';
}

function printRow(r: BenchResult): void {
  const verdict = r.pass === undefined ? '' : r.pass ? '  ok' : '  MISSED';
  const extra = [r.cpuMs !== undefined ? `cpu ${r.cpuMs} ms` : '', r.ratio !== undefined ? `${r.ratio}× floor` : ''].filter(Boolean).join(', ');
  process.stdout.write(`  ${r.name.padEnd(78)} ${`${r.value}${spreadText(r)}`.padStart(16)} ${r.unit.padEnd(3)} ${extra ? `[${extra}] ` : ''}${r.target ?? ''}${verdict}\n`);
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The README table: one row per figure, the target beside it, the floor and the ratio when measured. */
export function measuredTable(suites: SuiteResult[], when: string): string {
  const lines = [
    `Measured by \`npm run bench\` on ${when}: median of ${suites.flatMap((s) => s.results).find((r) => r.runs)?.runs ?? 3} runs (fastest–slowest in brackets); ` +
      'wall time unless it says CPU; CPU is the median user+system time of the processes doing the work (main process, Chromium, child processes); ' +
      'the floor is measured in the same run, so a busy machine moves both.',
    '',
    '| what | measured | CPU | floor (same run) | ratio | target | |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of suites) {
    for (const r of s.results) {
      const verdict = r.pass === undefined ? '' : r.pass ? 'met' : '**missed**';
      lines.push(`| ${cell(r.name)} | ${r.value} ${r.unit}${spreadText(r)} | ${r.cpuMs !== undefined ? `${r.cpuMs} ms` : ''} | ${r.floor ? `${cell(r.floor.name)}: ${r.floor.value} ${r.unit}` : ''} | ${r.ratio !== undefined ? `${r.ratio}×` : ''} | ${cell(r.target ?? '')} | ${verdict} |`);
    }
  }
  return lines.join('\n');
}

function updateReadme(table: string): void {
  const text = fs.readFileSync(README, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) {
    process.stdout.write(`README has no ${START} … ${END} markers; table not written\n`);
    return;
  }
  fs.writeFileSync(README, `${text.slice(0, a + START.length)}\n${table}\n${text.slice(b)}`);
  process.stdout.write('README "Measured" table regenerated\n');
}

/**
 * Suites whose runs start from a settled heap (--expose-gc, global.gc before each run): an import's run then pays for
 * its own garbage, not for the previous run's and its floor's, as a user's import follows an idle moment in a file
 * dialog. Not the others: after a forced full collection V8 shrinks the young generation, and allocation-heavy code
 * (the engine, the analyser) then reads up to a third slower than in an app that never forces one.
 */
const SETTLED_HEAP = new Set(['dbImports.ts']);

/** Runs this script in a fresh Node process with `args`; what it wrote to its out file, or null if it wrote nothing. */
function inChild<T>(args: string[]): { value: T | null; status: string } {
  const out = path.join(os.tmpdir(), `offramp-bench-${process.pid}-${args.join('-').replace(/[^\w.-]/g, '_')}.json`);
  const gc = SETTLED_HEAP.has(args[1]) ? ['--expose-gc'] : [];
  const child = spawnSync(process.execPath, [...process.execArgv, ...gc, fileURLToPath(import.meta.url), ...args, out], { stdio: 'inherit' });
  try {
    return { value: fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as T) : null, status: String(child.status ?? child.signal) };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/**
 * Each bench function runs in a fresh Node process (this script with --child), as the app's processes start: in one
 * shared process the engine, measured last, ran a third slower on the heap the analyser's gigabyte and the million-row
 * import had left behind, and the jobs-list import, measured after the million-row evaluation import, up to a third
 * slower than alone.
 */
function runSuiteInChild(file: string): BenchResult[] {
  const names = inChild<string[]>(['--list', file]);
  if (names.value === null) return [{ name: `${file} failed: listing its benches exited with ${names.status}`, value: 0, unit: '', pass: false }];
  return names.value.flatMap((name) => {
    const run = inChild<BenchResult[]>(['--child', file, name]);
    return run.value ?? [{ name: `${file} ${name} failed: its process exited with ${run.status}`, value: 0, unit: '', pass: false }];
  });
}

const listAt = process.argv.indexOf('--list');
if (listAt !== -1) {
  const [file, out] = process.argv.slice(listAt + 1);
  fs.writeFileSync(out, JSON.stringify((await benchesOf(file)).map(([name]) => name)));
  process.exit(0);
}
const childAt = process.argv.indexOf('--child');
if (childAt !== -1) {
  const [file, name, out] = process.argv.slice(childAt + 1);
  fs.writeFileSync(out, JSON.stringify(await runSuite(file, name)));
  process.exit(0);
}

const suites: SuiteResult[] = [];
for (const file of SUITES) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  if (!fs.existsSync(path.join(here, file))) continue;
  suites.push({ file, results: runSuiteInChild(file) });
}

const rows = suites.flatMap((s) => s.results);
const missed = rows.filter((r) => r.pass === false);
process.stdout.write(`\n${rows.length} figures, ${missed.length} targets missed\n`);
// A partial run (named suites) would drop the others' rows: only a full run rewrites the README.
// The load average says how busy the machine was: figures from a shared, busy machine read against their floors.
if (writeReadme && only.length === 0) updateReadme(measuredTable(suites, `${os.cpus().length} cores (load average ${os.loadavg()[0].toFixed(1)} at the end), Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`));
process.exitCode = missed.length ? 1 : 0;
