import { describe, it, expect } from 'vitest';
import { buildPortfolio } from '../../../shared/portfolio.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type WorkspaceSnapshot } from '../../../shared/domain/snapshot.ts';
import { aCommitment, aContract, anEvaluation, anOverride, aPolicy, aProfile, aWorkload } from '../decision/builders.ts';

function aSnapshot(fields: Partial<WorkspaceSnapshot> = {}): WorkspaceSnapshot {
  return {
    format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, exportedAt: '2026-05-01T00:00:00.000Z',
    clients: [
      { id: 1, name: 'Acme', notes: '', createdAt: '', updatedAt: '' },
      { id: 2, name: 'Globex', notes: '', createdAt: '', updatedAt: '' },
    ],
    workloads: [aWorkload({ id: 1, clientId: 1 }), aWorkload({ id: 2, clientId: 1 }), aWorkload({ id: 3, clientId: 2 })],
    jobProfiles: [aProfile({ knowledge: 60 }, { workloadId: 1 }), aProfile({ style: 60 }, { workloadId: 2 })],
    contracts: [], commitments: [], candidates: [], evaluationRows: [], governance: [], signOffs: [], overrides: [], workshops: [],
    policy: aPolicy(),
    ...fields,
  };
}

describe('buildPortfolio', () => {
  it('gives every workload its profile, recommendation and plan, with the countdown to the deadline', () => {
    const p = buildPortfolio(aSnapshot(), '2026-05-01', new Map());
    expect(p).toMatchObject({ today: '2026-05-01', trainingDeadline: '2027-01-06', daysToDeadline: 250 });
    expect(p.workloads.map((w) => [w.workload.id, w.recommendation.architecture, w.plan.workloadId])).toEqual([[1, 'rag', 1], [2, 'prompting', 2], [3, 'prompting', 3]]);
    expect(p.workloads[2].profile).toBeNull();
    expect(p.rollups.map((r) => r.workloadCount)).toEqual([2, 1]);
  });

  it('applies client-wide commitments and linked contracts to the right workloads only', () => {
    const p = buildPortfolio(aSnapshot({
      commitments: [aCommitment({ clientId: 1, workloadIds: [], dueDate: '2026-10-01', noticeDays: 0 })],
      contracts: [aContract({ clientId: 2, workloadIds: [3], renewalDate: '2026-09-01', noticeDays: 31 })],
    }), '2026-05-01', new Map());
    expect(p.workloads.map((w) => w.plan.sunset.date)).toEqual(['2026-10-01', '2026-10-01', '2026-08-01']);
    expect(p.workspaceSunset).toMatchObject({ date: '2026-08-01', source: 'contract', workloadId: 3 });
    expect(p.rollups[1].sunset?.workloadId).toBe(3);
  });

  it('passes each workload its own evaluations and overrides', () => {
    const p = buildPortfolio(aSnapshot({ overrides: [anOverride({ workloadId: 2, job: 'style', approach: 'preference' })] }), '2026-05-01',
      new Map([[1, [anEvaluation({ workloadId: 1, candidateName: 'Hybrid RAG' })]]]));
    expect(p.workloads[0].recommendation.selectedCandidate?.name).toBe('Hybrid RAG');
    expect(p.workloads[1].recommendation.components[0].override?.approach).toBe('preference');
    expect(p.workloads[1].plan.approach).toBe('preference');
  });
});
