// Channels of the evaluation set: the training data reused as the benchmark.
import { z } from 'zod';
import { query } from './contract.ts';

export interface EvalSetExportResult {
  /** Names of the written files (never their paths). */
  file: string;
  pairsFile: string | null;
  cases: number;
  examples: number;
  skipped: number;
  pairs: number;
  /** How many tests use each promptfoo assertion type. */
  assertions: Record<string, number>;
}

export const evalsetChannels = {
  /**
   * Samples N tasks (reproducibly by seed) from a training file into a promptfoo config the user
   * saves (YAML or JSON), plus DPO JSONL pairs for style and ranking workloads; null when the user
   * cancels the save dialog. Writes files, not the workspace.
   */
  'evalset.export': query<EvalSetExportResult | null>()(z.object({
    workloadId: z.number().int().positive(),
    file: z.string().min(1, 'Choose a training file').max(1000),
    n: z.number().int().min(1, 'Ask for at least 1 task').max(10_000, 'Ask for at most 10,000 tasks').default(200),
    seed: z.number().int().min(0).max(2_147_483_647).default(1),
    format: z.enum(['yaml', 'json']).default('yaml'),
    task: z.string().min(1).default('evalset-export'),
  })),
} as const;
