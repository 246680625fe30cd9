import { describe, expect, it } from 'vitest';
import { aggregateEvaluations } from '../../../shared/evaluation/aggregate.ts';
import type { AggregateEvaluationsInput } from '../../../shared/evaluation/aggregate.ts';
import { aWorkload } from '../decision/builders.ts';
import { aCandidate, aRow, aSignOff } from './builders.ts';

function input(over: Partial<AggregateEvaluationsInput> = {}): AggregateEvaluationsInput {
  return { workload: aWorkload(), regulated: false, candidates: [aCandidate()], rows: [], governance: [], signOffs: [], ...over };
}

const allApproved = [
  aSignOff({ role: 'legal' }),
  aSignOff({ role: 'security' }),
  aSignOff({ role: 'compliance' }),
];

describe('aggregateEvaluations metrics', () => {
  it('computes n, p50/p95, cost per 1k and the rates over the rows where each flag is known', () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      aRow({
        taskId: `t${i}`,
        latencyMs: (i + 1) * 100,
        costUsd: 0.002,
        correct: i < 15,
        grounded: i < 10 ? true : null,
        refused: i === 0,
        hallucinated: i < 2 ? true : i < 10 ? false : null,
        winVsBaseline: i % 2 === 0,
      }),
    );
    const [e] = aggregateEvaluations(input({ rows }));
    expect(e.sampleSize).toBe(20);
    expect(e.p50LatencyMs).toBe(1000);
    expect(e.p95LatencyMs).toBe(1900);
    expect(e.costPer1k).toBeCloseTo(2);
    expect(e.accuracy).toBe(0.75);
    expect(e.groundedRate).toBe(1);
    expect(e.refusalRate).toBe(0.05);
    expect(e.hallucinationRate).toBe(0.2);
    expect(e.winRate).toBe(0.5);
  });

  it('leaves metrics null, not zero, when no row knows them', () => {
    const [e] = aggregateEvaluations(input({ rows: [aRow(), aRow({ taskId: 't2' })] }));
    expect(e.sampleSize).toBe(2);
    expect(e).toMatchObject({
      p50LatencyMs: null,
      p95LatencyMs: null,
      costPer1k: null,
      accuracy: null,
      groundedRate: null,
      refusalRate: null,
      hallucinationRate: null,
      winRate: null,
    });
  });

  it('averages cost only over rows with a known cost', () => {
    const rows = [aRow({ costUsd: 0.001 }), aRow({ costUsd: 0.003 }), aRow({ costUsd: null })];
    expect(aggregateEvaluations(input({ rows }))[0].costPer1k).toBeCloseTo(2);
  });

  it('keeps candidate order, gives a candidate without rows n = 0, and ignores rows of unknown candidates', () => {
    const candidates = [aCandidate({ id: 2, name: 'B' }), aCandidate({ id: 1, name: 'A' })];
    const rows = [aRow({ candidateId: 1, latencyMs: 5 }), aRow({ candidateId: 99, latencyMs: 7 })];
    const out = aggregateEvaluations(input({ candidates, rows }));
    expect(out.map((e) => [e.candidateName, e.sampleSize])).toEqual([
      ['B', 0],
      ['A', 1],
    ]);
  });

  it('copies policy update time, explainability and candidate facts from the candidate', () => {
    const [e] = aggregateEvaluations(
      input({ candidates: [aCandidate({ policyUpdateHours: 24, explainability: 2, approach: 'open_weight', selfHostable: true, dataRegion: 'on_prem' })] }),
    );
    expect(e).toMatchObject({ policyUpdateHours: 24, explainability: 2, approach: 'open_weight', selfHostable: true, dataRegion: 'on_prem', workloadId: 1 });
  });
});

describe('aggregateEvaluations eligibility', () => {
  it('leaves an unregulated candidate without sign-offs eligible', () => {
    const [e] = aggregateEvaluations(input());
    expect(e.eligible).toBe(true);
    expect(e.ineligibleReason).toBeNull();
  });

  it('makes a regulated client’s candidate ineligible and names the missing sign-offs', () => {
    const [e] = aggregateEvaluations(
      input({ regulated: true, signOffs: [aSignOff({ role: 'legal' }), aSignOff({ role: 'security', status: 'pending' })] }),
    );
    expect(e.eligible).toBe(false);
    expect(e.ineligibleReason).toContain('missing: security and compliance');
    expect(e.ineligibleReason).toContain('security is still pending');
    expect(e.ineligibleReason).toContain('compliance has not been requested');
  });

  it('treats a regulated workload or a required audit trail as regulated', () => {
    expect(aggregateEvaluations(input({ workload: aWorkload({ regulated: true }) }))[0].eligible).toBe(false);
    expect(aggregateEvaluations(input({ workload: aWorkload({ auditTrailRequired: true }) }))[0].eligible).toBe(false);
  });

  it('makes a regulated candidate eligible once legal, security and compliance have approved', () => {
    const [e] = aggregateEvaluations(input({ regulated: true, signOffs: allApproved }));
    expect(e.eligible).toBe(true);
  });

  it('makes any candidate with a rejected sign-off ineligible and says who rejected it', () => {
    const [e] = aggregateEvaluations(
      input({ signOffs: [aSignOff({ role: 'security', status: 'rejected', by: 'Priya', at: '2026-11-12' })] }),
    );
    expect(e.eligible).toBe(false);
    expect(e.ineligibleReason).toBe('Security sign-off was rejected by Priya on 2026-11-12.');
  });

  it('lets the latest sign-off of a role replace an earlier one', () => {
    const signOffs = [
      ...allApproved,
      aSignOff({ role: 'legal', status: 'rejected', at: '2026-11-01' }),
      aSignOff({ role: 'legal', status: 'approved', at: '2026-11-20' }),
    ];
    expect(aggregateEvaluations(input({ regulated: true, signOffs }))[0].eligible).toBe(true);
  });

  it('only counts sign-offs of the candidate itself', () => {
    const signOffs = allApproved.map((s) => ({ ...s, candidateId: 77 }));
    expect(aggregateEvaluations(input({ regulated: true, signOffs }))[0].eligible).toBe(false);
  });

  it('makes a candidate without an audit trail ineligible when the workload requires one', () => {
    const [e] = aggregateEvaluations(
      input({
        workload: aWorkload({ auditTrailRequired: true }),
        signOffs: allApproved,
        governance: [{ workloadId: 1, candidateId: 10, dataLocation: 'EU', inspectors: 'ops', auditTrail: false }],
      }),
    );
    expect(e.eligible).toBe(false);
    expect(e.ineligibleReason).toContain('requires an audit trail');
  });
});
