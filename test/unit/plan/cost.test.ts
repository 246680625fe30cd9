import { describe, it, expect } from 'vitest';
import { costAtVolume, costByClient, totalCost } from '../../../shared/plan/cost.ts';
import { formatPartialMoney, moneyOrUnknown } from '../../../shared/format.ts';
import { recommend } from '../../../shared/decision/recommend.ts';
import { anEvaluation, aProfile, aWorkload } from '../decision/builders.ts';

const basis = (costPer1k: number | null, source: 'selected' | 'cheapest' = 'selected') => ({ candidateId: 1, name: 'RAG 8B', costPer1k, source });

describe('cost at volume', () => {
  it('prices a month and a year today and after migration', () => {
    const c = costAtVolume(aWorkload({ monthlyVolume: 200_000, baselineCostPer1k: 1.5 }), basis(0.4));
    expect(c).toMatchObject({ todayMonthly: 300, todayAnnual: 3600, afterMonthly: 80, afterAnnual: 960, unknown: [] });
  });

  it('says what is unknown instead of reading it as zero', () => {
    const c = costAtVolume(aWorkload({ monthlyVolume: 0, baselineCostPer1k: null }), null);
    expect(c).toMatchObject({ todayMonthly: null, afterMonthly: null, afterAnnual: null });
    expect(c.unknown).toEqual(['no monthly volume', 'no baseline cost per 1,000 tasks', 'no candidate evaluated']);
    expect(moneyOrUnknown(c.afterMonthly)).toBe('unknown');
  });

  it('names the candidate whose cost is missing', () => {
    expect(costAtVolume(aWorkload(), basis(null)).unknown).toEqual(['no measured cost for RAG 8B']);
  });

  it('uses R8\'s pick, or else the cheapest evaluated candidate', () => {
    const workload = aWorkload();
    const profile = aProfile({ knowledge: 60 });
    const picked = recommend({ workload, profile, commitments: [], evaluations: [anEvaluation({ candidateId: 1, costPer1k: 2 }), anEvaluation({ candidateId: 2, candidateName: 'Cheap', costPer1k: 0.5 })] });
    expect(picked.costBasis).toMatchObject({ candidateId: 2, source: 'selected', costPer1k: 0.5 });
    const noneEligible = recommend({ workload, profile, commitments: [], evaluations: [anEvaluation({ candidateId: 3, candidateName: 'Unapproved', costPer1k: 0.7, eligible: false })] });
    expect(noneEligible.costBasis).toMatchObject({ candidateId: 3, source: 'cheapest', costPer1k: 0.7 });
  });

  it('adds up per client, keeping count of the unknown ones', () => {
    const costs = [
      costAtVolume(aWorkload({ id: 1, clientId: 1, monthlyVolume: 100_000, baselineCostPer1k: 1 }), basis(0.5)),
      costAtVolume(aWorkload({ id: 2, clientId: 1, monthlyVolume: 100_000, baselineCostPer1k: 2 }), null),
      costAtVolume(aWorkload({ id: 3, clientId: 2, monthlyVolume: 0 }), null),
    ];
    const [one, two] = costByClient(costs);
    expect(one.todayMonthly).toEqual({ known: 300, unknownCount: 0 });
    expect(one.afterMonthly).toEqual({ known: 50, unknownCount: 1 });
    expect(formatPartialMoney(one.afterMonthly, one.workloads)).toBe('$50.00 + 1 unknown');
    expect(formatPartialMoney(two.afterMonthly, two.workloads)).toBe('unknown');
    expect(totalCost([one, two]).todayAnnual).toEqual({ known: 3600, unknownCount: 1 });
  });
});
