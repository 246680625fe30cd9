// A baseline: the whole plan as it stood when someone pressed "Set baseline", kept so a review can ask what moved.
import type { Approach, IsoDate, PlanStatus } from '../domain/types.ts';
import type { Portfolio } from '../portfolio.ts';
import type { StepNumber, SunsetSource } from './types.ts';

export const BASELINE_FORMAT = 'offramp-baseline';
export const BASELINE_VERSION = 1;

export interface BaselineWorkload {
  workloadId: number;
  name: string;
  clientId: number;
  clientName: string;
  status: PlanStatus;
  approach: Approach;
  start: IsoDate;
  end: IsoDate;
  fullEnd: IsoDate;
  sunset: { date: IsoDate; reason: string; source: SunsetSource };
  steps: { step: StepNumber; start: IsoDate; end: IsoDate }[];
}

/** What the plan_snapshots row's `plan` column holds. */
export interface BaselinePlan {
  format: typeof BASELINE_FORMAT;
  version: typeof BASELINE_VERSION;
  today: IsoDate;
  trainingDeadline: IsoDate;
  workloads: BaselineWorkload[];
}

/** A stored baseline as lists show it. */
export interface BaselineSummary {
  id: number;
  name: string;
  /** When it was set (ISO timestamp). */
  takenAt: string;
  /** The day the plan was computed for. */
  today: IsoDate;
  workloadCount: number;
}

export interface Baseline extends BaselineSummary {
  plan: BaselinePlan;
}

/** The plan of every workload in the portfolio, reduced to what a later review compares. */
export function baselineFromPortfolio(portfolio: Portfolio): BaselinePlan {
  const clientName = new Map(portfolio.rollups.map((r) => [r.clientId, r.clientName]));
  return {
    format: BASELINE_FORMAT,
    version: BASELINE_VERSION,
    today: portfolio.today,
    trainingDeadline: portfolio.trainingDeadline,
    workloads: portfolio.workloads.map(({ workload, plan }) => ({
      workloadId: workload.id,
      name: workload.name,
      clientId: workload.clientId,
      clientName: clientName.get(workload.clientId) ?? `Client #${workload.clientId}`,
      status: plan.status,
      approach: plan.approach,
      start: plan.start,
      end: plan.end,
      fullEnd: plan.fullEnd,
      sunset: { date: plan.sunset.date, reason: plan.sunset.reason, source: plan.sunset.source },
      steps: plan.steps.map((s) => ({ step: s.step, start: s.start, end: s.end })),
    })),
  };
}

/** Reads a stored plan back; anything that is not a baseline plan is refused with what was found. */
export function parseBaselinePlan(value: unknown): BaselinePlan {
  const v = value as Partial<BaselinePlan> | null;
  if (!v || v.format !== BASELINE_FORMAT || !Array.isArray(v.workloads)) {
    throw new Error(`not an Offramp baseline (format ${JSON.stringify((v as { format?: unknown } | null)?.format ?? null)})`);
  }
  return v as BaselinePlan;
}

/** A baseline's plan limited to one client's workloads. */
export function scopeBaselinePlan(plan: BaselinePlan, clientId: number | undefined): BaselinePlan {
  return clientId === undefined ? plan : { ...plan, workloads: plan.workloads.filter((w) => w.clientId === clientId) };
}
