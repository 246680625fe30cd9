// Scenario tests for the rule corrections of issue 13 §2: R6 on deployment, R8's named shortfalls, and the wording.
import { describe, it, expect } from 'vitest';
import { recommend, type RecommendInput } from '../../../shared/decision/recommend.ts';
import type { Recommendation } from '../../../shared/decision/types.ts';
import type { JobWeights, Workload } from '../../../shared/domain/types.ts';
import { aCommitment, anEvaluation, aProfile, aWorkload } from './builders.ts';

function decide(weights: Partial<JobWeights>, workload: Partial<Workload> = {}, rest: Partial<RecommendInput> = {}): Recommendation {
  return recommend({ workload: aWorkload(workload), profile: aProfile(weights), commitments: [], evaluations: [], ...rest });
}
const r6 = (r: Recommendation) => r.trace.find((t) => t.ruleId === 'R6');
const allText = (r: Recommendation) => [...r.trace.map((t) => t.text), ...r.warnings.map((w) => w.text), ...r.notes.map((n) => n.text), ...r.components.map((c) => c.reason)].join('\n');

describe('R6 for a workload deployed on the client\'s infrastructure', () => {
  it.each([
    ['on_prem', 'deployed on the client\'s own servers'],
    ['edge', 'deployed at the edge'],
  ] as const)('makes every prompting part self-hosted when deployed %s, and says why', (deployment, why) => {
    const r = decide({ format: 60, style: 30, knowledge: 40 }, { deployment });
    expect(r.components.find((c) => c.job === 'format')).toMatchObject({ approach: 'open_weight', ruleId: 'R6' });
    expect(r.components.find((c) => c.job === 'style')).toMatchObject({ approach: 'open_weight', ruleId: 'R6' });
    expect(r.components.some((c) => c.approach === 'prompting')).toBe(false);
    expect(r6(r)?.text).toContain(why);
    expect(r6(r)?.text).toContain('knowledge keeps its approach with generation on a self-hosted open-weight model');
  });

  it('never gives an on-prem workload hosted prompting, even without a job profile', () => {
    const r = recommend({ workload: aWorkload({ deployment: 'on_prem' }), profile: null, commitments: [], evaluations: [] });
    expect(r.architecture).toBe('open_weight');
    expect(r.architectureParts[0]).toContain('self-hosted open-weight model');
  });

  it('rules out hosted-only candidates for an edge deployment', () => {
    const r = decide({ format: 60 }, { deployment: 'edge' }, {
      evaluations: [
        anEvaluation({ candidateId: 1, candidateName: 'Hosted prompt', costPer1k: 0.2, selfHostable: false }),
        anEvaluation({ candidateId: 2, candidateName: 'Local 8B', costPer1k: 0.9, selfHostable: true }),
      ],
    });
    expect(r.selectedCandidate?.name).toBe('Local 8B');
  });

  it('leaves a cloud workload with no residency alone', () => {
    const r = decide({ format: 60 }, { deployment: 'cloud' });
    expect(r6(r)).toBeUndefined();
    expect(r.architecture).toBe('prompting');
  });
});

describe('R8 names every unmet commitment with the best candidate\'s value', () => {
  const accuracy = aCommitment({ id: 1, customer: 'St. Anne', kind: 'accuracy', threshold: 0.95 });
  const latency = aCommitment({ id: 2, customer: 'Harbor Bank', kind: 'latency', threshold: 1200 });

  it('when no candidate meets them', () => {
    const r = decide({ knowledge: 60 }, {}, {
      commitments: [accuracy, latency],
      evaluations: [
        anEvaluation({ candidateId: 1, candidateName: 'A', accuracy: 0.91, p95LatencyMs: 1500 }),
        anEvaluation({ candidateId: 3, candidateName: 'C', accuracy: 0.93, p95LatencyMs: 1800 }),
      ],
    });
    const warning = r.warnings.find((w) => w.ruleId === 'R8')?.text;
    expect(warning).toBe('No candidate meets every commitment: accuracy ≥ 0.95 for St. Anne: best 0.93 (C); p95 latency ≤ 1,200 ms for Harbor Bank: best 1,500 ms (A).');
  });

  it('also when a combination meets them and the architecture becomes multi-model', () => {
    const r = decide({ knowledge: 60 }, {}, {
      commitments: [accuracy, latency],
      evaluations: [
        anEvaluation({ candidateId: 1, candidateName: 'Accurate', accuracy: 0.97, p95LatencyMs: 2000 }),
        anEvaluation({ candidateId: 2, candidateName: 'Fast', accuracy: 0.9, p95LatencyMs: 400 }),
      ],
    });
    expect(r.architecture).toBe('multi_model');
    const warning = r.warnings.find((w) => w.ruleId === 'R8')?.text ?? '';
    expect(warning).toContain('No single candidate meets every commitment');
    expect(warning).toContain('accuracy ≥ 0.95 for St. Anne: best 0.97 (Accurate)');
    expect(warning).toContain('p95 latency ≤ 1,200 ms for Harbor Bank: best 400 ms (Fast)');
  });

  it('says when no candidate measured the metric at all', () => {
    const r = decide({ knowledge: 60 }, {}, { commitments: [accuracy], evaluations: [anEvaluation({ accuracy: null })] });
    expect(r.warnings.find((w) => w.ruleId === 'R8')?.text).toContain('accuracy ≥ 0.95 for St. Anne: no candidate measured accuracy');
  });

  it('writes the selected candidate\'s cost as money with two decimals', () => {
    const r = decide({ knowledge: 60 }, {}, { evaluations: [anEvaluation({ costPer1k: 1234.5 })] });
    expect(r.selectedCandidate?.reason).toContain('$1,234.50 per 1,000 tasks');
  });
});

describe('the sentences read as English', () => {
  it('says "no pairwise feedback pairs", never "only 0 pairs"', () => {
    const r = decide({ ranking: 60, style: 70 }, { pairwiseFeedback: 0 });
    expect(allText(r)).not.toMatch(/only 0\b/);
    expect(allText(r)).toContain('no pairwise feedback pairs exist');
    expect(allText(r)).toContain('none exist');
  });

  it('says "1 pairwise feedback pair exists"', () => {
    expect(allText(decide({ ranking: 60 }, { pairwiseFeedback: 1 }))).toContain('only 1 pairwise feedback pair exists');
  });

  it('says "an 800 ms" and "a 500 ms"', () => {
    expect(allText(decide({ behavior: 60 }, { latencyTargetMs: 800 }))).toContain('an 800 ms p95 target');
    expect(allText(decide({ behavior: 60 }, { latencyTargetMs: 500 }))).toContain('a 500 ms p95 target');
    expect(allText(decide({ behavior: 60 }, { latencyTargetMs: 11_000 }))).toContain('an 11,000 ms p95 target');
  });

  it('writes thousands with separators', () => {
    expect(allText(decide({ behavior: 60 }, { monthlyVolume: 2_500_000 }))).toContain('2,500,000 tasks a month');
  });
});
