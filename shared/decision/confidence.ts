// How far to trust a recommendation: from how complete its inputs are, with each missing input named.
import type { Evaluation, JobProfile, Workload } from '../domain/types.ts';
import { THRESHOLDS } from './thresholds.ts';
import type { Confidence } from './types.ts';

/**
 * low: no job profile or no job at the component weight (the recommendation is a default), or more than
 * `mediumConfidenceMaxMissing` inputs missing;
 * medium: one or two inputs missing; high: baselines, a confirmed profile and evaluations all present.
 */
export function assessConfidence(workload: Workload, profile: JobProfile | null, evaluations: Evaluation[], hasComponents: boolean): Confidence {
  const missing: string[] = [];
  if (workload.baselineAccuracy === null) missing.push('baseline accuracy');
  if (workload.baselineP95Ms === null) missing.push('baseline p95 latency');
  if (workload.baselineCostPer1k === null) missing.push('baseline cost per 1k tasks');
  if (profile === null) missing.push('job profile (no jobs classified)');
  else if (!hasComponents) missing.push(`a job weighing ${THRESHOLDS.componentWeight} or more in the job profile`);
  else if (!profile.confirmed) missing.push('confirmed job profile (the current one is a guess)');
  if (evaluations.length === 0) missing.push('evaluations of candidates');

  let level: Confidence['level'] = 'high';
  if (profile === null || !hasComponents || missing.length > THRESHOLDS.mediumConfidenceMaxMissing) level = 'low';
  else if (missing.length > 0) level = 'medium';
  return { level, missing };
}
