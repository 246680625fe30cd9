// Workloads and their job profiles.
import type { Database } from 'better-sqlite3';
import type { JobProfile, Workload } from '../../shared/domain/types.ts';
import { JOBS } from '../../shared/domain/types.ts';
import type { WorkloadInput } from '../../shared/ipc/inventory.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';
import { bool, int, json, nowIso } from './rows.ts';
import { deleteCandidate } from './candidates.ts';
import { detachWorkloadFromWorkshops } from './workshops.ts';

type WorkloadFields = Omit<Workload, 'id' | 'createdAt' | 'updatedAt'>;

export function workloadFromRow(r: Row): Workload {
  return {
    id: Number(r.id),
    clientId: Number(r.client_id),
    name: String(r.name),
    kind: r.kind as Workload['kind'],
    fineTunedModel: String(r.fine_tuned_model),
    baseModel: String(r.base_model),
    owner: String(r.owner),
    criticality: r.criticality as Workload['criticality'],
    deployment: r.deployment as Workload['deployment'],
    residency: (r.residency as string | null) ?? null,
    regulated: bool(r.regulated),
    auditTrailRequired: bool(r.audit_trail_required),
    monthlyVolume: Number(r.monthly_volume),
    latencyTargetMs: (r.latency_target_ms as number | null) ?? null,
    pairwiseFeedback: Number(r.pairwise_feedback),
    knowledgeChangeFrequency: r.knowledge_change_frequency as Workload['knowledgeChangeFrequency'],
    baselineAccuracy: (r.baseline_accuracy as number | null) ?? null,
    baselineP95Ms: (r.baseline_p95_ms as number | null) ?? null,
    baselineCostPer1k: (r.baseline_cost_per_1k as number | null) ?? null,
    startDate: (r.start_date as string | null) ?? null,
    retrainCadenceDays: (r.retrain_cadence_days as number | null) ?? null,
    lastRetrainDate: (r.last_retrain_date as string | null) ?? null,
    priorityRank: (r.priority_rank as number | null) ?? null,
    notes: String(r.notes),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

function workloadToRow(w: WorkloadFields): Row {
  return {
    client_id: w.clientId,
    name: w.name,
    kind: w.kind,
    fine_tuned_model: w.fineTunedModel,
    base_model: w.baseModel,
    owner: w.owner,
    criticality: w.criticality,
    deployment: w.deployment,
    residency: w.residency,
    regulated: int(w.regulated),
    audit_trail_required: int(w.auditTrailRequired),
    monthly_volume: w.monthlyVolume,
    latency_target_ms: w.latencyTargetMs,
    pairwise_feedback: w.pairwiseFeedback,
    knowledge_change_frequency: w.knowledgeChangeFrequency,
    baseline_accuracy: w.baselineAccuracy,
    baseline_p95_ms: w.baselineP95Ms,
    baseline_cost_per_1k: w.baselineCostPer1k,
    start_date: w.startDate,
    retrain_cadence_days: w.retrainCadenceDays,
    last_retrain_date: w.lastRetrainDate,
    // Absent (an edit that does not show the rank) keeps the stored rank.
    ...(w.priorityRank !== undefined ? { priority_rank: w.priorityRank } : {}),
    notes: w.notes,
  };
}

export function listWorkloads(db: Database, clientId?: number): Workload[] {
  const rows = clientId === undefined
    ? prepared(db, 'SELECT * FROM workloads ORDER BY client_id, name COLLATE NOCASE, id').all()
    : prepared(db, 'SELECT * FROM workloads WHERE client_id = ? ORDER BY name COLLATE NOCASE, id').all(clientId);
  return (rows as Row[]).map(workloadFromRow);
}

export function getWorkload(db: Database, id: number): Workload {
  const row = prepared(db, 'SELECT * FROM workloads WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', message: `Workload ${id} no longer exists`, field: 'id' });
  return workloadFromRow(row);
}

function requireClient(db: Database, clientId: number): void {
  if (!prepared(db, 'SELECT 1 FROM clients WHERE id = ?').get(clientId)) {
    throw new OfframpError({ code: 'invalid_payload', field: 'clientId', message: `Client ${clientId} does not exist; pick a client from the list` });
  }
}

type NewWorkload = WorkloadFields & { sourceKey?: string | null; id?: number };

/** Inserts without re-reading the row: for bulk imports whose client was checked once. Returns the id. */
/** A new workload's complete row (every column; the id only when given). */
export function newWorkloadRow(input: NewWorkload): Row {
  const at = nowIso();
  const row: Row = { ...workloadToRow(input), priority_rank: input.priorityRank ?? null, source_key: input.sourceKey ?? null, created_at: at, updated_at: at };
  if (input.id !== undefined) row.id = input.id;
  return row;
}

export function insertWorkloadRow(rec: Recorder, input: NewWorkload): number {
  return rec.insert('workloads', newWorkloadRow(input));
}

export function insertWorkload(db: Database, rec: Recorder, input: NewWorkload): Workload {
  requireClient(db, input.clientId);
  return getWorkload(db, insertWorkloadRow(rec, input));
}

export function updateWorkload(db: Database, rec: Recorder, input: WorkloadFields & { id: number }): Workload {
  getWorkload(db, input.id);
  requireClient(db, input.clientId);
  rec.update('workloads', { id: input.id }, { ...workloadToRow(input), updated_at: nowIso() });
  return getWorkload(db, input.id);
}

/** Deletes a workload and everything hanging off it (profile, candidates, links, overrides, job history links). */
export function deleteWorkload(db: Database, rec: Recorder, id: number): void {
  getWorkload(db, id);
  for (const { id: c } of prepared(db, 'SELECT id FROM candidates WHERE workload_id = ?').all(id) as { id: number }[]) deleteCandidate(rec, c);
  rec.deleteWhere('job_profiles', { workload_id: id });
  rec.deleteWhere('overrides', { workload_id: id });
  rec.deleteWhere('commitment_workloads', { workload_id: id });
  rec.deleteWhere('contract_workloads', { workload_id: id });
  detachWorkloadFromWorkshops(db, rec, id);
  for (const job of prepared(db, 'SELECT id FROM fine_tuning_jobs WHERE workload_id = ?').all(id) as { id: string }[]) {
    rec.update('fine_tuning_jobs', { id: job.id }, { workload_id: null });
  }
  rec.delete('workloads', { id });
}

export function jobProfileFromRow(r: Row): JobProfile {
  return {
    workloadId: Number(r.workload_id),
    weights: Object.fromEntries(JOBS.map((j) => [j, Number(r[j])])) as JobProfile['weights'],
    sources: json(r.sources),
    confirmed: bool(r.confirmed),
    evidence: json(r.evidence),
    answers: r.answers === null ? null : json(r.answers),
  };
}

export function getJobProfile(db: Database, workloadId: number): JobProfile | null {
  const row = prepared(db, 'SELECT * FROM job_profiles WHERE workload_id = ?').get(workloadId) as Row | undefined;
  return row ? jobProfileFromRow(row) : null;
}

export function listJobProfiles(db: Database): JobProfile[] {
  return (prepared(db, 'SELECT * FROM job_profiles ORDER BY workload_id').all() as Row[]).map(jobProfileFromRow);
}

export function setJobProfile(db: Database, rec: Recorder, p: JobProfile): JobProfile {
  getWorkload(db, p.workloadId);
  const row: Row = {
    ...Object.fromEntries(JOBS.map((j) => [j, p.weights[j]])),
    sources: JSON.stringify(p.sources),
    confirmed: int(p.confirmed),
    evidence: JSON.stringify(p.evidence),
    answers: p.answers === null ? null : JSON.stringify(p.answers),
  };
  if (rec.selectByKey('job_profiles', { workload_id: p.workloadId })) rec.update('job_profiles', { workload_id: p.workloadId }, row);
  else rec.insert('job_profiles', { workload_id: p.workloadId, ...row });
  return getJobProfile(db, p.workloadId) as JobProfile;
}

export type { WorkloadInput };

/** The priority a workshop vote gives a workload within its client (null: not ranked). */
export function setPriorityRank(rec: Recorder, workloadId: number, rank: number | null): void {
  rec.update('workloads', { id: workloadId }, { priority_rank: rank });
}
