// What the Plan screen draws, without the whole portfolio: the overview (roll-ups, counts, span) and light rows in view.
import { APPROACHES, PLAN_STATUSES, type Approach, type IsoDate, type Job, type PlanStatus } from './domain/types.ts';
import type { ComponentOverride } from './decision/types.ts';
import type { Portfolio, PortfolioWorkload } from './portfolio.ts';
import type { BridgeProposal, ClientRollup, StepNumber, SunsetDate } from './plan/types.ts';

/** The orders the Plan screen offers; rows are always grouped by client (in roll-up order) first. */
export const PLAN_SORTS = ['slack', 'end', 'name'] as const;
export type PlanSort = (typeof PLAN_SORTS)[number];

export interface PlanRowStep {
  step: StepNumber;
  start: IsoDate;
  end: IsoDate;
  durationDays: number;
  fullDays: number;
  /** Working days the step waited for a team slot (capacity). */
  capacityWaitDays: number;
  /** Why the duration is what it is (shown in the step's tooltip). */
  reasons: string[];
}

/** One workload as the timeline and the plan table draw it: a few hundred bytes instead of the full PortfolioWorkload. */
export interface PlanRow {
  workloadId: number;
  name: string;
  clientId: number;
  status: PlanStatus;
  slackDays: number;
  overrunDays: number;
  start: IsoDate;
  end: IsoDate;
  /** Where step 6 would end at full durations (equal to `end` unless compressed). */
  fullEnd: IsoDate;
  sunset: SunsetDate;
  /** The architecture the plan pilots. */
  approach: Approach;
  /** The recommendation's components (job → approach), with any override a person recorded. */
  components: { job: Job; approach: Approach; override: ComponentOverride | null }[];
  steps: PlanRowStep[];
  bridge: BridgeProposal | null;
}

export interface PlanOverview {
  /** Bumped whenever the computed plan changes: a screen holding rows of an older version refetches them. */
  version: number;
  today: IsoDate;
  trainingDeadline: IsoDate;
  daysToDeadline: number;
  /** Workloads in scope (one client's, or all). */
  total: number;
  statusCounts: Record<PlanStatus, number>;
  approachCounts: Record<Approach, number>;
  /** One roll-up per client in scope, in the order rows are grouped. */
  rollups: ClientRollup[];
  /** The earliest sunset in scope, with its workload. */
  sunset: (SunsetDate & { workloadId: number; workloadName: string }) | null;
  /** Earliest start and latest end or sunset in scope: the timeline's horizontal range (null when there are no workloads). */
  span: { start: IsoDate; end: IsoDate } | null;
  /** Names of the workloads the roll-ups point at (critical paths), so the overview needs no rows. */
  names: Record<number, string>;
}

export interface PlanRowsPage {
  version: number;
  /** Rows in scope, all windows together. */
  total: number;
  offset: number;
  rows: PlanRow[];
}

export function toPlanRow(w: PortfolioWorkload): PlanRow {
  const { plan, recommendation } = w;
  return {
    workloadId: w.workload.id, name: w.workload.name, clientId: w.workload.clientId,
    status: plan.status, slackDays: plan.slackDays, overrunDays: plan.overrunDays,
    start: plan.start, end: plan.end, fullEnd: plan.fullEnd, sunset: plan.sunset, approach: plan.approach,
    components: recommendation.components.map((c) => ({ job: c.job, approach: c.approach, override: c.override })),
    steps: plan.steps.map((s) => ({ step: s.step, start: s.start, end: s.end, durationDays: s.durationDays, fullDays: s.fullDays, capacityWaitDays: s.capacityWaitDays, reasons: s.reasons })),
    bridge: plan.bridge,
  };
}

export const comparePlanRows: Record<PlanSort, (a: PortfolioWorkload, b: PortfolioWorkload) => number> = {
  slack: (a, b) => a.plan.slackDays - b.plan.slackDays || cmp(a.plan.end, b.plan.end) || a.workload.id - b.workload.id,
  end: (a, b) => cmp(a.plan.end, b.plan.end) || a.plan.slackDays - b.plan.slackDays || a.workload.id - b.workload.id,
  name: (a, b) => a.workload.name.localeCompare(b.workload.name) || a.workload.id - b.workload.id,
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The overview of a portfolio (scoped by the caller): counts, roll-ups, sunset and span. */
export function overviewOf(portfolio: Pick<Portfolio, 'today' | 'trainingDeadline' | 'daysToDeadline'>, rollups: ClientRollup[], workloads: Iterable<PortfolioWorkload>, version: number): PlanOverview {
  const statusCounts = zero<PlanStatus>(PLAN_STATUSES);
  const approachCounts = zero<Approach>(APPROACHES);
  let total = 0;
  let sunset: PortfolioWorkload | null = null;
  let lo: string | null = null;
  let hi: string | null = null;
  const byId = new Map<number, string>();
  for (const w of workloads) {
    total += 1;
    statusCounts[w.plan.status] += 1;
    approachCounts[w.plan.approach] += 1;
    if (sunset === null || w.plan.sunset.date < sunset.plan.sunset.date) sunset = w;
    if (lo === null || w.plan.start < lo) lo = w.plan.start;
    const far = w.plan.end > w.plan.sunset.date ? w.plan.end : w.plan.sunset.date;
    if (hi === null || far > hi) hi = far;
    byId.set(w.workload.id, w.workload.name);
  }
  const names: Record<number, string> = {};
  for (const r of rollups) for (const id of r.criticalPath) names[id] = byId.get(id) ?? '';
  return {
    version, today: portfolio.today, trainingDeadline: portfolio.trainingDeadline, daysToDeadline: portfolio.daysToDeadline,
    total, statusCounts, approachCounts, rollups,
    sunset: sunset ? { ...sunset.plan.sunset, workloadId: sunset.workload.id, workloadName: sunset.workload.name } : null,
    span: lo !== null && hi !== null ? { start: lo, end: hi } : null,
    names,
  };
}
