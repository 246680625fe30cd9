import { describe, it, expect } from 'vitest';
import { clientSunsetDate, computeSunsetDate, trainingDeadline } from '../../../shared/plan/sunset.ts';
import { aCommitment, aContract, aPolicy, aWorkload } from '../decision/builders.ts';

const retirement = { id: 'ret', name: 'Inference retirement', date: '2027-06-30', kind: 'inference_retirement' as const };

describe('the internal sunset date', () => {
  it('is the training deadline minus retest and rollback days by default', () => {
    const sunset = computeSunsetDate(aWorkload(), { policy: aPolicy(), commitments: [], contracts: [] });
    expect(sunset).toEqual({ date: '2026-12-09', reason: 'Training deadline 2027-01-06 minus 28 days (14 retest + 14 rollback).', source: 'training_deadline' });
  });

  it('follows edited buffers and an edited training deadline', () => {
    const policy = aPolicy({ retestDays: 10, rollbackDays: 5, events: [{ id: 't', name: 'Training stops', date: '2026-11-30', kind: 'training_deadline' }] });
    expect(trainingDeadline(policy)).toBe('2026-11-30');
    expect(computeSunsetDate(aWorkload(), { policy, commitments: [], contracts: [] }).date).toBe('2026-11-15');
  });

  it('moves earlier when a known inference retirement comes first', () => {
    const policy = aPolicy({ events: [...aPolicy().events, { ...retirement, date: '2026-12-01' }] });
    expect(computeSunsetDate(aWorkload(), { policy, commitments: [], contracts: [] })).toMatchObject({ date: '2026-11-03', source: 'inference_retirement' });
  });

  it('ignores an inference retirement after the training deadline', () => {
    const policy = aPolicy({ events: [...aPolicy().events, retirement] });
    expect(computeSunsetDate(aWorkload(), { policy, commitments: [], contracts: [] }).source).toBe('training_deadline');
  });

  it('moves earlier when a commitment falls due before the deadline, minus its notice period', () => {
    const commitment = aCommitment({ customer: 'St. Anne', kind: 'accuracy', threshold: 0.9, dueDate: '2026-10-31', noticeDays: 30 });
    const sunset = computeSunsetDate(aWorkload(), { policy: aPolicy(), commitments: [commitment], contracts: [] });
    expect(sunset.date).toBe('2026-10-01');
    expect(sunset.source).toBe('commitment');
    expect(sunset.reason).toContain('St. Anne due 2026-10-31');
    expect(sunset.reason).toContain('30-day notice');
  });

  it('ignores commitments due on or after the training deadline, or linked to other workloads', () => {
    const commitments = [
      aCommitment({ dueDate: '2027-01-06', noticeDays: 300 }),
      aCommitment({ dueDate: '2026-06-01', workloadIds: [2] }),
      aCommitment({ dueDate: '2026-06-01', clientId: 2, workloadIds: [] }),
    ];
    expect(computeSunsetDate(aWorkload(), { policy: aPolicy(), commitments, contracts: [] }).source).toBe('training_deadline');
  });

  it('counts a client-wide commitment (no workload named) for every workload of the client', () => {
    const commitment = aCommitment({ dueDate: '2026-09-01', noticeDays: 0, workloadIds: [] });
    expect(computeSunsetDate(aWorkload(), { policy: aPolicy(), commitments: [commitment], contracts: [] }).date).toBe('2026-09-01');
  });

  it('moves earlier when a linked contract renews before the deadline, minus its notice period', () => {
    const contract = aContract({ name: 'MSA', counterparty: 'Northwind', renewalDate: '2026-11-30', noticeDays: 60 });
    const sunset = computeSunsetDate(aWorkload(), { policy: aPolicy(), commitments: [], contracts: [contract] });
    expect(sunset).toMatchObject({ date: '2026-10-01', source: 'contract' });
    expect(sunset.reason).toContain('"MSA" with Northwind renews 2026-11-30');
  });

  it('ignores a workspace-wide vendor contract that names no workload', () => {
    const contract = aContract({ clientId: null, workloadIds: [], renewalDate: '2026-06-01' });
    expect(computeSunsetDate(aWorkload(), { policy: aPolicy(), commitments: [], contracts: [contract] }).source).toBe('training_deadline');
  });

  it('of a client is the earliest of its workloads, with the workload that set it', () => {
    const plans = [
      { workloadId: 1, sunset: { date: '2026-12-09', reason: 'a', source: 'training_deadline' as const } },
      { workloadId: 2, sunset: { date: '2026-10-01', reason: 'b', source: 'commitment' as const } },
    ];
    expect(clientSunsetDate(plans)).toEqual({ date: '2026-10-01', reason: 'b', source: 'commitment', workloadId: 2 });
    expect(clientSunsetDate([])).toBeNull();
  });
});
