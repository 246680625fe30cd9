// Defaults for sample and generated records, so each case states only what makes it different.
import { JOBS, type Job, type JobProfile, type JobWeights, type Workload } from '../domain/types.ts';

export function sampleWorkload(stamp: string, fields: Partial<Workload> & Pick<Workload, 'id' | 'clientId' | 'name'>): Workload {
  return {
    kind: 'feature',
    fineTunedModel: `ft:gpt-4o-mini:offramp:${fields.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    baseModel: 'gpt-4o-mini',
    owner: '',
    criticality: 'important',
    deployment: 'cloud',
    residency: null,
    regulated: false,
    auditTrailRequired: false,
    monthlyVolume: 100_000,
    latencyTargetMs: null,
    pairwiseFeedback: 0,
    knowledgeChangeFrequency: 'quarterly',
    baselineAccuracy: null,
    baselineP95Ms: null,
    baselineCostPer1k: null,
    startDate: null,
    retrainCadenceDays: null,
    lastRetrainDate: null,
    notes: '',
    createdAt: stamp,
    updatedAt: stamp,
    ...fields,
  };
}

export function sampleProfile(workloadId: number, weights: Partial<JobWeights>, confirmed: boolean, evidence: string[] = []): JobProfile {
  const full = Object.fromEntries(JOBS.map((j) => [j, weights[j] ?? 0])) as JobWeights;
  return {
    workloadId,
    weights: full,
    sources: Object.fromEntries(JOBS.map((j) => [j, confirmed ? 'manual' : 'analysis'])) as Record<Job, JobProfile['sources'][Job]>,
    confirmed,
    evidence,
    answers: null,
  };
}
