// Candidates being benchmarked for a workload, their raw evaluation rows, governance and sign-offs.
import type { Database } from 'better-sqlite3';
import type { Candidate, EvaluationRow, GovernanceEntry, SignOff } from '../../shared/domain/types.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';
import { bool, boolOrNull, int, intOrNull } from './rows.ts';

export function candidateFromRow(r: Row): Candidate {
  return {
    id: Number(r.id),
    workloadId: Number(r.workload_id),
    name: String(r.name),
    approach: r.approach as Candidate['approach'],
    selfHostable: bool(r.self_hostable),
    dataRegion: (r.data_region as string | null) ?? null,
    policyUpdateHours: (r.policy_update_hours as number | null) ?? null,
    explainability: (r.explainability as number | null) ?? null,
    notes: String(r.notes),
  };
}

export function listCandidates(db: Database, workloadId?: number): Candidate[] {
  const rows = workloadId === undefined
    ? prepared(db, 'SELECT * FROM candidates ORDER BY workload_id, id').all()
    : prepared(db, 'SELECT * FROM candidates WHERE workload_id = ? ORDER BY id').all(workloadId);
  return (rows as Row[]).map(candidateFromRow);
}

export function getCandidate(db: Database, id: number): Candidate {
  const row = prepared(db, 'SELECT * FROM candidates WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', field: 'id', message: `Candidate ${id} no longer exists` });
  return candidateFromRow(row);
}

function candidateRow(c: Omit<Candidate, 'id'>): Row {
  return {
    workload_id: c.workloadId, name: c.name, approach: c.approach, self_hostable: int(c.selfHostable), data_region: c.dataRegion,
    policy_update_hours: c.policyUpdateHours, explainability: c.explainability, notes: c.notes,
  };
}

export function insertCandidate(db: Database, rec: Recorder, c: Omit<Candidate, 'id'> & { id?: number }): Candidate {
  const row = candidateRow(c);
  if (c.id !== undefined) row.id = c.id;
  return getCandidate(db, rec.insert('candidates', row));
}

export function updateCandidate(db: Database, rec: Recorder, c: Candidate): Candidate {
  rec.update('candidates', { id: c.id }, candidateRow(c));
  return getCandidate(db, c.id);
}

export function deleteCandidate(rec: Recorder, id: number): void {
  rec.deleteWhere('evaluation_rows', { candidate_id: id });
  rec.deleteWhere('sign_offs', { candidate_id: id });
  rec.deleteWhere('governance', { candidate_id: id });
  rec.delete('candidates', { id });
}

export function evaluationRowFromRow(r: Row): EvaluationRow {
  return {
    candidateId: Number(r.candidate_id),
    taskId: String(r.task_id),
    latencyMs: (r.latency_ms as number | null) ?? null,
    costUsd: (r.cost_usd as number | null) ?? null,
    correct: boolOrNull(r.correct),
    grounded: boolOrNull(r.grounded),
    refused: boolOrNull(r.refused),
    hallucinated: boolOrNull(r.hallucinated),
    winVsBaseline: boolOrNull(r.win_vs_baseline),
  };
}

export function listEvaluationRows(db: Database, workloadId?: number): EvaluationRow[] {
  const rows = workloadId === undefined
    ? prepared(db, 'SELECT * FROM evaluation_rows ORDER BY candidate_id, id').all()
    : prepared(db, 'SELECT e.* FROM evaluation_rows e JOIN candidates c ON c.id = e.candidate_id WHERE c.workload_id = ? ORDER BY e.candidate_id, e.id').all(workloadId);
  return (rows as Row[]).map(evaluationRowFromRow);
}

export function insertEvaluationRow(rec: Recorder, r: EvaluationRow): void {
  rec.insert('evaluation_rows', {
    candidate_id: r.candidateId, task_id: r.taskId, latency_ms: r.latencyMs, cost_usd: r.costUsd, correct: intOrNull(r.correct),
    grounded: intOrNull(r.grounded), refused: intOrNull(r.refused), hallucinated: intOrNull(r.hallucinated), win_vs_baseline: intOrNull(r.winVsBaseline),
  });
}

export function listGovernance(db: Database, workloadId?: number): GovernanceEntry[] {
  const rows = workloadId === undefined
    ? prepared(db, 'SELECT * FROM governance ORDER BY candidate_id').all()
    : prepared(db, 'SELECT * FROM governance WHERE workload_id = ? ORDER BY candidate_id').all(workloadId);
  return (rows as Row[]).map((r) => ({
    workloadId: Number(r.workload_id), candidateId: Number(r.candidate_id), dataLocation: String(r.data_location),
    inspectors: String(r.inspectors), auditTrail: bool(r.audit_trail),
  }));
}

export function setGovernance(rec: Recorder, g: GovernanceEntry): void {
  const row = { workload_id: g.workloadId, data_location: g.dataLocation, inspectors: g.inspectors, audit_trail: int(g.auditTrail) };
  if (rec.selectByKey('governance', { candidate_id: g.candidateId })) rec.update('governance', { candidate_id: g.candidateId }, row);
  else rec.insert('governance', { candidate_id: g.candidateId, ...row });
}

export function listSignOffs(db: Database, workloadId?: number): SignOff[] {
  const rows = workloadId === undefined
    ? prepared(db, 'SELECT * FROM sign_offs ORDER BY candidate_id, role').all()
    : prepared(db, 'SELECT s.* FROM sign_offs s JOIN candidates c ON c.id = s.candidate_id WHERE c.workload_id = ? ORDER BY s.candidate_id, s.role').all(workloadId);
  return (rows as Row[]).map((r) => ({
    candidateId: Number(r.candidate_id), role: r.role as SignOff['role'], status: r.status as SignOff['status'], by: String(r.by), at: (r.at as string | null) ?? null,
  }));
}

export function setSignOff(rec: Recorder, s: SignOff): void {
  const key = { candidate_id: s.candidateId, role: s.role };
  const row = { status: s.status, by: s.by, at: s.at };
  if (rec.selectByKey('sign_offs', key)) rec.update('sign_offs', key, row);
  else rec.insert('sign_offs', { ...key, ...row });
}
