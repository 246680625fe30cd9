// Measures the training-data analyser against a labelled corpus: a folder of training files and a
// labels.txt of `FILE=job` or `FILE=job1|job2` lines. Shared by `npm run eval:analyser` and the test
// that pins the figure.

import fs from 'node:fs';
import path from 'node:path';
import { JOBS } from '../shared/domain/types.ts';
import type { Job } from '../shared/domain/types.ts';
import { analyseTrainingFile } from '../electron/importers/analyseTrainingFile.ts';

export interface CorpusLabel {
  file: string;
  expected: Job[];
  line: number;
}

export interface CorpusResult {
  file: string;
  expected: Job[];
  /** Where the file was found, or null when it is absent (skipped). */
  path: string | null;
  /** The analyser's top job; null when it found none or refused the file. */
  found: Job | null;
  /** Weight the analyser gave each expected job (the best one counts). */
  expectedWeight: number;
  weights: Record<Job, number> | null;
  refused: string | null;
  shape: string | null;
  agrees: boolean;
}

export interface CorpusReport {
  results: CorpusResult[];
  evaluated: number;
  skipped: number;
  agreed: number;
  /** Files whose expected job weighs under 20: wrong by a wide margin. */
  wideMisses: CorpusResult[];
  /** confusion[expectedFirst][found | 'none'] = count */
  confusion: Record<Job, Record<Job | 'none', number>>;
}

const LABEL = /^([^=#][^=]*)=\s*([a-z|\s]+)$/;

/** Reads labels.txt; a line that names an unknown job is an error naming the line. */
export function readLabels(file: string): CorpusLabel[] {
  const out: CorpusLabel[] = [];
  fs.readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const m = LABEL.exec(text);
      const jobs = m ? m[2].split('|').map((j) => j.trim()) : [];
      if (!m || jobs.length === 0 || jobs.some((j) => !(JOBS as readonly string[]).includes(j))) {
        throw new Error(`${path.basename(file)} line ${i + 1}: "${text}" is not FILE=job or FILE=job1|job2 with jobs among ${JOBS.join(', ')}.`);
      }
      out.push({ file: m[1].trim(), expected: jobs as Job[], line: i + 1 });
    });
  return out;
}

export async function evaluateCorpus(dir: string, extraDirs: string[] = []): Promise<CorpusReport> {
  const labels = readLabels(path.join(dir, 'labels.txt'));
  const results: CorpusResult[] = [];
  for (const label of labels) {
    const where = [dir, ...extraDirs].map((d) => path.join(d, label.file)).find((p) => fs.existsSync(p)) ?? null;
    const base = { file: label.file, expected: label.expected, path: where };
    if (!where) {
      results.push({ ...base, found: null, expectedWeight: 0, weights: null, refused: null, shape: null, agrees: false });
      continue;
    }
    try {
      const a = await analyseTrainingFile(where);
      const expectedWeight = Math.max(...label.expected.map((j) => a.suggestedWeights[j]));
      const found = a.topJob;
      // A tie at the top counts for the expected job: the profile weighs both the same.
      const agrees = found !== null && (label.expected.includes(found) || expectedWeight === a.suggestedWeights[found]);
      results.push({ ...base, found, expectedWeight, weights: a.suggestedWeights, refused: null, shape: shapeOf(a), agrees });
    } catch (e) {
      results.push({ ...base, found: null, expectedWeight: 0, weights: null, refused: e instanceof Error ? e.message : String(e), shape: null, agrees: false });
    }
  }
  const evaluatedResults = results.filter((r) => r.path !== null);
  const confusion = Object.fromEntries(JOBS.map((e) => [e, Object.fromEntries([...JOBS, 'none'].map((f) => [f, 0]))])) as CorpusReport['confusion'];
  for (const r of evaluatedResults) confusion[r.expected[0]][r.agrees ? r.expected.find((j) => j === r.found) ?? r.expected[0] : (r.found ?? 'none')] += 1;
  return {
    results,
    evaluated: evaluatedResults.length,
    skipped: results.length - evaluatedResults.length,
    agreed: evaluatedResults.filter((r) => r.agrees).length,
    wideMisses: evaluatedResults.filter((r) => r.expectedWeight < 20),
    confusion,
  };
}

function shapeOf(a: { shapes?: Record<string, number> }): string | null {
  if (!a.shapes) return null;
  const present = Object.entries(a.shapes).filter(([, n]) => n > 0).map(([s]) => s);
  return present.length ? present.join(', ') : null;
}

export function agreementPercent(r: CorpusReport): number {
  return r.evaluated === 0 ? 0 : Math.round((1000 * r.agreed) / r.evaluated) / 10;
}

/** The report as Markdown tables: per-file results, the confusion matrix, and the agreement line. */
export function formatReport(r: CorpusReport): string {
  const lines: string[] = [];
  lines.push(`Top-job agreement: ${r.agreed} of ${r.evaluated} files (${agreementPercent(r)}%)${r.skipped ? `; ${r.skipped} absent, skipped` : ''}.`);
  lines.push(`Files whose expected job weighs under 20: ${r.wideMisses.length === 0 ? 'none' : r.wideMisses.map((m) => m.file).join(', ')}.`);
  lines.push('');
  lines.push('| File | Expected | Found | Weights (K F S B R) | Shape | |');
  lines.push('|---|---|---|---|---|---|');
  for (const x of r.results) {
    if (x.path === null) {
      lines.push(`| ${x.file} | ${x.expected.join(' or ')} | (absent) | | | skipped |`);
      continue;
    }
    const w = x.weights ? JOBS.map((j) => x.weights![j]).join(' ') : '';
    const found = x.refused ? `refused: ${x.refused.slice(0, 60)}` : (x.found ?? 'none');
    lines.push(`| ${x.file} | ${x.expected.join(' or ')} | ${found} | ${w} | ${x.shape ?? ''} | ${x.agrees ? 'ok' : 'MISS'} |`);
  }
  lines.push('');
  lines.push(`| expected \\ found | ${JOBS.join(' | ')} | none |`);
  lines.push(`|---|${JOBS.map(() => '---').join('|')}|---|`);
  for (const e of JOBS) lines.push(`| ${e} | ${[...JOBS, 'none' as const].map((f) => r.confusion[e][f] || '·').join(' | ')} |`);
  return lines.join('\n');
}
