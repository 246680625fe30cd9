// Handlers of the imports.
import path from 'node:path';
import type { importsChannels } from '../../../shared/ipc/imports.ts';
import { JOBS, type JobProfile } from '../../../shared/domain/types.ts';
import type { HandlerMap } from '../context.ts';
import { analyseTrainingFile } from '../../importers/analyseTrainingFile.ts';
import { formatBytes } from '../../importers/readLines.ts';
import fs from 'node:fs';
import { getJobProfile, getWorkload, setJobProfile, updateWorkload } from '../../db/workloads.ts';
import { parseJobsList, type JobsListImport } from '../../../shared/imports/jobsList.ts';
import { applyDraft, draftAction } from '../../db/jobs.ts';
import { getClient } from '../../db/clients.ts';
import { PendingImports } from '../../services/pending.ts';
import { OfframpError } from '../../../shared/errors.ts';

/** JSON files are read whole; beyond this size the jobs list is certainly not one. */
const MAX_JSON_BYTES = 256 * 1024 * 1024;
const pendingJobs = new PendingImports<{ files: string[]; parsed: JobsListImport }>();

function readTextFile(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new OfframpError({ code: 'io', file, message: `${file} cannot be read; check that it exists.` });
  }
  if (size > MAX_JSON_BYTES) throw new OfframpError({ code: 'import_invalid', file, message: `${path.basename(file)} is ${Math.round(size / 1024 / 1024)} MB; a jobs list over 256 MB is not supported. Export fewer pages at a time.` });
  return fs.readFileSync(file, 'utf8');
}

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

  'imports.jobs.preview': ({ paths }, ctx) => {
    const parsed = parseJobsList(paths.map((file) => ({ name: file, text: readTextFile(file) })));
    const db = ctx.workspace.database();
    const token = pendingJobs.put({ files: paths, parsed });
    return {
      token,
      files: paths,
      drafts: parsed.drafts.map((d) => ({
        key: d.key, name: d.name, baseModel: d.baseModel, fineTunedModel: d.fineTunedModel ?? '', jobsTotal: d.jobs.length,
        succeeded: d.succeededCount, notCounted: d.jobs.filter((j) => !j.counted).length, retrainCadenceDays: d.retrainCadenceDays,
        lastRetrainDate: d.lastRetrainDate, ...draftAction(db, d),
      })),
      skipped: parsed.skipped.map((s) => ({ id: s.id ?? `#${s.index + 1}`, status: '', reason: `${path.basename(s.file)}: ${s.reason}` })),
    };
  },
  'imports.jobs.commit': ({ token, clientId }, _ctx, db, rec) => {
    getClient(db, clientId);
    const { parsed } = pendingJobs.take(token);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const draft of parsed.drafts) {
      const action = applyDraft(db, rec, draft, clientId);
      counts[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged']++;
    }
    return counts;
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
