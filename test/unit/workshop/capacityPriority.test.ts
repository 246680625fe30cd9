import { describe, expect, it } from 'vitest';
import { schedulePortfolio, type ScheduleInput } from '../../../shared/plan/schedule.ts';
import type { Client, Workload } from '../../../shared/domain/types.ts';
import { aPolicy, aWorkload } from '../decision/builders.ts';

const TODAY = '2026-05-01';
const clients: Client[] = [{ id: 1, name: 'Acme', notes: '', createdAt: '', updatedAt: '' }];
const capped = aPolicy({ capacity: 1 });

function anInput(workload: Partial<Workload>): ScheduleInput {
  return {
    workload: aWorkload(workload),
    recommendation: { architecture: 'prompting', components: [{ job: 'format', weight: 50, approach: 'prompting', ruleApproach: 'prompting', ruleId: 'R2', reason: '', override: null }] },
    commitments: [],
    contracts: [],
  } as ScheduleInput;
}
const waits = (inputs: ScheduleInput[]) => schedulePortfolio(inputs, clients, { today: TODAY, policy: capped }).plans.map((p) => p.steps[2].capacityWaitDays);

describe('the capacity priority a workshop vote sets', () => {
  it('serves a ranked workload before an unranked business-critical one', () => {
    const critical = anInput({ id: 1, criticality: 'business_critical', monthlyVolume: 9_000_000 });
    const voted = anInput({ id: 2, criticality: 'experimental', priorityRank: 1 });
    const [criticalWait, votedWait] = waits([critical, voted]);
    expect(votedWait).toBe(0);
    expect(criticalWait).toBeGreaterThan(0);
  });

  it('serves rank 1 before rank 2, whatever the other criteria say', () => {
    const second = anInput({ id: 1, criticality: 'business_critical', priorityRank: 2 });
    const first = anInput({ id: 2, priorityRank: 1 });
    const [secondWait, firstWait] = waits([second, first]);
    expect(firstWait).toBe(0);
    expect(secondWait).toBeGreaterThan(0);
  });

  it('keeps the existing order among unranked workloads (business-critical first)', () => {
    const important = anInput({ id: 1, monthlyVolume: 9_000_000, priorityRank: null });
    const critical = anInput({ id: 2, criticality: 'business_critical' });
    const [importantWait, criticalWait] = waits([important, critical]);
    expect(criticalWait).toBe(0);
    expect(importantWait).toBeGreaterThan(0);
  });
});
