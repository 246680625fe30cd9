// Channels of the imports: files in, a preview of what will change, then one transaction or nothing.
import { z } from 'zod';
import { mutation, query } from './contract.ts';
import { JOBS } from '../domain/types.ts';
import type { JobProfile, Workload } from '../domain/types.ts';
import type { TrainingAnalysis } from '../analysis/types.ts';

const id = z.number().int().positive();
const filePath = z.string().min(1, 'Choose a file');

export const IMPORT_KINDS = ['jobs', 'training', 'evaluations', 'spreadsheet'] as const;

export interface TaskProgressInfo {
  task: string;
  done: number;
  total: number;
  label: string;
  finished: boolean;
}

export const importsChannels = {
  /** Asks for a file to import (native open dialog); null when the user cancels. */
  'imports.chooseFile': query<string | null>()(z.object({ kind: z.enum(IMPORT_KINDS) })),
  'tasks.progress': query<TaskProgressInfo | null>()(z.object({ task: z.string().min(1) })),
  'tasks.cancel': query<boolean>()(z.object({ task: z.string().min(1) })),

  /** Streams a training JSONL through the analyser (task id for progress and cancel). Writes nothing. */
  'imports.training.analyse': query<TrainingAnalysis & { file: string }>()(z.object({ path: filePath, task: z.string().min(1).default('training-analysis') })),
  /** Accepts (possibly edited) suggested weights into the workload's job profile, keeping the evidence and its source. */
  'imports.training.accept': mutation<{ workload: Workload; profile: JobProfile }>()(z.object({
    workloadId: id,
    file: z.string().min(1),
    weights: z.object(Object.fromEntries(JOBS.map((j) => [j, z.number().min(0).max(100)])) as Record<(typeof JOBS)[number], z.ZodNumber>),
    evidence: z.array(z.string().max(2000)).max(100),
    preferencePairs: z.number().int().min(0).default(0),
  })),
} as const;
