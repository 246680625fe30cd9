// Per-client roll-up of the plans: earliest sunset, counts by status and approach, and the critical path.
import { APPROACHES, PLAN_STATUSES, type Approach, type Client, type PlanStatus } from '../domain/types.ts';
import { clientSunsetDate } from './sunset.ts';
import type { ClientRollup, WorkloadPlan } from './types.ts';

const zeroCounts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** One roll-up per client (in the clients' order), plus one for any client id the plans name but the list lacks. */
export function rollupClients(clients: Client[], plans: WorkloadPlan[]): ClientRollup[] {
  const byClient = new Map<number, WorkloadPlan[]>();
  for (const c of clients) byClient.set(c.id, []);
  for (const p of plans) {
    const list = byClient.get(p.clientId);
    if (list) list.push(p);
    else byClient.set(p.clientId, [p]);
  }
  const names = new Map(clients.map((c) => [c.id, c.name]));
  return [...byClient].map(([clientId, list]) => rollupClient(clientId, names.get(clientId) ?? `Client #${clientId}`, list));
}

export function rollupClient(clientId: number, clientName: string, plans: WorkloadPlan[]): ClientRollup {
  const statusCounts = zeroCounts<PlanStatus>(PLAN_STATUSES);
  const approachCounts = zeroCounts<Approach>(APPROACHES);
  let minSlack: number | null = null;
  let end: string | null = null;
  for (const p of plans) {
    statusCounts[p.status] += 1;
    approachCounts[p.approach] += 1;
    if (minSlack === null || p.slackDays < minSlack) minSlack = p.slackDays;
    if (end === null || p.end > end) end = p.end;
  }
  return {
    clientId, clientName,
    sunset: clientSunsetDate(plans),
    workloadCount: plans.length,
    statusCounts, approachCounts,
    criticalPath: plans.filter((p) => p.slackDays === minSlack).map((p) => p.workloadId),
    minSlackDays: minSlack,
    end,
  };
}
