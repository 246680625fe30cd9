import { describe, it, expect } from 'vitest';
import { buildPortfolio } from '../../../shared/portfolio.ts';
import { baselineFromPortfolio, parseBaselinePlan } from '../../../shared/plan/baseline.ts';
import { diffPlans } from '../../../shared/plan/baselineDiff.ts';
import { WorkingCalendar } from '../../../shared/plan/calendar.ts';
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace.ts';
import type { WorkspaceSnapshot } from '../../../shared/domain/snapshot.ts';

const TODAY = '2026-09-01';
const summary = { id: 1, name: 'Steering committee', takenAt: '2026-09-01T09:00:00.000Z', today: TODAY };

function planOf(snapshot: WorkspaceSnapshot, today = TODAY) {
  return baselineFromPortfolio(buildPortfolio(snapshot, today, new Map()));
}

describe('changes since a baseline', () => {
  const snapshot = sampleWorkspace(TODAY);
  const calendar = new WorkingCalendar(snapshot.policy, [TODAY, '2027-06-30']);
  const count = (a: string, b: string) => calendar.countWorkingDays(a, b);
  const baseline = planOf(snapshot);

  it('finds nothing when the plan has not changed', () => {
    const diff = diffPlans(baseline, planOf(snapshot), summary, count);
    expect(diff.changes).toEqual([]);
    expect(diff.unchanged).toBe(snapshot.workloads.length);
  });

  it('says how many working days a cut-over moved, and which way', () => {
    const first = snapshot.workloads[0];
    const later = { ...snapshot, workloads: snapshot.workloads.map((w) => (w.id === first.id ? { ...w, startDate: '2026-09-15' } : w)) };
    const diff = diffPlans(baseline, planOf(later), summary, count);
    const change = diff.changes.find((c) => c.workloadId === first.id);
    expect(change?.kind).toBe('changed');
    expect(change?.end?.direction).toBe('later');
    expect(change?.end?.workingDays).toBeGreaterThan(0);
    expect(change?.sentences[0]).toMatch(/^Cut-over moved \d+ working days? later: \d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d\.$/);
  });

  it('names new and removed workloads', () => {
    const [gone, ...rest] = snapshot.workloads;
    const added = { ...rest[0], id: 999, name: 'Brand-new assistant' };
    const diff = diffPlans(baseline, planOf({ ...snapshot, workloads: [...rest, added] }), summary, count);
    expect(diff.changes.find((c) => c.workloadId === gone.id)).toMatchObject({ kind: 'removed', name: gone.name });
    expect(diff.changes.find((c) => c.workloadId === 999)).toMatchObject({ kind: 'added', name: 'Brand-new assistant' });
  });

  it('reports a sunset change with the rule that moved it', () => {
    const w = snapshot.workloads[0];
    const due = { id: 777, clientId: w.clientId, customer: 'Board', kind: 'other' as const, threshold: null, description: '', dueDate: '2026-11-16', noticeDays: 0, penalty: null, workloadIds: [w.id] };
    const diff = diffPlans(baseline, planOf({ ...snapshot, commitments: [...snapshot.commitments, due] }), summary, count);
    const change = diff.changes.find((c) => c.workloadId === w.id);
    expect(change?.sunset).toMatchObject({ to: '2026-11-16', direction: 'earlier', source: 'commitment' });
    expect(change?.sentences.join(' ')).toContain('now set by a commitment due before the training deadline, minus its notice period');
  });

  it('reports an approach change (R6 once the workload moves on-prem)', () => {
    const prompted = baseline.workloads.find((x) => x.approach === 'prompting' && !snapshot.overrides.some((o) => o.workloadId === x.workloadId))!;
    expect(prompted, 'the sample has a prompting workload').toBeDefined();
    const onPrem = { ...snapshot, workloads: snapshot.workloads.map((x) => (x.id === prompted.workloadId ? { ...x, deployment: 'on_prem' as const } : x)) };
    const change = diffPlans(baseline, planOf(onPrem), summary, count).changes.find((c) => c.workloadId === prompted.workloadId);
    expect(change?.approach).toEqual({ from: 'prompting', to: 'open_weight' });
    expect(change?.sentences).toContain('Approach Prompting + structured outputs → Open-weight adapter.');
  });

  it('reports a status change', () => {
    const w = baseline.workloads.find((x) => x.status === 'on_track')!;
    const squeezed = { ...snapshot, commitments: [...snapshot.commitments, { id: 778, clientId: w.clientId, customer: 'Board', kind: 'other' as const, threshold: null, description: '', dueDate: calendar.addWorkingDays(w.end, -1), noticeDays: 0, penalty: null, workloadIds: [w.workloadId] }] };
    const change = diffPlans(baseline, planOf(squeezed), summary, count).changes.find((c) => c.workloadId === w.workloadId);
    expect(change?.status?.from).toBe('on_track');
    expect(change?.status?.to).not.toBe('on_track');
    expect(change?.sentences.join(' ')).toMatch(/Status on track → (tight|compressed|late)\./);
  });

  it('survives a round trip through JSON, as stored', () => {
    expect(parseBaselinePlan(JSON.parse(JSON.stringify(baseline)))).toEqual(baseline);
    expect(() => parseBaselinePlan({ format: 'other' })).toThrow('not an Offramp baseline');
  });
});
