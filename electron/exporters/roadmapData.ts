// Gathers what the roadmap shows (one client or the whole workspace) from the same portfolio every screen uses: whole
// (the preview, the minutes), or for a printer printing in chunks as an outline plus the detail of a few workloads at a
// time. The chunked print computes the roadmap once and keeps it while its chunks ask (see keptRoadmap).
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { RoadmapData, RoadmapDetail, RoadmapLine, RoadmapOutline } from '../../shared/ipc/exports.ts';
import type { PortfolioWorkload } from '../../shared/portfolio.ts';
import { OfframpError } from '../../shared/errors.ts';
import { portfolioCost } from '../../shared/plan/cost.ts';
import { loadPortfolio } from '../services/portfolio.ts';
import { diffSinceBaseline } from '../services/baselines.ts';

export function buildRoadmapData(db: Database, workspaceFile: string, today: string, clientId?: number): RoadmapData {
  const { snapshot, evaluations, portfolio } = loadPortfolio(db, today, clientId);
  const client = clientId === undefined ? null : snapshot.clients.find((c) => c.id === clientId) ?? null;
  if (clientId !== undefined && !client) {
    throw new OfframpError({ code: 'not_found', field: 'clientId', message: `There is no client with id ${clientId} in this workspace` });
  }
  const workspaceName = path.basename(workspaceFile).replace(/\.offramp$/i, '');
  return {
    title: client?.name ?? 'All clients',
    scope: { clientId: client?.id ?? null, clientName: client?.name ?? null },
    workspaceName,
    today,
    portfolio,
    clients: snapshot.clients,
    commitments: snapshot.commitments,
    contracts: snapshot.contracts,
    candidates: snapshot.candidates,
    evaluations: Object.fromEntries(evaluations),
    governance: snapshot.governance,
    signOffs: snapshot.signOffs,
    events: snapshot.policy.events,
    retestDays: snapshot.policy.retestDays,
    rollbackDays: snapshot.policy.rollbackDays,
    blackouts: snapshot.policy.blackouts,
    changes: diffSinceBaseline(db, today, { clientId }),
  };
}

/** What the roadmap as a whole reads of a workload (shared/ipc/exports.ts RoadmapLine). */
function lineOf({ workload, recommendation, plan }: PortfolioWorkload): RoadmapLine {
  return {
    workload: { id: workload.id, clientId: workload.clientId, name: workload.name },
    recommendation: { architecture: recommendation.architecture },
    plan: {
      status: plan.status, start: plan.start, end: plan.end, fullEnd: plan.fullEnd, overrunDays: plan.overrunDays,
      endsBeforeTrainingDeadline: plan.endsBeforeTrainingDeadline, bridge: plan.bridge, sunset: { date: plan.sunset.date },
    },
  };
}

/** The roadmap without its workloads' detail. */
export function roadmapOutline(data: RoadmapData): RoadmapOutline {
  const { candidates: _c, evaluations: _e, governance: _g, signOffs: _s, portfolio, ...rest } = data;
  const cost = portfolioCost(portfolio);
  return { ...rest, portfolio: { ...portfolio, workloads: portfolio.workloads.map(lineOf) }, cost: { clients: cost.clients, total: cost.total } };
}

/** The detail of the named workloads (in the order asked; ids the roadmap lacks are left out). */
export function roadmapDetail(data: RoadmapData, workloadIds: readonly number[]): RoadmapDetail {
  const byId = new Map(data.portfolio.workloads.map((w) => [w.workload.id, w]));
  const workloads = workloadIds.flatMap((id) => byId.get(id) ?? []);
  const ids = new Set(workloads.map((w) => w.workload.id));
  const candidates = data.candidates.filter((c) => ids.has(c.workloadId));
  const candidateIds = new Set(candidates.map((c) => c.id));
  return {
    workloads,
    candidates,
    evaluations: Object.fromEntries([...ids].flatMap((id) => (data.evaluations[id] ? [[id, data.evaluations[id]]] : []))),
    governance: data.governance.filter((g) => candidateIds.has(g.candidateId)),
    signOffs: data.signOffs.filter((s) => candidateIds.has(s.candidateId)),
  };
}

/** Changes this process did not make (another connection) and changes it did both move this stamp. */
function stamp(db: Database): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}/${db.pragma('data_version', { simple: true }) as number}`;
}

/** How long a computed roadmap is kept after its last use: far longer than one chunk takes to print. */
const KEEP_MS = 60_000;

let kept: { db: Database; key: string; data: RoadmapData; timer: ReturnType<typeof setTimeout> } | null = null;

/**
 * The roadmap for one scope and day, computed once and kept while a chunked print asks for its outline and details
 * (5,000 workloads take seconds to plan; a print asks a hundred times). Any change to the workspace computes it anew.
 */
export function keptRoadmap(db: Database, workspaceFile: string, today: string, clientId?: number): RoadmapData {
  const key = `${workspaceFile}\n${today}\n${clientId ?? 'all'}\n${stamp(db)}`;
  if (kept && kept.db === db && kept.key === key) {
    kept.timer.refresh();
    return kept.data;
  }
  releaseKeptRoadmap();
  const data = buildRoadmapData(db, workspaceFile, today, clientId);
  const timer = setTimeout(releaseKeptRoadmap, KEEP_MS);
  timer.unref?.();
  kept = { db, key, data, timer };
  return data;
}

/** Lets the kept roadmap go (the print is done). */
export function releaseKeptRoadmap(): void {
  if (kept) clearTimeout(kept.timer);
  kept = null;
}
