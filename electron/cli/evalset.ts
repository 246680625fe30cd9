// `cli evalset`: the training data reused as the benchmark — a promptfoo config of N tasks sampled
// (by seed) from a training file, plus DPO JSONL pairs for style and ranking workloads.
import path from 'node:path';
import { OfframpError } from '../../shared/errors.ts';
import { getJobProfile, getWorkload } from '../db/workloads.ts';
import { exportEvalSet } from '../exporters/evalset.ts';
import { jobsOf, topJobOf } from '../ipc/handlers/evalset.ts';
import { openForCli, requireOption, type CliCommand } from './commands.ts';

function wholeNumber(values: Record<string, string | boolean | undefined>, name: string, fallback: number, min: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new OfframpError({ code: 'invalid_payload', field: `--${name}`, message: `--${name} must be a whole number of at least ${min}` });
  return n;
}

export const evalsetCommand: CliCommand = {
  summary: 'Sample an evaluation set (promptfoo YAML or JSON by --out extension) from a training file; DPO pairs for style/ranking workloads.',
  usage: 'evalset --db FILE --workload ID --training FILE.jsonl --out FILE [--n 200] [--seed 1]',
  options: { db: { type: 'string' }, workload: { type: 'string' }, training: { type: 'string' }, out: { type: 'string' }, n: { type: 'string' }, seed: { type: 'string' } },
  async run(values, io) {
    const workloadId = wholeNumber(values, 'workload', NaN, 1);
    if (Number.isNaN(workloadId)) throw new OfframpError({ code: 'invalid_payload', field: '--workload', message: '--workload is required (the workload id, as `npm run cli -- export` shows it)' });
    const trainingFile = io.resolve(requireOption(values, 'training'));
    if (!io.exists(trainingFile)) throw new OfframpError({ code: 'io', field: '--training', message: `${path.basename(trainingFile)} does not exist; give the training JSONL the workload was fine-tuned on.`, file: trainingFile });
    const out = io.resolve(requireOption(values, 'out'));
    const ws = openForCli(io.resolve(requireOption(values, 'db')), { readOnly: true });
    try {
      const db = ws.database();
      const workload = getWorkload(db, workloadId);
      const profile = getJobProfile(db, workloadId);
      const s = await exportEvalSet({ trainingFile, out, n: wholeNumber(values, 'n', 200, 1), seed: wholeNumber(values, 'seed', 1, 0), job: topJobOf(profile), jobs: jobsOf(profile), workloadName: workload.name });
      const kinds = Object.entries(s.assertions).map(([t, k]) => `${t} ${k}`).join(', ');
      io.out(`Wrote ${path.basename(s.file)}: ${s.cases} of ${s.examples} tasks${s.skipped ? ` (${s.skipped} unreadable lines skipped)` : ''}; assertions: ${kinds}.\n`);
      if (s.pairsFile) io.out(`Wrote ${path.basename(s.pairsFile)}: ${s.pairs} preference pairs (prompt, chosen, rejected).\n`);
    } finally {
      ws.close();
    }
    return 0;
  },
};
