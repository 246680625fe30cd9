// Small builders for evaluation tests.
import type { Candidate, EvaluationRow, SignOff, Workload } from '../../../shared/domain/types.ts';

export function aWorkload(over: Partial<Workload> = {}): Workload {
  return {
    id: 1,
    clientId: 1,
    name: 'Support triage',
    kind: 'workflow',
    fineTunedModel: 'ft:gpt-4o-mini-2024-07-18:acme:triage:abc',
    baseModel: 'gpt-4o-mini-2024-07-18',
    owner: 'Dana',
    criticality: 'important',
    deployment: 'cloud',
    residency: null,
    regulated: false,
    auditTrailRequired: false,
    monthlyVolume: 100_000,
    latencyTargetMs: null,
    pairwiseFeedback: 0,
    knowledgeChangeFrequency: 'monthly',
    baselineAccuracy: null,
    baselineP95Ms: null,
    baselineCostPer1k: null,
    startDate: null,
    retrainCadenceDays: null,
    lastRetrainDate: null,
    notes: '',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...over,
  };
}

export function aCandidate(over: Partial<Candidate> = {}): Candidate {
  return {
    id: 10,
    workloadId: 1,
    name: 'RAG + small hosted model',
    approach: 'rag',
    selfHostable: false,
    dataRegion: 'EU',
    policyUpdateHours: 2,
    explainability: 4,
    notes: '',
    ...over,
  };
}

export function aRow(over: Partial<EvaluationRow> = {}): EvaluationRow {
  return {
    candidateId: 10,
    taskId: 't1',
    latencyMs: null,
    costUsd: null,
    correct: null,
    grounded: null,
    refused: null,
    hallucinated: null,
    winVsBaseline: null,
    ...over,
  };
}

export function aSignOff(over: Partial<SignOff> = {}): SignOff {
  return { candidateId: 10, role: 'legal', status: 'approved', by: 'Sam', at: '2026-11-10', ...over };
}
