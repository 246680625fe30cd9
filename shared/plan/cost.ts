// Cost at volume: what a workload costs a month and a year today (the fine-tuned baseline) and after migration
// (R8's pick, or the cheapest evaluated candidate). Unknown stays unknown: a missing input never reads as $0.
import type { Workload } from '../domain/types.ts';
import type { CostBasis } from '../decision/types.ts';

export interface CostAtVolume {
  workloadId: number;
  clientId: number;
  /** Tasks a month; null when the workload's volume is not known (0 is read as not entered). */
  monthlyVolume: number | null;
  todayPer1k: number | null;
  afterPer1k: number | null;
  todayMonthly: number | null;
  todayAnnual: number | null;
  afterMonthly: number | null;
  afterAnnual: number | null;
  /** The candidate that prices "after", and whether R8 picked it or it is only the cheapest evaluated. */
  basis: CostBasis | null;
  /** Why a figure is unknown, in words ("no monthly volume", "no candidate evaluated"); empty when all is known. */
  unknown: string[];
}

const monthly = (volume: number | null, per1k: number | null): number | null =>
  (volume === null || per1k === null ? null : (volume / 1000) * per1k);
const annual = (m: number | null): number | null => (m === null ? null : m * 12);

export function costAtVolume(workload: Workload, basis: CostBasis | null): CostAtVolume {
  const volume = workload.monthlyVolume > 0 ? workload.monthlyVolume : null;
  const todayPer1k = workload.baselineCostPer1k;
  const afterPer1k = basis?.costPer1k ?? null;
  const unknown: string[] = [];
  if (volume === null) unknown.push('no monthly volume');
  if (todayPer1k === null) unknown.push('no baseline cost per 1,000 tasks');
  if (basis === null) unknown.push('no candidate evaluated');
  else if (afterPer1k === null) unknown.push(`no measured cost for ${basis.name}`);
  const todayMonthly = monthly(volume, todayPer1k);
  const afterMonthly = monthly(volume, afterPer1k);
  return {
    workloadId: workload.id, clientId: workload.clientId, monthlyVolume: volume, todayPer1k, afterPer1k,
    todayMonthly, todayAnnual: annual(todayMonthly), afterMonthly, afterAnnual: annual(afterMonthly), basis, unknown,
  };
}

/** A sum over workloads where some figures may be unknown: the known part and how many were left out. */
export interface PartialSum {
  known: number;
  /** Workloads whose figure is unknown (0 = the sum is complete). */
  unknownCount: number;
}

export interface ClientCost {
  clientId: number;
  workloads: number;
  todayMonthly: PartialSum;
  todayAnnual: PartialSum;
  afterMonthly: PartialSum;
  afterAnnual: PartialSum;
}

function add(sum: PartialSum, value: number | null): void {
  if (value === null) sum.unknownCount += 1;
  else sum.known += value;
}

const empty = (): PartialSum => ({ known: 0, unknownCount: 0 });

/** One total per client, in the order clients first appear. */
export function costByClient(costs: CostAtVolume[]): ClientCost[] {
  const byClient = new Map<number, ClientCost>();
  for (const c of costs) {
    let total = byClient.get(c.clientId);
    if (!total) {
      total = { clientId: c.clientId, workloads: 0, todayMonthly: empty(), todayAnnual: empty(), afterMonthly: empty(), afterAnnual: empty() };
      byClient.set(c.clientId, total);
    }
    total.workloads += 1;
    add(total.todayMonthly, c.todayMonthly);
    add(total.todayAnnual, c.todayAnnual);
    add(total.afterMonthly, c.afterMonthly);
    add(total.afterAnnual, c.afterAnnual);
  }
  return [...byClient.values()];
}

/** Totals over every client. */
export function totalCost(clients: ClientCost[]): Omit<ClientCost, 'clientId'> {
  const sum = (pick: (c: ClientCost) => PartialSum): PartialSum =>
    clients.reduce((acc, c) => ({ known: acc.known + pick(c).known, unknownCount: acc.unknownCount + pick(c).unknownCount }), empty());
  return {
    workloads: clients.reduce((n, c) => n + c.workloads, 0),
    todayMonthly: sum((c) => c.todayMonthly), todayAnnual: sum((c) => c.todayAnnual),
    afterMonthly: sum((c) => c.afterMonthly), afterAnnual: sum((c) => c.afterAnnual),
  };
}

export interface CostRow extends CostAtVolume {
  name: string;
}

export interface PortfolioCost {
  workloads: CostRow[];
  clients: (ClientCost & { clientName: string })[];
  total: Omit<ClientCost, 'clientId'>;
}

/** Cost at volume of every workload in a portfolio, per client (in roll-up order) and in total. */
export function portfolioCost(portfolio: { workloads: { workload: Workload; recommendation: { costBasis: CostBasis | null } }[]; rollups: { clientId: number; clientName: string }[] }): PortfolioCost {
  const workloads = portfolio.workloads.map(({ workload, recommendation }) => ({ ...costAtVolume(workload, recommendation.costBasis), name: workload.name }));
  const byId = new Map(costByClient(workloads).map((c) => [c.clientId, c]));
  const clients = portfolio.rollups.flatMap((r) => {
    const c = byId.get(r.clientId);
    return c ? [{ ...c, clientName: r.clientName }] : [];
  });
  return { workloads, clients, total: totalCost(clients) };
}
