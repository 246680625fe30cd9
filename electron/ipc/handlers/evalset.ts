// Handler of the evaluation-set export: the user picks where to save, the training file streams once.
import path from 'node:path';
import { JOBS } from '../../../shared/domain/types.ts';
import type { Job, JobProfile } from '../../../shared/domain/types.ts';
import type { evalsetChannels } from '../../../shared/ipc/evalset.ts';
import type { HandlerMap } from '../context.ts';
import { getJobProfile, getWorkload } from '../../db/workloads.ts';
import { exportEvalSet } from '../../exporters/evalset.ts';
import { formatBytes } from '../../importers/readLines.ts';

/** The jobs weighing 20 or more in a profile (the decision tree's threshold), heaviest first. */
export function jobsOf(profile: JobProfile | null): Job[] {
  if (!profile) return [];
  return [...JOBS].filter((j) => profile.weights[j] >= 20).sort((a, b) => profile.weights[b] - profile.weights[a]);
}

/** The job that weighs most in an accepted profile (20 or more), or null. */
export function topJobOf(profile: JobProfile | null): Job | null {
  if (!profile) return null;
  const best = [...JOBS].sort((a, b) => profile.weights[b] - profile.weights[a])[0];
  return profile.weights[best] >= 20 ? best : null;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'workload';
}

export const evalsetHandlers: HandlerMap<keyof typeof evalsetChannels> = {
  'evalset.export': async ({ workloadId, file: handle, n, seed, format, task }, ctx) => {
    const trainingFile = ctx.files.resolve(handle);
    const db = ctx.workspace.database();
    const workload = getWorkload(db, workloadId);
    const profile = getJobProfile(db, workloadId);
    const job = topJobOf(profile);
    const out = await ctx.platform.chooseSavePath({
      title: 'Save the evaluation set (promptfoo)',
      defaultName: `${slug(workload.name)}-evalset.${format}`,
      filters: [format === 'json' ? { name: 'promptfoo config (JSON)', extensions: ['json'] } : { name: 'promptfoo config (YAML)', extensions: ['yaml', 'yml'] }],
    });
    if (out === null) return null;
    const summary = await ctx.tasks.run(task, `Sampling ${path.basename(trainingFile)}`, (signal, report) =>
      exportEvalSet(
        { trainingFile, out, n, seed, job, jobs: jobsOf(profile), workloadName: workload.name },
        { signal, onProgress: (done, total) => report(done, total, `Sampling ${path.basename(trainingFile)}: ${formatBytes(done)} of ${formatBytes(total)}`) },
      ),
    );
    return { ...summary, file: path.basename(summary.file), pairsFile: summary.pairsFile === null ? null : path.basename(summary.pairsFile) };
  },
};
