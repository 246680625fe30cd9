// npm run bench: speed and memory targets of every area, printed as one table (not timed tests).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './engine.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const suites: { file: string; fn: string }[] = [
  { file: 'engine.ts', fn: 'benchEngine' },
  { file: 'dbImports.ts', fn: 'benchDbImports' },
  { file: 'imports.ts', fn: 'benchImports' },
  { file: 'roadmap.ts', fn: 'benchRoadmap' },
];
const only = process.argv.slice(2);

const rows: BenchResult[] = [];
for (const s of suites) {
  if (only.length && !only.some((o) => s.file.startsWith(o))) continue;
  if (!fs.existsSync(path.join(here, s.file))) continue;
  const mod = (await import(`./${s.file}`)) as Record<string, () => Promise<BenchResult[]>>;
  process.stdout.write(`running ${s.file}…\n`);
  try {
    const results = await mod[s.fn]();
    rows.push(...results);
    for (const r of results) printRow(r);
  } catch (e) {
    process.stdout.write(`  ${s.file} failed: ${(e as Error).message}\n`);
    rows.push({ name: `${s.file} failed`, value: 0, unit: '', pass: false });
  }
}

function printRow(r: BenchResult): void {
  const verdict = r.pass === undefined ? '' : r.pass ? '  ok' : '  MISSED';
  process.stdout.write(`  ${r.name.padEnd(78)} ${String(r.value).padStart(9)} ${r.unit.padEnd(3)} ${r.target ?? ''}${verdict}\n`);
}

const missed = rows.filter((r) => r.pass === false);
process.stdout.write(`\n${rows.length} figures, ${missed.length} targets missed\n`);
process.exitCode = missed.length ? 1 : 0;
