// Channels of the decision engine and planner: the portfolio, the questionnaire, overrides, the sample workspace.
import { z } from 'zod';
import { mutation, query } from './contract.ts';
import { APPROACHES, JOBS } from '../domain/types.ts';
import type { JobProfile, RecommendationOverride, Workload } from '../domain/types.ts';
import type { Portfolio, PortfolioWorkload } from '../portfolio.ts';
import { PLAN_SORTS, type PlanOverview, type PlanRowsPage } from '../planView.ts';
import { isoDate, type WorkspaceInfo } from './inventory.ts';

const id = z.number().int().positive();

export const planChannels = {
  /** Recommendation and plan of every workload (or one client's) on `today` (default: the machine's date). */
  'plan.portfolio': query<Portfolio>()(
    z.object({ today: isoDate.optional(), clientId: id.optional() }).default({}),
  ),
  /**
   * What the Plan screen shows at the top: roll-ups per client, status/approach counts, the deadline, the earliest
   * sunset, the timeline's span and a version. Served from the main process's cached plan (recomputed per edit).
   */
  'plan.overview': query<PlanOverview>()(
    z.object({ today: isoDate.optional(), clientId: id.optional() }).default({}),
  ),
  /** A window of light rows, grouped by client in roll-up order, then sorted: what the timeline and plan table draw. */
  'plan.rows': query<PlanRowsPage>()(
    z.object({
      today: isoDate.optional(), clientId: id.optional(), sort: z.enum(PLAN_SORTS).default('slack'),
      offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5000).default(200),
    }),
  ),
  /** One workload's full recommendation (with its rule trace) and plan (with reasons): the decision and detail panels. */
  'plan.workload': query<PortfolioWorkload & { today: string; version: number }>()(
    z.object({ today: isoDate.optional(), workloadId: id }),
  ),
  /** Saves questionnaire answers: the job profile they yield and the constraints they state. */
  'questionnaire.apply': mutation<{ workload: Workload; profile: JobProfile }>()(
    z.object({ workloadId: id, answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), confirmed: z.boolean().default(true) }),
  ),
  'overrides.set': mutation<RecommendationOverride>()(
    z.object({ workloadId: id, job: z.enum(JOBS), approach: z.enum(APPROACHES), reason: z.string().trim().min(3, 'Say why you override the recommendation (an auditor will read it)').max(2000) }),
  ),
  'overrides.clear': mutation<null>()(z.object({ workloadId: id, job: z.enum(JOBS) })),
  /** Asks where to create a new workspace file and fills it with the sample portfolio from the migration guide's cases. */
  'workspace.createSample': query<WorkspaceInfo | null>()(z.object({}).strict().default({})),
} as const;
