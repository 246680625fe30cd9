import { describe, it, expect } from 'vitest';
import { ANSWER_WEIGHTS, QUESTIONS, answersFromWorkload, profileFromAnswers } from '../../../shared/decision/questionnaire.ts';
import { recommend } from '../../../shared/decision/recommend.ts';
import { aProfile, aWorkload } from './builders.ts';

describe('the questionnaire', () => {
  it('asks every question DESIGN.md lists, each with help text and the options its kind needs', () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual([
      'knowledge', 'knowledgeChange', 'format', 'style', 'behavior', 'ranking', 'deployment', 'latencyTargetMs', 'residency', 'regulated', 'pairwiseFeedback',
    ]);
    for (const q of QUESTIONS) {
      expect(q.help).not.toBe('');
      expect(q.options.length > 0).toBe(q.kind === 'choice');
    }
  });
});

describe('profileFromAnswers', () => {
  it('gives 0 for no, a component weight for "yes, partly" and more for "yes, central"', () => {
    const { weights } = profileFromAnswers({ knowledge: 'no', format: 'partly', style: 'central' });
    expect(weights).toEqual({ knowledge: 0, format: ANSWER_WEIGHTS.partly, style: ANSWER_WEIGHTS.central, behavior: 0, ranking: 0 });
    expect(ANSWER_WEIGHTS.partly).toBeGreaterThanOrEqual(20);
  });

  it('weighs knowledge more when it changes faster than monthly', () => {
    expect(profileFromAnswers({ knowledge: 'partly', knowledgeChange: 'weekly' }).weights.knowledge).toBe(60);
    expect(profileFromAnswers({ knowledge: 'central', knowledgeChange: 'daily' }).weights.knowledge).toBe(100);
    expect(profileFromAnswers({ knowledge: 'partly', knowledgeChange: 'monthly' }).weights.knowledge).toBe(40);
    expect(profileFromAnswers({ knowledge: 'no', knowledgeChange: 'daily' }).weights.knowledge).toBe(0);
  });

  it('marks every weight as coming from the questionnaire and explains each answer', () => {
    const result = profileFromAnswers({ format: 'central', knowledge: 'partly', knowledgeChange: 'daily' });
    expect(Object.values(result.sources)).toEqual(Array(5).fill('questionnaire'));
    expect(result.evidence).toContain('Knowledge changes daily, faster than monthly: +20 to knowledge.');
    expect(result.evidence).toContain('Answered "central" for format: weight 80.');
  });

  it('turns the constraint answers into a workload patch', () => {
    const { workloadPatch } = profileFromAnswers({
      deployment: 'edge', latencyTargetMs: '250', residency: 'on_prem', regulated: true, pairwiseFeedback: 620, knowledgeChange: 'weekly',
    });
    expect(workloadPatch).toEqual({
      deployment: 'edge', latencyTargetMs: 250, residency: 'on_prem', regulated: true, auditTrailRequired: true, pairwiseFeedback: 620, knowledgeChangeFrequency: 'weekly',
    });
  });

  it('clears a latency target and residency answered as empty or none, and leaves unanswered fields alone', () => {
    expect(profileFromAnswers({ latencyTargetMs: '', residency: 'none' }).workloadPatch).toEqual({ latencyTargetMs: null, residency: null });
    expect(profileFromAnswers({}).workloadPatch).toEqual({});
  });

  it('feeds the decision tree: an edge classifier becomes an adapter', () => {
    const answers = profileFromAnswers({ behavior: 'central', deployment: 'edge' });
    const r = recommend({
      workload: aWorkload(answers.workloadPatch),
      profile: aProfile(answers.weights, { sources: answers.sources }),
      commitments: [], evaluations: [],
    });
    expect(r.components).toMatchObject([{ job: 'behavior', approach: 'open_weight', ruleId: 'R5' }]);
  });
});

describe('answersFromWorkload', () => {
  it('starts a draft from the saved answers when the profile has them', () => {
    const saved = { knowledge: 'central', deployment: 'edge' };
    expect(answersFromWorkload(aWorkload(), aProfile({ knowledge: 0 }, { answers: saved }))).toBe(saved);
  });

  it('reads the answers back from the workload and its weights when none were saved', () => {
    const a = answersFromWorkload(
      aWorkload({ deployment: 'on_prem', latencyTargetMs: 300, residency: null, auditTrailRequired: true, pairwiseFeedback: 800 }),
      aProfile({ knowledge: 70, format: 30, style: 5 }, { answers: null }),
    );
    expect(a).toMatchObject({
      knowledge: 'central', format: 'partly', style: 'no', deployment: 'on_prem', latencyTargetMs: '300', residency: 'none', regulated: true, pairwiseFeedback: '800',
    });
    // And those answers give back the same components: a round trip through the questionnaire keeps the profile's shape.
    const { weights } = profileFromAnswers(a);
    expect(weights.knowledge).toBeGreaterThanOrEqual(60);
    expect(weights.format).toBeGreaterThanOrEqual(20);
    expect(weights.style).toBe(0);
  });
});
