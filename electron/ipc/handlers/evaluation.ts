// Handlers of the evaluation matrix and the governance map.
import type { evaluationChannels } from '../../../shared/ipc/evaluation.ts';
import { checkConstraint, hardConstraints } from '../../../shared/decision/constraints.ts';
import { commitmentAppliesTo } from '../../../shared/plan/links.ts';
import { matrixFlags } from '../../../shared/evaluation/flags.ts';
import type { HandlerMap } from '../context.ts';
import {
  deleteCandidate, getCandidate, insertCandidate, listCandidates, listGovernance, listSignOffs, setGovernance, setSignOff, updateCandidate,
} from '../../db/candidates.ts';
import { getWorkload } from '../../db/workloads.ts';
import { OfframpError } from '../../../shared/errors.ts';
import { loadPortfolio } from '../../services/portfolio.ts';

export const evaluationHandlers: HandlerMap<keyof typeof evaluationChannels> = {
  'candidates.list': ({ workloadId }, ctx) => listCandidates(ctx.workspace.database(), workloadId),
  'candidates.create': (p, _ctx, db, rec) => {
    getWorkload(db, p.workloadId);
    if (listCandidates(db, p.workloadId).some((c) => c.name.toLowerCase() === p.name.toLowerCase())) {
      throw new OfframpError({ code: 'invalid_payload', field: 'name', message: `This workload already has a candidate named "${p.name}"` });
    }
    return insertCandidate(db, rec, p);
  },
  'candidates.update': (p, _ctx, db, rec) => {
    getCandidate(db, p.id);
    // Renaming onto another candidate's name would otherwise surface as SQLite's UNIQUE text.
    if (listCandidates(db, p.workloadId).some((c) => c.id !== p.id && c.name.toLowerCase() === p.name.toLowerCase())) {
      throw new OfframpError({ code: 'invalid_payload', field: 'name', message: `This workload already has a candidate named "${p.name}"; choose another name.` });
    }
    return updateCandidate(db, rec, p);
  },
  'candidates.delete': ({ id }, _ctx, db, rec) => {
    getCandidate(db, id);
    deleteCandidate(rec, id);
    return null;
  },
  'evaluations.matrix': ({ workloadId, today }, ctx) => {
    const db = ctx.workspace.database();
    const workload = getWorkload(db, workloadId);
    const { portfolio, evaluations, snapshot } = loadPortfolio(db, today ?? ctx.today(), workload.clientId);
    const entry = portfolio.workloads.find((w) => w.workload.id === workloadId);
    if (!entry) throw new OfframpError({ code: 'not_found', message: `Workload ${workloadId} no longer exists` });
    const commitments = snapshot.commitments.filter((c) => commitmentAppliesTo(c, workload));
    const constraints = hardConstraints(workload, commitments);
    const evals = evaluations.get(workloadId) ?? [];
    const checks = Object.fromEntries(evals.map((e) => [e.candidateId, constraints.map((constraint) => ({ constraint, check: checkConstraint(constraint, e) }))]));
    return { workloadId, evaluations: evals, constraints, checks, flags: matrixFlags(workload, commitments, evals), commitments, recommendation: entry.recommendation };
  },
  'governance.get': ({ workloadId }, ctx) => {
    const db = ctx.workspace.database();
    const workload = getWorkload(db, workloadId);
    return {
      workloadId,
      regulated: workload.regulated || workload.auditTrailRequired,
      candidates: listCandidates(db, workloadId),
      governance: listGovernance(db, workloadId),
      signOffs: listSignOffs(db, workloadId),
    };
  },
  'governance.set': (p, _ctx, db, rec) => {
    const candidate = getCandidate(db, p.candidateId);
    if (candidate.workloadId !== p.workloadId) throw new OfframpError({ code: 'invalid_payload', field: 'candidateId', message: 'This candidate belongs to another workload' });
    setGovernance(rec, p);
    return listGovernance(db, p.workloadId).find((g) => g.candidateId === p.candidateId) ?? p;
  },
  'signOffs.set': (p, _ctx, db, rec) => {
    const candidate = getCandidate(db, p.candidateId);
    setSignOff(rec, p);
    return listSignOffs(db, candidate.workloadId).find((s) => s.candidateId === p.candidateId && s.role === p.role) ?? p;
  },
};
