import { describe, expect, it } from 'vitest';
import { recommend } from '../../../shared/decision/recommend.ts';
import { summarizeRecommendation, summaryChanges } from '../../../shared/workshop/summary.ts';
import { aProfile, aWorkload } from '../decision/builders.ts';

describe('the recommendation summary the minutes keep', () => {
  const input = (weights: Parameters<typeof aProfile>[0]) => recommend({ workload: aWorkload({ id: 1 }), profile: aProfile(weights), commitments: [], evaluations: [], overrides: [] });

  it('keeps the architecture, the approach per job and each fired rule once', () => {
    const s = summarizeRecommendation(input({ knowledge: 80 }), null);
    expect(s.architecture).toBe('rag');
    expect(s.components).toEqual([{ job: 'knowledge', approach: 'rag' }]);
    expect(s.rules.map((r) => r.id)).toContain('R1');
    expect(new Set(s.rules.map((r) => `${r.id}${r.sentence}`)).size).toBe(s.rules.length);
    expect(s.planEnd).toBeNull();
  });

  it('says what changed between before and after', () => {
    const before = summarizeRecommendation(input({ format: 80 }), null);
    const after = summarizeRecommendation(input({ knowledge: 80, format: 80 }), null);
    expect(summaryChanges(before, after)).toContain('knowledge: now rag');
    expect(summaryChanges(after, after)).toEqual([]);
  });
});
