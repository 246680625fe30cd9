import { describe, it, expect } from 'vitest';
import { matrixFlags } from '../../../shared/evaluation/flags.ts';
import { aCommitment, anEvaluation, aWorkload } from '../decision/builders.ts';

const columns = (flags: { column: string }[]) => flags.map((f) => f.column).sort();

describe('the evaluation matrix flags', () => {
  const workload = aWorkload({ id: 1, baselineCostPer1k: 1.5, latencyTargetMs: null, residency: null });
  const commitments = [
    aCommitment({ id: 1, kind: 'accuracy', threshold: 0.95, customer: 'St. Anne', workloadIds: [1] }),
    aCommitment({ id: 2, kind: 'latency', threshold: 800, customer: 'St. Anne', workloadIds: [1] }),
    aCommitment({ id: 3, kind: 'residency', description: 'EU', customer: 'St. Anne', workloadIds: [1] }),
    aCommitment({ id: 4, kind: 'accuracy', threshold: 0.99, customer: 'Other', workloadIds: [2] }),
  ];

  it('marks accuracy, p95 latency, data region and cost a candidate breaks', () => {
    const flags = matrixFlags(workload, commitments, [anEvaluation({ candidateId: 7, accuracy: 0.93, p95LatencyMs: 900, dataRegion: 'US', costPer1k: 2 })]);
    expect(columns(flags[7])).toEqual(['accuracy', 'cost', 'latency', 'region']);
    expect(flags[7].find((f) => f.column === 'accuracy')).toMatchObject({ hard: true, limit: 'accuracy ≥ 0.95 promised to St. Anne (commitment #1)', why: 'accuracy 0.93 is below 0.95' });
    expect(flags[7].find((f) => f.column === 'cost')).toMatchObject({ hard: false, why: '$2.00 per 1,000 tasks is more than today\'s $1.50' });
  });

  it('marks nothing for a candidate within every limit, and ignores other workloads\' commitments', () => {
    const flags = matrixFlags(workload, commitments, [anEvaluation({ candidateId: 8, accuracy: 0.96, p95LatencyMs: 700, dataRegion: 'EU', costPer1k: 1 })]);
    expect(flags[8]).toEqual([]);
  });

  it('marks an unmeasured metric that a commitment needs', () => {
    const flags = matrixFlags(workload, commitments, [anEvaluation({ candidateId: 9, accuracy: null, p95LatencyMs: 700, dataRegion: 'EU', costPer1k: null })]);
    expect(flags[9]).toEqual([expect.objectContaining({ column: 'accuracy', why: 'accuracy was not measured' })]);
  });

  it('marks the workload\'s own p95 target as a soft limit', () => {
    const flags = matrixFlags(aWorkload({ latencyTargetMs: 300 }), [], [anEvaluation({ candidateId: 1, p95LatencyMs: 450 })]);
    expect(flags[1]).toEqual([expect.objectContaining({ column: 'latency', hard: false, limit: 'p95 latency target 300 ms (workload setting)' })]);
  });
});
