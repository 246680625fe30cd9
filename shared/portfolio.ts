// The whole picture for one workspace on one day: recommendation and plan per workload, roll-ups per client.
import type { Commitment, Contract, Evaluation, IsoDate, JobProfile, RecommendationOverride, Workload } from './domain/types.ts';
import type { WorkspaceSnapshot } from './domain/snapshot.ts';
import { recommend } from './decision/recommend.ts';
import type { Recommendation } from './decision/types.ts';
import { WorkingCalendar } from './plan/calendar.ts';
import { schedulePortfolio, type ScheduleInput } from './plan/schedule.ts';
import { clientSunsetDate, daysUntil, trainingDeadline } from './plan/sunset.ts';
import type { ClientRollup, SunsetDate, WorkloadPlan } from './plan/types.ts';

export interface PortfolioWorkload {
  workload: Workload;
  profile: JobProfile | null;
  recommendation: Recommendation;
  plan: WorkloadPlan;
}

export interface Portfolio {
  today: IsoDate;
  trainingDeadline: IsoDate;
  /** Calendar days from today to the training deadline (negative once it has passed). */
  daysToDeadline: number;
  /** In the snapshot's workload order. */
  workloads: PortfolioWorkload[];
  rollups: ClientRollup[];
  /** The earliest sunset of all workloads, with the workload that sets it. */
  workspaceSunset: (SunsetDate & { workloadId: number }) | null;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Commitments and contracts bind a workload by id, or bind every workload of their client when they name
 * none (see plan/links.ts). Indexing them once keeps 5,000 workloads linear instead of workloads × commitments.
 */
export function indexBy<T extends { clientId: number | null; workloadIds: number[] }>(items: T[]) {
  const byWorkload = new Map<number, T[]>();
  const byClient = new Map<number, T[]>();
  for (const item of items) {
    if (item.workloadIds.length > 0) {
      for (const id of item.workloadIds) pushTo(byWorkload, id, item);
    } else if (item.clientId !== null) {
      pushTo(byClient, item.clientId, item);
    }
  }
  return (w: Workload): T[] => {
    const own = byWorkload.get(w.id);
    const shared = byClient.get(w.clientId);
    if (!own) return shared ?? [];
    return shared ? [...own, ...shared] : own;
  };
}

export function buildPortfolio(snapshot: WorkspaceSnapshot, today: IsoDate, evaluationsByWorkload: Map<number, Evaluation[]>): Portfolio {
  const { policy } = snapshot;
  const deadline = trainingDeadline(policy);
  const profiles = new Map(snapshot.jobProfiles.map((p) => [p.workloadId, p]));
  const overrides = new Map<number, RecommendationOverride[]>();
  for (const o of snapshot.overrides) pushTo(overrides, o.workloadId, o);
  const commitmentsOf = indexBy<Commitment>(snapshot.commitments);
  const contractsOf = indexBy<Contract>(snapshot.contracts);

  const calendar = new WorkingCalendar(policy, [today, deadline]);
  const recommendations: Recommendation[] = [];
  const inputs: ScheduleInput[] = snapshot.workloads.map((workload) => {
    const commitments = commitmentsOf(workload);
    const recommendation = recommend({
      workload,
      profile: profiles.get(workload.id) ?? null,
      commitments,
      evaluations: evaluationsByWorkload.get(workload.id) ?? [],
      overrides: overrides.get(workload.id) ?? [],
    });
    recommendations.push(recommendation);
    return { workload, recommendation, commitments, contracts: contractsOf(workload) };
  });

  const { plans, rollups } = schedulePortfolio(inputs, snapshot.clients, { today, policy, calendar });
  return {
    today,
    trainingDeadline: deadline,
    daysToDeadline: daysUntil(today, deadline),
    workloads: snapshot.workloads.map((workload, i) => ({
      workload, profile: profiles.get(workload.id) ?? null, recommendation: recommendations[i], plan: plans[i],
    })),
    rollups,
    workspaceSunset: clientSunsetDate(plans),
  };
}
