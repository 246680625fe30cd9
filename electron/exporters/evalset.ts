// Writes a held-out evaluation set from a training file: a promptfoo config (YAML or JSON, by the
// output's extension) and, for style and ranking workloads whose file has preference pairs, the pairs
// in DPO JSONL next to it. One streaming pass; nothing is written to the workspace.

import fs from 'node:fs';
import path from 'node:path';
import type { Job } from '../../shared/domain/types.ts';
import { isProblem, parseExample } from '../../shared/analysis/parseExample.ts';
import { createEvalSetSampler } from '../../shared/evalset/sampleCases.ts';
import { promptfooConfigText, promptfooTestCases } from '../../shared/evalset/promptfooTests.ts';
import { dpoLine, dpoPair } from '../../shared/evalset/dpoPairs.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { EvalSetExportResult } from '../../shared/ipc/evalset.ts';
import { readLines } from '../importers/readLines.ts';
import type { ReadLinesOptions } from '../importers/readLines.ts';

export interface EvalSetExport {
  trainingFile: string;
  out: string;
  n: number;
  seed: number;
  job: Job | null;
  /** Every job weighing 20 or more in the profile: DPO pairs are written when style or ranking is one. */
  jobs: Job[];
  workloadName: string;
}

/** What an export wrote; `file` and `pairsFile` are full paths here (the IPC handler hands the renderer their names only). */
export type EvalSetSummary = EvalSetExportResult;

/** The DPO file beside the evaluation set: evalset.yaml → evalset.dpo.jsonl. */
export function pairsFileFor(out: string): string {
  const ext = path.extname(out);
  return `${ext ? out.slice(0, -ext.length) : out}.dpo.jsonl`;
}

export async function exportEvalSet(x: EvalSetExport, options: ReadLinesOptions = {}): Promise<EvalSetSummary> {
  const sampler = createEvalSetSampler({ n: x.n, seed: x.seed });
  const wantPairs = x.jobs.includes('style') || x.jobs.includes('ranking');
  const pairsFile = pairsFileFor(x.out);
  const pairsTmp = `${pairsFile}.part`;
  let pairsFd: number | null = wantPairs ? fs.openSync(pairsTmp, 'w') : null;
  let pairs = 0;
  try {
    await readLines(
      x.trainingFile,
      {
        onLine(text, lineNo) {
          sampler.addLine(text, lineNo);
          if (pairsFd === null || text.trim() === '') return;
          try {
            const ex = parseExample(JSON.parse(text));
            const pair = isProblem(ex) ? null : dpoPair(ex);
            if (pair) {
              fs.writeSync(pairsFd, dpoLine(pair));
              pairs += 1;
            }
          } catch {
            // an unreadable line is counted by the sampler as skipped
          }
        },
        onTooLong: () => undefined,
      },
      options,
    );
    if (pairsFd !== null) {
      fs.closeSync(pairsFd);
      pairsFd = null;
    }
    const sample = sampler.finish();
    if (sample.examples === 0) {
      throw new OfframpError({
        code: 'import_invalid',
        message: `${path.basename(x.trainingFile)} has no readable training example to sample an evaluation set from; analyse it on the Imports screen to see why.`,
        file: x.trainingFile,
      });
    }
    const format = path.extname(x.out).toLowerCase() === '.json' ? 'json' : 'yaml';
    const setOptions = { job: x.job, trainingFile: path.basename(x.trainingFile), workloadName: x.workloadName };
    fs.writeFileSync(x.out, promptfooConfigText(sample, setOptions, format));
    const keepPairs = wantPairs && pairs > 0;
    if (keepPairs) fs.renameSync(pairsTmp, pairsFile);
    const assertions: Record<string, number> = {};
    for (const t of promptfooTestCases(sample, setOptions)) {
      for (const type of new Set(t.assert.map((a) => a.type))) assertions[type] = (assertions[type] ?? 0) + 1;
    }
    return { file: x.out, pairsFile: keepPairs ? pairsFile : null, cases: sample.cases.length, examples: sample.examples, skipped: sample.skipped, pairs: sample.pairs, assertions };
  } finally {
    if (pairsFd !== null) fs.closeSync(pairsFd);
    fs.rmSync(pairsTmp, { force: true });
  }
}
