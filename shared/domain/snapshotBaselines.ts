// Baselines in the workspace JSON: each with its name, when it was set, and the plan it froze.
import { z } from 'zod';
import type { BaselinePlan } from '../plan/baseline.ts';

export interface SnapshotBaseline {
  id: number;
  name: string;
  takenAt: string;
  today: string;
  plan: BaselinePlan;
}

const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01 (yyyy-MM-dd)');

export const snapshotBaselineSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().min(1, 'Name the baseline').max(200),
  takenAt: z.string().min(1),
  today: iso,
  plan: z.object({
    format: z.literal('offramp-baseline', { message: 'Not an Offramp baseline plan (format must be "offramp-baseline")' }),
    version: z.literal(1),
    today: iso,
    trainingDeadline: iso,
    workloads: z.array(z.object({ workloadId: z.number().int(), clientId: z.number().int() }).loose()),
  }).loose(),
});

/**
 * A baseline's plan with its workload and client ids moved to the ids an import gave them. A workload deleted
 * before the export has no new id: it keeps a negative one, so it still reads as "removed since the baseline".
 */
export function remapBaselinePlan(plan: BaselinePlan, workloadIds: Map<number, number>, clientIds: Map<number, number>): BaselinePlan {
  return {
    ...plan,
    workloads: plan.workloads.map((w) => ({
      ...w,
      workloadId: workloadIds.get(w.workloadId) ?? -Math.abs(w.workloadId),
      clientId: clientIds.get(w.clientId) ?? -Math.abs(w.clientId),
    })),
  };
}
