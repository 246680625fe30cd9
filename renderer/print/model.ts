// What the roadmap derives from its data before drawing: workload order, links to commitments, risks and counts.
import type { RoadmapData } from '../../shared/ipc/exports.ts';
import type { PortfolioWorkload } from '../../shared/portfolio.ts';
import { APPROACHES, PLAN_STATUSES, type Approach, type Commitment, type PlanStatus } from '../../shared/domain/types.ts';

export interface RoadmapModel {
  data: RoadmapData;
  /** Workloads grouped by client (clients in name order), then by sunset date. */
  workloads: PortfolioWorkload[];
  clientName: Map<number, string>;
  commitmentsOf: (w: PortfolioWorkload) => Commitment[];
  workloadsOf: (c: Commitment) => PortfolioWorkload[];
  statusCounts: Record<PlanStatus, number>;
  approachCounts: Record<Approach, number>;
  atRisk: PortfolioWorkload[];
  bridges: PortfolioWorkload[];
  affectedCommitments: { commitment: Commitment; workloads: PortfolioWorkload[] }[];
  /** Section numbers shown in headings: 1 summary, 2 timeline, 3 workloads, 4 register. */
  number: Map<number, string>;
}

const AT_RISK: PlanStatus[] = ['late', 'compressed'];

/** The last day a commitment can still be renegotiated: its due date minus its notice period. */
export function noticeBy(c: Commitment): string | null {
  if (!c.dueDate) return null;
  const t = new Date(`${c.dueDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - c.noticeDays);
  return t.toISOString().slice(0, 10);
}

export function buildModel(data: RoadmapData): RoadmapModel {
  const clientName = new Map(data.clients.map((c) => [c.id, c.name]));
  const workloads = [...data.portfolio.workloads].sort((a, b) =>
    (clientName.get(a.workload.clientId) ?? '').localeCompare(clientName.get(b.workload.clientId) ?? '')
    || a.plan.sunset.date.localeCompare(b.plan.sunset.date)
    || a.workload.name.localeCompare(b.workload.name));
  const byId = new Map(workloads.map((w) => [w.workload.id, w]));
  const byClient = new Map<number, PortfolioWorkload[]>();
  for (const w of workloads) byClient.set(w.workload.clientId, [...(byClient.get(w.workload.clientId) ?? []), w]);
  const commitmentsByWorkload = new Map<number, Commitment[]>();
  const workloadsOf = (c: Commitment): PortfolioWorkload[] => (c.workloadIds.length > 0
    ? c.workloadIds.map((id) => byId.get(id)).filter((w): w is PortfolioWorkload => w !== undefined)
    : byClient.get(c.clientId) ?? []);
  for (const c of data.commitments) {
    for (const w of workloadsOf(c)) commitmentsByWorkload.set(w.workload.id, [...(commitmentsByWorkload.get(w.workload.id) ?? []), c]);
  }
  const statusCounts = Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;
  const approachCounts = Object.fromEntries(APPROACHES.map((a) => [a, 0])) as Record<Approach, number>;
  for (const w of workloads) {
    statusCounts[w.plan.status] += 1;
    approachCounts[w.recommendation.architecture] += 1;
  }
  const atRisk = workloads.filter((w) => AT_RISK.includes(w.plan.status))
    .sort((a, b) => b.plan.overrunDays - a.plan.overrunDays || a.plan.sunset.date.localeCompare(b.plan.sunset.date));
  // A commitment is affected when a workload it binds is at risk, or cuts over after the commitment's notice date.
  const affectedCommitments = data.commitments.map((commitment) => {
    const by = noticeBy(commitment);
    const hit = workloadsOf(commitment).filter((w) => AT_RISK.includes(w.plan.status) || (by !== null && w.plan.end > by));
    return { commitment, workloads: hit };
  }).filter((a) => a.workloads.length > 0)
    .sort((a, b) => (a.commitment.dueDate ?? '9999').localeCompare(b.commitment.dueDate ?? '9999'));
  return {
    data,
    workloads,
    clientName,
    commitmentsOf: (w) => commitmentsByWorkload.get(w.workload.id) ?? [],
    workloadsOf,
    statusCounts,
    approachCounts,
    atRisk,
    bridges: workloads.filter((w) => w.plan.bridge !== null),
    affectedCommitments,
    number: new Map(workloads.map((w, i) => [w.workload.id, `3.${i + 1}`])),
  };
}
