// The whole workspace as JSON: export for the CLI and backups, import (ids remapped) in one transaction.
import type { Database } from 'better-sqlite3';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type WorkspaceSnapshot } from '../../shared/domain/snapshot.ts';
import type { SnapshotInput } from '../../shared/domain/snapshotSchema.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { Recorder } from './changes.ts';
import { insertClient, listClients } from './clients.ts';
import { insertWorkload, listJobProfiles, listWorkloads, setJobProfile } from './workloads.ts';
import { insertCommitment, insertContract, listCommitments, listContracts } from './agreements.ts';
import { insertCandidate, insertEvaluationRow, listCandidates, listEvaluationRows, listGovernance, listSignOffs, setGovernance, setSignOff } from './candidates.ts';
import { listOverrides, setOverride } from './overrides.ts';
import { exportWorkshops, importWorkshops } from './workshopsSnapshot.ts';
import { getPolicy, setPolicy } from './policy.ts';
import { getBaseline, insertBaseline, listBaselines } from './baselines.ts';
import { remapBaselinePlan } from '../../shared/domain/snapshotBaselines.ts';
import type { BaselinePlan } from '../../shared/plan/baseline.ts';

export function exportSnapshot(db: Database, exportedAt: string): WorkspaceSnapshot {
  return db.transaction(() => ({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt,
    clients: listClients(db),
    workloads: listWorkloads(db),
    jobProfiles: listJobProfiles(db),
    contracts: listContracts(db),
    commitments: listCommitments(db),
    candidates: listCandidates(db),
    evaluationRows: listEvaluationRows(db),
    governance: listGovernance(db),
    signOffs: listSignOffs(db),
    overrides: listOverrides(db),
    workshops: exportWorkshops(db),
    baselines: listBaselines(db).map((b) => { const { workloadCount: _n, ...rest } = getBaseline(db, b.id); return rest; }),
    policy: getPolicy(db),
  }) as WorkspaceSnapshot)();
}

export interface ImportSummary {
  clients: number;
  workloads: number;
  contracts: number;
  commitments: number;
  candidates: number;
  evaluationRows: number;
}

/** Adds everything in `s` as new rows (ids are remapped, so importing into a non-empty workspace never collides). */
export function importSnapshot(db: Database, rec: Recorder, s: SnapshotInput, options: { replacePolicy: boolean }): ImportSummary {
  const map = (m: Map<number, number>, old: number, what: string, field: string): number => {
    const v = m.get(old);
    if (v === undefined) throw new OfframpError({ code: 'import_invalid', field, message: `${field} refers to ${what} ${old}, which is not in the file` });
    return v;
  };
  const clientIds = new Map<number, number>();
  for (const c of s.clients) clientIds.set(c.id, insertClient(db, rec, { name: c.name, notes: c.notes }).id);
  const workloadIds = new Map<number, number>();
  s.workloads.forEach((w, i) => {
    const { id: oldId, ...fields } = w;
    const created = insertWorkload(db, rec, { ...fields, clientId: map(clientIds, w.clientId, 'client', `workloads[${i}].clientId`) });
    workloadIds.set(oldId, created.id);
  });
  s.jobProfiles.forEach((p, i) => setJobProfile(db, rec, { ...p, workloadId: map(workloadIds, p.workloadId, 'workload', `jobProfiles[${i}].workloadId`) }));
  s.contracts.forEach((c, i) => {
    const { id: _id, ...fields } = c;
    insertContract(db, rec, {
      ...fields,
      clientId: c.clientId === null ? null : map(clientIds, c.clientId, 'client', `contracts[${i}].clientId`),
      workloadIds: c.workloadIds.map((w) => map(workloadIds, w, 'workload', `contracts[${i}].workloadIds`)),
    });
  });
  s.commitments.forEach((c, i) => {
    const { id: _id, ...fields } = c;
    insertCommitment(db, rec, {
      ...fields,
      clientId: map(clientIds, c.clientId, 'client', `commitments[${i}].clientId`),
      workloadIds: c.workloadIds.map((w) => map(workloadIds, w, 'workload', `commitments[${i}].workloadIds`)),
    });
  });
  const candidateIds = new Map<number, number>();
  s.candidates.forEach((c, i) => {
    const { id: oldId, ...fields } = c;
    candidateIds.set(oldId, insertCandidate(db, rec, { ...fields, workloadId: map(workloadIds, c.workloadId, 'workload', `candidates[${i}].workloadId`) }).id);
  });
  s.evaluationRows.forEach((r, i) => insertEvaluationRow(rec, { ...r, candidateId: map(candidateIds, r.candidateId, 'candidate', `evaluationRows[${i}].candidateId`) }));
  s.governance.forEach((g, i) => setGovernance(rec, {
    ...g,
    workloadId: map(workloadIds, g.workloadId, 'workload', `governance[${i}].workloadId`),
    candidateId: map(candidateIds, g.candidateId, 'candidate', `governance[${i}].candidateId`),
  }));
  s.signOffs.forEach((o, i) => setSignOff(rec, { ...o, candidateId: map(candidateIds, o.candidateId, 'candidate', `signOffs[${i}].candidateId`) }));
  s.overrides.forEach((o, i) => setOverride(rec, { ...o, workloadId: map(workloadIds, o.workloadId, 'workload', `overrides[${i}].workloadId`) }));
  importWorkshops(db, rec, s.workshops, clientIds, workloadIds);
  for (const b of s.baselines ?? []) {
    insertBaseline(db, rec, { name: b.name, takenAt: b.takenAt, plan: remapBaselinePlan(b.plan as unknown as BaselinePlan, workloadIds, clientIds) });
  }
  if (options.replacePolicy && s.policy) setPolicy(db, rec, s.policy);
  return {
    clients: s.clients.length, workloads: s.workloads.length, contracts: s.contracts.length, commitments: s.commitments.length,
    candidates: s.candidates.length, evaluationRows: s.evaluationRows.length,
  };
}
