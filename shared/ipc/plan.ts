// Channels of the decision engine and planner: the portfolio, the questionnaire, overrides, the sample workspace.
import { z } from 'zod';
import { mutation, query } from './contract.ts';
import { APPROACHES, JOBS } from '../domain/types.ts';
import type { JobProfile, RecommendationOverride, Workload } from '../domain/types.ts';
import type { Portfolio } from '../portfolio.ts';
import { isoDate, type WorkspaceInfo } from './inventory.ts';

const id = z.number().int().positive();

export const planChannels = {
  /** Recommendation and plan of every workload (or one client's) on `today` (default: the machine's date). */
  'plan.portfolio': query<Portfolio>()(
    z.object({ today: isoDate.optional(), clientId: id.optional() }).default({}),
  ),
  /** Saves questionnaire answers: the job profile they yield and the constraints they state. */
  'questionnaire.apply': mutation<{ workload: Workload; profile: JobProfile }>()(
    z.object({ workloadId: id, answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), confirmed: z.boolean().default(true) }),
  ),
  'overrides.set': mutation<RecommendationOverride>()(
    z.object({ workloadId: id, job: z.enum(JOBS), approach: z.enum(APPROACHES), reason: z.string().trim().min(3, 'Say why you override the recommendation (an auditor will read it)').max(2000) }),
  ),
  'overrides.clear': mutation<null>()(z.object({ workloadId: id, job: z.enum(JOBS) })),
  /** Creates a new workspace file filled with the sample portfolio from the migration guide's cases. */
  'workspace.createSample': query<WorkspaceInfo>()(z.object({ path: z.string().min(1, 'Choose a file') })),
} as const;
