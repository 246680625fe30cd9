import { describe, it, expect } from 'vitest';
import { recommend, type RecommendInput } from '../../../shared/decision/recommend.ts';
import { RULES, THRESHOLDS } from '../../../shared/decision/thresholds.ts';
import type { Recommendation } from '../../../shared/decision/types.ts';
import type { Approach, Job, JobWeights, Workload } from '../../../shared/domain/types.ts';
import { aCommitment, anEvaluation, anOverride, aProfile, aWorkload } from './builders.ts';

function decide(weights: Partial<JobWeights>, workload: Partial<Workload> = {}, rest: Partial<RecommendInput> = {}): Recommendation {
  return recommend({ workload: aWorkload(workload), profile: aProfile(weights), commitments: [], evaluations: [], ...rest });
}
const componentOf = (r: Recommendation, job: Job) => r.components.find((c) => c.job === job);
const ruleIds = (r: Recommendation) => r.trace.map((t) => t.ruleId);

describe('the thresholds table', () => {
  it('describes every rule R1 to R10 in plain language', () => {
    expect(RULES.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10']);
    for (const rule of RULES) expect(rule.description.length).toBeGreaterThan(40);
  });

  it('holds the thresholds DESIGN.md names', () => {
    expect(THRESHOLDS).toMatchObject({ componentWeight: 20, preferencePairs: 500, adapterLatencyMs: 300, adapterMonthlyVolume: 1_000_000, onTrackSlackDays: 5 });
  });
});

describe('a job becomes a component only at weight 20 or more', () => {
  it.each([
    ['knowledge', 'rag', 'R1'],
    ['format', 'prompting', 'R2'],
    ['style', 'prompting', 'R3'],
    ['behavior', 'prompting', 'R5'],
    ['ranking', 'prompting', 'R4'],
  ] as [Job, Approach, string][])('%s at 19 gives no component, at 20 gives %s by %s', (job, approach, rule) => {
    expect(componentOf(decide({ [job]: 19, format: job === 'format' ? 19 : 50 }), job)).toBeUndefined();
    const c = componentOf(decide({ [job]: 20 }), job);
    expect(c).toMatchObject({ job, weight: 20, approach, ruleId: rule, override: null });
    expect(c?.reason).toContain('20 (≥ 20)');
  });
});

describe('R3 style', () => {
  it.each([
    [499, 60, 'prompting'],
    [500, 60, 'preference'],
    [500, 20, 'prompting'], // enough pairs, but knowledge (40) is the top job
    [5_000, 40, 'preference'], // tied with knowledge for top still counts as top
  ] as [number, number, Approach][])('with %i pairs and style weight %i chooses %s', (pairs, style, approach) => {
    const r = decide({ style, knowledge: 40 }, { pairwiseFeedback: pairs });
    expect(componentOf(r, 'style')?.approach).toBe(approach);
  });
});

describe('R4 ranking', () => {
  it('uses preference optimization from 500 pairwise feedback pairs', () => {
    const r = decide({ ranking: 60 }, { pairwiseFeedback: 500 });
    expect(componentOf(r, 'ranking')?.approach).toBe('preference');
    expect(r.warnings).toEqual([]);
  });

  it('prompts for now below 500 pairs and warns to collect pairwise feedback', () => {
    const r = decide({ ranking: 60 }, { pairwiseFeedback: 499 });
    expect(componentOf(r, 'ranking')?.approach).toBe('prompting');
    expect(r.warnings).toContainEqual({ ruleId: 'R4', text: expect.stringContaining('Collect pairwise feedback') });
  });
});

describe('R5 behavior', () => {
  it.each([
    [{ latencyTargetMs: 300 }, 'open_weight'],
    [{ latencyTargetMs: 301 }, 'prompting'],
    [{ latencyTargetMs: null }, 'prompting'],
    [{ monthlyVolume: 999_999 }, 'prompting'],
    [{ monthlyVolume: 1_000_000 }, 'open_weight'],
    [{ deployment: 'edge' }, 'open_weight'],
    [{ deployment: 'on_prem' }, 'open_weight'],
    [{ deployment: 'cloud' }, 'prompting'],
  ] as [Partial<Workload>, Approach][])('with %o chooses %s', (fields, approach) => {
    const r = decide({ behavior: 70 }, fields);
    expect(componentOf(r, 'behavior')?.approach).toBe(approach);
    expect(r.trace[0].inputs).toMatchObject({ behaviorWeight: 70 });
  });

  it('names the input that moved behavior to an adapter', () => {
    const r = decide({ behavior: 70 }, { monthlyVolume: 2_500_000 });
    expect(componentOf(r, 'behavior')?.reason).toContain('2,500,000 tasks a month (≥ 1,000,000)');
  });

  it('notes to benchmark an adapter when it stays on prompting', () => {
    const r = decide({ behavior: 70 }, { latencyTargetMs: 301 });
    expect(r.notes).toContainEqual({ ruleId: 'R5', text: expect.stringContaining('Benchmark an adapter') });
  });
});

describe('R6 residency on_prem', () => {
  it('turns prompting components into self-hosted open-weight ones', () => {
    const r = decide({ format: 60, knowledge: 50 }, { residency: 'on_prem' });
    expect(componentOf(r, 'format')).toMatchObject({ approach: 'open_weight', ruleId: 'R6' });
    expect(componentOf(r, 'knowledge')?.approach).toBe('rag');
    expect(ruleIds(r)).toContain('R6');
  });

  it('also fires for a residency commitment that says on-prem', () => {
    const r = decide({ format: 60 }, {}, { commitments: [aCommitment({ kind: 'residency', description: 'On-prem' })] });
    expect(componentOf(r, 'format')?.approach).toBe('open_weight');
  });

  it('does not fire for a regional residency such as EU', () => {
    const r = decide({ format: 60 }, { residency: 'EU' });
    expect(componentOf(r, 'format')?.approach).toBe('prompting');
    expect(ruleIds(r)).not.toContain('R6');
  });

  it('makes hosted-only candidates ineligible', () => {
    const r = decide({ knowledge: 60 }, { residency: 'on_prem' }, {
      evaluations: [
        anEvaluation({ candidateId: 1, candidateName: 'Hosted RAG', costPer1k: 0.5, selfHostable: false }),
        anEvaluation({ candidateId: 2, candidateName: 'Self-hosted RAG', costPer1k: 2, selfHostable: true, dataRegion: 'on_prem' }),
      ],
    });
    expect(r.selectedCandidate?.name).toBe('Self-hosted RAG');
    expect(r.trace.find((t) => t.ruleId === 'R8')?.inputs.rejected).toContain('Hosted RAG: hosted only');
  });
});

describe('R7 architecture', () => {
  it('is the single approach when every component uses it', () => {
    const r = decide({ format: 60, style: 40 });
    expect(r.architecture).toBe('prompting');
    expect(ruleIds(r)).not.toContain('R7');
  });

  it('is a multi-model stack with each part named when two approaches are used', () => {
    const r = decide({ knowledge: 60, behavior: 40 }, { latencyTargetMs: 200 });
    expect(r.architecture).toBe('multi_model');
    expect(r.architectureParts).toEqual(['router (open-weight adapter) for behavior', 'retrieval-backed generation (RAG) for knowledge']);
    expect(ruleIds(r)).toContain('R7');
  });

  it('adds a router part when no job is a fixed decision', () => {
    const r = decide({ knowledge: 60, format: 40 });
    expect(r.architectureParts[0]).toMatch(/^router/);
    expect(r.architectureParts).toHaveLength(3);
  });

  it('is a stack when no single candidate meets every constraint but each is met by one', () => {
    const commitments = [
      aCommitment({ id: 1, kind: 'accuracy', threshold: 0.95 }),
      aCommitment({ id: 2, kind: 'latency', threshold: 300 }),
    ];
    const r = decide({ knowledge: 60 }, {}, {
      commitments,
      evaluations: [
        anEvaluation({ candidateId: 1, candidateName: 'Accurate', accuracy: 0.97, p95LatencyMs: 900 }),
        anEvaluation({ candidateId: 2, candidateName: 'Fast', accuracy: 0.9, p95LatencyMs: 200 }),
      ],
    });
    expect(r.selectedCandidate).toBeNull();
    expect(r.architecture).toBe('multi_model');
    expect(r.trace.find((t) => t.ruleId === 'R7')?.inputs.combinationOfCandidates).toBe(true);
  });
});

describe('R8 candidate selection', () => {
  const accuracy = aCommitment({ id: 3, customer: 'St. Anne', kind: 'accuracy', threshold: 0.9 });

  it('picks the cheapest eligible candidate that meets every commitment', () => {
    const r = decide({ knowledge: 60 }, {}, {
      commitments: [accuracy],
      evaluations: [
        anEvaluation({ candidateId: 1, candidateName: 'Cheap but inaccurate', costPer1k: 0.2, accuracy: 0.85 }),
        anEvaluation({ candidateId: 2, candidateName: 'Cheap but not approved', costPer1k: 0.3, eligible: false, ineligibleReason: 'compliance pending' }),
        anEvaluation({ candidateId: 3, candidateName: 'Expensive', costPer1k: 3, accuracy: 0.95 }),
        anEvaluation({ candidateId: 4, candidateName: 'Right', costPer1k: 1, accuracy: 0.92 }),
      ],
    });
    expect(r.selectedCandidate).toMatchObject({ candidateId: 4, name: 'Right' });
    expect(r.selectedCandidate?.reason).toContain('accuracy ≥ 0.9 promised to St. Anne');
  });

  it('breaks a cost tie with the higher grounded-answer rate', () => {
    const r = decide({ knowledge: 60 }, {}, {
      evaluations: [
        anEvaluation({ candidateId: 1, candidateName: 'Less grounded', costPer1k: 1, groundedRate: 0.8 }),
        anEvaluation({ candidateId: 2, candidateName: 'More grounded', costPer1k: 1, groundedRate: 0.95 }),
      ],
    });
    expect(r.selectedCandidate?.name).toBe('More grounded');
    expect(r.selectedCandidate?.reason).toContain('grounded-answer rate');
  });

  it('warns naming the commitment no candidate meets', () => {
    const r = decide({ knowledge: 60 }, {}, { commitments: [accuracy], evaluations: [anEvaluation({ accuracy: 0.8 }), anEvaluation({ candidateId: 2, accuracy: null })] });
    expect(r.selectedCandidate).toBeNull();
    expect(r.warnings).toContainEqual({ ruleId: 'R8', text: 'No candidate meets every commitment: accuracy ≥ 0.9 for St. Anne: best 0.8 (RAG + small model).' });
  });

  it('holds candidates to the data region of a residency commitment', () => {
    const r = decide({ knowledge: 60 }, {}, {
      commitments: [aCommitment({ kind: 'residency', description: 'EU' })],
      evaluations: [anEvaluation({ candidateId: 1, dataRegion: 'US', costPer1k: 0.1 }), anEvaluation({ candidateId: 2, dataRegion: 'eu', costPer1k: 1 })],
    });
    expect(r.selectedCandidate?.candidateId).toBe(2);
  });

  it('ignores commitments of other workloads', () => {
    const r = decide({ knowledge: 60 }, {}, { commitments: [{ ...accuracy, workloadIds: [99] }], evaluations: [anEvaluation({ accuracy: 0.5 })] });
    expect(r.selectedCandidate?.candidateId).toBe(1);
  });

  it('does not fire without evaluations', () => {
    expect(ruleIds(decide({ knowledge: 60 }))).not.toContain('R8');
  });
});

describe('R9 experimental', () => {
  it('warns to take the simplest approach first, in a later wave, or retire', () => {
    const r = decide({ style: 60 }, { criticality: 'experimental' });
    expect(r.warnings).toContainEqual({ ruleId: 'R9', text: expect.stringContaining('later wave') });
    expect(ruleIds(decide({ style: 60 }, { criticality: 'important' }))).not.toContain('R9');
  });
});

describe('R10 regulated knowledge', () => {
  it.each([
    [{ regulated: true }, true],
    [{ auditTrailRequired: true }, true],
    [{ regulated: false, auditTrailRequired: false }, false],
  ] as [Partial<Workload>, boolean][])('with %o adds a note for auditors: %s', (fields, fires) => {
    const r = decide({ knowledge: 60 }, fields);
    expect(ruleIds(r).includes('R10')).toBe(fires);
    expect(r.notes.some((n) => n.ruleId === 'R10')).toBe(fires);
  });

  it('does not fire when knowledge weighs less than 20', () => {
    expect(ruleIds(decide({ knowledge: 19, format: 60 }, { regulated: true }))).not.toContain('R10');
  });

  it('warns when an override moves regulated knowledge into weights', () => {
    const r = decide({ knowledge: 60 }, { regulated: true }, { overrides: [anOverride({ job: 'knowledge', approach: 'open_weight' })] });
    expect(r.warnings).toContainEqual({ ruleId: 'R10', text: expect.stringContaining('auditors cannot trace') });
  });
});

describe('without a usable job profile', () => {
  it.each([
    ['no profile', null],
    ['every weight below 20', aProfile({ knowledge: 19, format: 10 })],
  ])('with %s it defaults to prompting, warns and has low confidence', (_, profile) => {
    const r = recommend({ workload: aWorkload(), profile, commitments: [], evaluations: [] });
    expect(r.components).toEqual([]);
    expect(r.architecture).toBe('prompting');
    expect(r.primaryApproach).toBe('prompting');
    expect(r.warnings[0]).toMatchObject({ ruleId: 'default', text: expect.stringContaining('questionnaire') });
    expect(r.confidence.level).toBe('low');
  });

  it('defaults to a self-hosted model under on_prem residency', () => {
    const r = recommend({ workload: aWorkload({ residency: 'on_prem' }), profile: null, commitments: [], evaluations: [] });
    expect(r.architecture).toBe('open_weight');
  });
});

describe('overrides', () => {
  it('replace the approach of a job, stay marked as an override, and appear in the trace', () => {
    const r = decide({ style: 60 }, {}, { overrides: [anOverride({ job: 'style', approach: 'preference', reason: 'Brand team prefers it' })] });
    expect(componentOf(r, 'style')).toMatchObject({
      approach: 'preference', ruleApproach: 'prompting', ruleId: 'R3',
      override: { approach: 'preference', reason: 'Brand team prefers it', actor: 'Dana', at: '2026-04-01T10:00:00.000Z' },
    });
    expect(r.architecture).toBe('preference');
    expect(r.trace.find((t) => t.ruleId === 'override')?.text).toContain('Dana overrode style from prompting (R3) to preference');
  });

  it('use the latest override of a job and ignore other workloads', () => {
    const r = decide({ style: 60 }, {}, {
      overrides: [
        anOverride({ approach: 'open_weight', at: '2026-05-01T00:00:00.000Z' }),
        anOverride({ approach: 'preference', at: '2026-04-01T00:00:00.000Z' }),
        anOverride({ workloadId: 2, approach: 'rag', at: '2026-06-01T00:00:00.000Z' }),
      ],
    });
    expect(componentOf(r, 'style')?.approach).toBe('open_weight');
  });

  it('are not applied to a job without a component, with a warning saying why', () => {
    const r = decide({ format: 60 }, {}, { overrides: [anOverride({ job: 'style' })] });
    expect(r.components.map((c) => c.job)).toEqual(['format']);
    expect(r.warnings).toContainEqual({ ruleId: 'override', text: expect.stringContaining('not applied') });
  });
});

describe('confidence', () => {
  it('is high with baselines, a confirmed profile and evaluations', () => {
    expect(decide({ knowledge: 60 }, {}, { evaluations: [anEvaluation()] }).confidence).toEqual({ level: 'high', missing: [] });
  });

  it('is medium and names what is missing when one or two inputs are', () => {
    const r = decide({ knowledge: 60 }, { baselineP95Ms: null });
    expect(r.confidence).toEqual({ level: 'medium', missing: ['baseline p95 latency', 'evaluations of candidates'] });
  });

  it('is low when the profile is only a guess and baselines are missing', () => {
    const r = recommend({ workload: aWorkload({ baselineAccuracy: null }), profile: aProfile({ knowledge: 60 }, { confirmed: false }), commitments: [], evaluations: [] });
    expect(r.confidence.level).toBe('low');
    expect(r.confidence.missing).toEqual(['baseline accuracy', 'confirmed job profile (the current one is a guess)', 'evaluations of candidates']);
  });
});

describe('the primary approach', () => {
  it('is the approach of the heaviest job', () => {
    expect(decide({ knowledge: 30, behavior: 80 }, { latencyTargetMs: 100 }).primaryApproach).toBe('open_weight');
  });
});
