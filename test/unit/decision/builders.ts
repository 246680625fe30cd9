// Small builders for test data: each test states only the fields that matter to it.
import {
  DEFAULT_POLICY, JOBS,
  type Commitment, type Contract, type DeadlinePolicy, type Evaluation, type JobProfile, type JobWeights, type RecommendationOverride, type Workload,
} from '../../../shared/domain/types.ts';

export function aWorkload(fields: Partial<Workload> = {}): Workload {
  return {
    id: 1, clientId: 1, name: 'Support answers', kind: 'feature', fineTunedModel: 'ft:gpt-4o-mini:acme:support', baseModel: 'gpt-4o-mini',
    owner: '', criticality: 'important', deployment: 'cloud', residency: null, regulated: false, auditTrailRequired: false,
    monthlyVolume: 100_000, latencyTargetMs: null, pairwiseFeedback: 0, knowledgeChangeFrequency: 'quarterly',
    baselineAccuracy: 0.9, baselineP95Ms: 800, baselineCostPer1k: 1.5, startDate: null, retrainCadenceDays: null, lastRetrainDate: null,
    notes: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

export function aProfile(weights: Partial<JobWeights>, fields: Partial<JobProfile> = {}): JobProfile {
  return {
    workloadId: 1,
    weights: Object.fromEntries(JOBS.map((j) => [j, weights[j] ?? 0])) as JobWeights,
    sources: Object.fromEntries(JOBS.map((j) => [j, 'manual'])) as JobProfile['sources'],
    confirmed: true, evidence: [], answers: null,
    ...fields,
  };
}

export function aCommitment(fields: Partial<Commitment> = {}): Commitment {
  return {
    id: 1, clientId: 1, customer: 'Acme', kind: 'other', threshold: null, description: '', dueDate: null, noticeDays: 0, penalty: null, workloadIds: [1],
    ...fields,
  };
}

export function aContract(fields: Partial<Contract> = {}): Contract {
  return {
    id: 1, clientId: 1, name: 'Master agreement', party: 'client', counterparty: 'Acme', renewalDate: null, noticeDays: 0, notes: '', workloadIds: [1],
    ...fields,
  };
}

export function anEvaluation(fields: Partial<Evaluation> = {}): Evaluation {
  return {
    candidateId: 1, workloadId: 1, candidateName: 'RAG + small model', approach: 'rag', selfHostable: false, dataRegion: 'EU', sampleSize: 100,
    costPer1k: 1, p50LatencyMs: 400, p95LatencyMs: 900, accuracy: 0.95, groundedRate: 0.9, refusalRate: 0, hallucinationRate: 0.02, winRate: 0.5,
    policyUpdateHours: 1, explainability: 4, eligible: true, ineligibleReason: null,
    ...fields,
  };
}

export function anOverride(fields: Partial<RecommendationOverride> = {}): RecommendationOverride {
  return { workloadId: 1, job: 'style', approach: 'preference', reason: 'Brand team prefers it', actor: 'Dana', at: '2026-04-01T10:00:00.000Z', ...fields };
}

export function aPolicy(fields: Partial<DeadlinePolicy> = {}): DeadlinePolicy {
  return { ...DEFAULT_POLICY, ...fields };
}
