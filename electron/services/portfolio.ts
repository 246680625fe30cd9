// Reads the workspace once and runs the pure engine: the plan every screen, export and CLI command shows.
import type { Database } from 'better-sqlite3';
import type { WorkspaceSnapshot } from '../../shared/domain/snapshot.ts';
import type { Evaluation, GovernanceEntry, SignOff, Candidate, Workload } from '../../shared/domain/types.ts';
import { buildPortfolio, type Portfolio } from '../../shared/portfolio.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../../shared/domain/snapshot.ts';
import { evaluationsFromAggregates, type CandidateAggregate } from '../../shared/evaluation/candidateAggregate.ts';
import { listClients } from '../db/clients.ts';
import { listJobProfiles, listWorkloads } from '../db/workloads.ts';
import { listCommitments, listContracts } from '../db/agreements.ts';
import { listCandidates, listGovernance, listSignOffs } from '../db/candidates.ts';
import { listOverrides } from '../db/overrides.ts';
import { getPolicy } from '../db/policy.ts';
import { listEvaluationAggregates } from '../db/evaluationAggregates.ts';

/** Items by a numeric key (a workload or client id), in their order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  }
  return m;
}

/** Keeps only one client's rows (by id), so a roadmap or plan can be scoped. */
export function scopeSnapshot(snapshot: WorkspaceSnapshot, clientId: number | undefined): WorkspaceSnapshot {
  if (clientId === undefined) return snapshot;
  const workloadIds = new Set(snapshot.workloads.filter((w) => w.clientId === clientId).map((w) => w.id));
  const candidateIds = new Set(snapshot.candidates.filter((c) => workloadIds.has(c.workloadId)).map((c) => c.id));
  return {
    ...snapshot,
    clients: snapshot.clients.filter((c) => c.id === clientId),
    workloads: snapshot.workloads.filter((w) => workloadIds.has(w.id)),
    jobProfiles: snapshot.jobProfiles.filter((p) => workloadIds.has(p.workloadId)),
    contracts: snapshot.contracts.filter((c) => c.clientId === clientId || c.workloadIds.some((w) => workloadIds.has(w))),
    commitments: snapshot.commitments.filter((c) => c.clientId === clientId),
    candidates: snapshot.candidates.filter((c) => candidateIds.has(c.id)),
    evaluationRows: snapshot.evaluationRows.filter((r) => candidateIds.has(r.candidateId)),
    governance: snapshot.governance.filter((g) => workloadIds.has(g.workloadId)),
    signOffs: snapshot.signOffs.filter((s) => candidateIds.has(s.candidateId)),
    overrides: snapshot.overrides.filter((o) => workloadIds.has(o.workloadId)),
    workshops: snapshot.workshops.filter((w) => w.clientId === clientId),
  };
}

export interface PortfolioView {
  snapshot: WorkspaceSnapshot;
  evaluations: Map<number, Evaluation[]>;
  portfolio: Portfolio;
}

/**
 * The workspace as planning reads it: no raw evaluation rows and no workshops (both lists empty); evaluations come from the per-candidate
 * summaries the workspace keeps (schema version 3), so planning never scans a million rows.
 */
export function readPlanningSnapshot(db: Database): WorkspaceSnapshot {
  return db.transaction(() => ({
    format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, exportedAt: new Date().toISOString(),
    clients: listClients(db), workloads: listWorkloads(db), jobProfiles: listJobProfiles(db),
    contracts: listContracts(db), commitments: listCommitments(db), candidates: listCandidates(db), evaluationRows: [],
    governance: listGovernance(db), signOffs: listSignOffs(db), overrides: listOverrides(db), workshops: [],
    policy: getPolicy(db),
  }) as WorkspaceSnapshot)();
}

/** What the evaluation matrices are built from: lists read for some workloads or all of them. */
export interface EvaluationInputs {
  workloads: readonly Workload[];
  candidates: readonly Candidate[];
  governance: readonly GovernanceEntry[];
  signOffs: readonly SignOff[];
  aggregates: readonly CandidateAggregate[];
}

/** The evaluation matrix of every workload that has candidates, from the stored per-candidate summaries. */
export function evaluationsOf(input: EvaluationInputs): Map<number, Evaluation[]> {
  const aggregates = new Map<number, CandidateAggregate>(input.aggregates.map((a) => [a.candidateId, a]));
  const candidates = groupBy<Candidate>(input.candidates, (c) => c.workloadId);
  const workloadOfCandidate = new Map(input.candidates.map((c) => [c.id, c.workloadId]));
  const signOffs = groupBy<SignOff>(input.signOffs, (s) => workloadOfCandidate.get(s.candidateId) ?? 0);
  const governance = groupBy<GovernanceEntry>(input.governance, (g) => g.workloadId);
  const result = new Map<number, Evaluation[]>();
  for (const workload of input.workloads) {
    const own = candidates.get(workload.id);
    if (!own) continue;
    result.set(workload.id, evaluationsFromAggregates({
      workload, regulated: workload.regulated, candidates: own, aggregates,
      governance: governance.get(workload.id) ?? [], signOffs: signOffs.get(workload.id) ?? [],
    }));
  }
  return result;
}

/** Evaluations of every workload in the snapshot from the stored per-candidate summaries. */
export function evaluationsFromStore(db: Database, snapshot: WorkspaceSnapshot): Map<number, Evaluation[]> {
  return evaluationsOf({ ...snapshot, aggregates: listEvaluationAggregates(db) });
}

export function loadPortfolio(db: Database, today: string, clientId?: number): PortfolioView {
  const snapshot = scopeSnapshot(readPlanningSnapshot(db), clientId);
  const evaluations = evaluationsFromStore(db, snapshot);
  return { snapshot, evaluations, portfolio: buildPortfolio(snapshot, today, evaluations) };
}
