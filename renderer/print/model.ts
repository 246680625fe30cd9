// What the roadmap derives from its data before drawing: workload order, links to commitments, risks and counts.
// Built from the whole roadmap (preview, minutes), or from an outline (every workload as a line) with the detail of
// just the workloads a printed chunk shows: the order, numbers, counts and tables are the outline's either way.
import type { RoadmapData, RoadmapDetail, RoadmapLine, RoadmapOutline } from '../../shared/ipc/exports.ts';
import type { PortfolioWorkload } from '../../shared/portfolio.ts';
import { APPROACHES, PLAN_STATUSES, type Approach, type Commitment, type PlanStatus } from '../../shared/domain/types.ts';
import { portfolioCost } from '../../shared/plan/cost.ts';

export interface RoadmapModel {
  /** The roadmap's data; its workloads and their candidates, evaluations, governance and sign-offs are those at hand. */
  data: RoadmapData;
  /** The workloads whose detail is at hand (all of them, or a printed chunk's), in the roadmap's order. */
  workloads: PortfolioWorkload[];
  /** Every workload of the roadmap, grouped by client (clients in name order), then by sunset date. */
  lines: RoadmapLine[];
  /** Cost at volume per client and in total. */
  cost: RoadmapOutline['cost'];
  clientName: Map<number, string>;
  commitmentsOf: (w: RoadmapLine) => Commitment[];
  workloadsOf: (c: Commitment) => RoadmapLine[];
  statusCounts: Record<PlanStatus, number>;
  approachCounts: Record<Approach, number>;
  atRisk: RoadmapLine[];
  bridges: RoadmapLine[];
  affectedCommitments: { commitment: Commitment; workloads: RoadmapLine[] }[];
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

/** The model of a whole roadmap: every workload's detail at hand. */
export function buildModel(data: RoadmapData): RoadmapModel {
  const cost = portfolioCost(data.portfolio);
  const model = modelOf(data, data.portfolio.workloads, { clients: cost.clients, total: cost.total });
  return { ...model, workloads: model.lines as PortfolioWorkload[] };
}

/** The model of an outline, with no workload's detail yet (see withDetail). */
export function buildOutlineModel(outline: RoadmapOutline): RoadmapModel {
  const { cost, portfolio, ...rest } = outline;
  const data: RoadmapData = { ...rest, portfolio: { ...portfolio, workloads: [] }, candidates: [], evaluations: {}, governance: [], signOffs: [] };
  return modelOf(data, portfolio.workloads, cost);
}

/** The model with the detail of some workloads at hand (in the roadmap's order), the rest of the model unchanged. */
export function withDetail(model: RoadmapModel, detail: RoadmapDetail): RoadmapModel {
  const index = new Map(model.lines.map((w, i) => [w.workload.id, i]));
  const workloads = [...detail.workloads].sort((a, b) => (index.get(a.workload.id) ?? 0) - (index.get(b.workload.id) ?? 0));
  const { candidates, evaluations, governance, signOffs } = detail;
  return {
    ...model,
    data: { ...model.data, portfolio: { ...model.data.portfolio, workloads }, candidates, evaluations, governance, signOffs },
    workloads,
  };
}

function modelOf(data: RoadmapData, all: readonly RoadmapLine[], cost: RoadmapOutline['cost']): RoadmapModel {
  const clientName = new Map(data.clients.map((c) => [c.id, c.name]));
  const lines = [...all].sort((a, b) =>
    (clientName.get(a.workload.clientId) ?? '').localeCompare(clientName.get(b.workload.clientId) ?? '')
    || a.plan.sunset.date.localeCompare(b.plan.sunset.date)
    || a.workload.name.localeCompare(b.workload.name));
  const byId = new Map(lines.map((w) => [w.workload.id, w]));
  const byClient = new Map<number, RoadmapLine[]>();
  const push = <T>(map: Map<number, T[]>, key: number, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const w of lines) push(byClient, w.workload.clientId, w);
  const commitmentsByWorkload = new Map<number, Commitment[]>();
  const workloadsOf = (c: Commitment): RoadmapLine[] => (c.workloadIds.length > 0
    ? c.workloadIds.map((id) => byId.get(id)).filter((w): w is RoadmapLine => w !== undefined)
    : byClient.get(c.clientId) ?? []);
  for (const c of data.commitments) {
    for (const w of workloadsOf(c)) push(commitmentsByWorkload, w.workload.id, c);
  }
  const statusCounts = Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;
  const approachCounts = Object.fromEntries(APPROACHES.map((a) => [a, 0])) as Record<Approach, number>;
  for (const w of lines) {
    statusCounts[w.plan.status] += 1;
    approachCounts[w.recommendation.architecture] += 1;
  }
  const atRisk = lines.filter((w) => AT_RISK.includes(w.plan.status))
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
    workloads: [],
    lines,
    cost,
    clientName,
    commitmentsOf: (w) => commitmentsByWorkload.get(w.workload.id) ?? [],
    workloadsOf,
    statusCounts,
    approachCounts,
    atRisk,
    bridges: lines.filter((w) => w.plan.bridge !== null),
    affectedCommitments,
    number: new Map(lines.map((w, i) => [w.workload.id, `3.${i + 1}`])),
  };
}
