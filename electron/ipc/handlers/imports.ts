// Handlers of the imports.
import path from 'node:path';
import type { importsChannels } from '../../../shared/ipc/imports.ts';
import { JOBS, type JobProfile } from '../../../shared/domain/types.ts';
import type { HandlerMap } from '../context.ts';
import { analyseTrainingFile } from '../../importers/analyseTrainingFile.ts';
import { formatBytes } from '../../importers/readLines.ts';
import { getJobProfile, getWorkload, setJobProfile, updateWorkload } from '../../db/workloads.ts';

const FILTERS = {
  jobs: [{ name: 'Fine-tuning jobs list (JSON)', extensions: ['json'] }],
  training: [{ name: 'Training data (JSON Lines)', extensions: ['jsonl', 'json', 'txt'] }],
  evaluations: [{ name: 'Evaluation results (promptfoo JSON or CSV)', extensions: ['json', 'csv'] }],
  spreadsheet: [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }],
} as const;

export const importsHandlers: HandlerMap<keyof typeof importsChannels> = {
  'imports.chooseFile': ({ kind }, ctx) => ctx.platform.chooseOpenPath({ title: 'Choose a file to import', filters: FILTERS[kind].map((f) => ({ ...f, extensions: [...f.extensions] })) }),
  'tasks.progress': ({ task }, ctx) => ctx.tasks.progress(task),
  'tasks.cancel': ({ task }, ctx) => ctx.tasks.cancel(task),

  'imports.training.analyse': async ({ path: file, task }, ctx) => {
    const analysis = await ctx.tasks.run(task, `Analysing ${path.basename(file)}`, (signal, report) => analyseTrainingFile(file, {
      signal,
      onProgress: (done, total) => report(done, total, `Analysing ${path.basename(file)}: ${formatBytes(done)} of ${formatBytes(total)}`),
    }));
    return { ...analysis, file };
  },

  'imports.training.accept': ({ workloadId, file, weights, evidence, preferencePairs }, _ctx, db, rec) => {
    const workload = getWorkload(db, workloadId);
    const previous = getJobProfile(db, workloadId);
    const source = `Training data ${path.basename(file)}`;
    const profile: JobProfile = {
      workloadId,
      weights,
      sources: Object.fromEntries(JOBS.map((j) => [j, 'analysis'])) as JobProfile['sources'],
      confirmed: true,
      evidence: [...(previous?.evidence.filter((e) => !e.startsWith('Training data ')) ?? []), ...evidence.map((e) => `${source}: ${e}`)],
      answers: previous?.answers ?? null,
    };
    const saved = setJobProfile(db, rec, profile);
    const updated = preferencePairs > workload.pairwiseFeedback ? updateWorkload(db, rec, { ...workload, pairwiseFeedback: preferencePairs }) : workload;
    return { workload: updated, profile: saved };
  },
};
