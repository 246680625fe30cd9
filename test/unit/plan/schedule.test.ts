import { describe, it, expect } from 'vitest';
import { WorkingCalendar } from '../../../shared/plan/calendar.ts';
import { stepDurations } from '../../../shared/plan/durations.ts';
import { scheduleWorkload, schedulePortfolio, type ScheduleInput } from '../../../shared/plan/schedule.ts';
import type { Approach, Client, DeadlinePolicy, IsoDate, Workload } from '../../../shared/domain/types.ts';
import { aCommitment, aPolicy, aWorkload } from '../decision/builders.ts';

const TODAY = '2026-05-01'; // a Friday
const policy = aPolicy();
const cal = new WorkingCalendar(policy, [TODAY]);

function anInput(workload: Partial<Workload> = {}, extra: Partial<ScheduleInput> & { approach?: Approach; jobs?: number } = {}): ScheduleInput {
  const approach = extra.approach ?? 'prompting';
  const jobs = extra.jobs ?? 1;
  return {
    workload: aWorkload(workload),
    recommendation: { architecture: approach, components: Array.from({ length: jobs }, () => ({ job: 'format', weight: 50, approach, ruleApproach: approach, ruleId: 'R2', reason: '', override: null })) },
    commitments: extra.commitments ?? [],
    contracts: extra.contracts ?? [],
  };
}
/** A commitment due on `date` with no notice: sets the sunset to that date. */
const dueOn = (date: IsoDate, id = 1) => aCommitment({ id, kind: 'other', dueDate: date, noticeDays: 0, workloadIds: [] });
const plan = (workload: Partial<Workload> = {}, extra: Parameters<typeof anInput>[1] = {}, today = TODAY, p: DeadlinePolicy = policy) =>
  scheduleWorkload(anInput(workload, extra), { today, policy: p });

// Default durations [5, 3, 10, 5, 5, 5]: the critical path 1→2→3→5→6 is 28 working days; floors 3+2+5+3+3 = 16.
const FULL_END = cal.addWorkingDays(TODAY, 27);
const FLOOR_END = cal.addWorkingDays(TODAY, 15);

describe('step durations', () => {
  const durations = (workload: Partial<Workload>, jobs = 1, architecture: Approach = 'prompting', commitments = [aCommitment()]) =>
    stepDurations({ workload: aWorkload(workload), jobCount: jobs, architecture, commitments }, policy).map((d) => d.fullDays);

  it('are the policy defaults for a simple workload', () => {
    expect(durations({})).toEqual([5, 3, 10, 5, 5, 5]);
  });

  it('grow by the rules of DESIGN.md, each with its reason', () => {
    expect(durations({ baselineP95Ms: null })[0]).toBe(10);
    expect(durations({}, 3)).toEqual([5, 7, 20, 5, 5, 5]);
    expect(durations({}, 1, 'prompting', [aCommitment({ kind: 'accuracy', threshold: 0.95 })])[2]).toBe(15);
    expect(durations({ regulated: true })[3]).toBe(15);
    expect(durations({ regulated: true, residency: 'EU' })[3]).toBe(20);
    expect(durations({ criticality: 'business_critical' })[4]).toBe(10);
    expect(durations({ criticality: 'business_critical' }, 2, 'multi_model')[4]).toBe(15);
    const [audit] = stepDurations({ workload: aWorkload({ baselineP95Ms: null }), jobCount: 1, architecture: 'rag', commitments: [] }, policy);
    expect(audit.reasons).toEqual(['base 5', '+5: baseline p95 latency missing']);
    expect(audit.floorDays).toBe(5);
  });

  it('have floors of half, rounded up, and at least one day', () => {
    const d = stepDurations({ workload: aWorkload(), jobCount: 1, architecture: 'rag', commitments: [] }, aPolicy({ stepDurations: [1, 3, 10, 5, 5, 5] }));
    expect(d.map((s) => s.floorDays)).toEqual([1, 2, 5, 3, 3, 3]);
  });
});

describe('a workload plan', () => {
  it('runs the six steps in dependency order, governance beside the benchmark', () => {
    const p = plan();
    const [s1, s2, s3, s4, s5, s6] = p.steps;
    expect(s1).toMatchObject({ start: '2026-05-01', end: '2026-05-07', durationDays: 5 });
    expect(s2.start).toBe('2026-05-08');
    expect(s3.start).toBe(s4.start);
    expect(s5.start).toBe(cal.addWorkingDays(s3.end, 1));
    expect(s6.end).toBe(FULL_END);
    expect(s5.dependsOn).toEqual([3, 4]);
    expect(p.end).toBe(FULL_END);
  });

  it.each([
    [5, 'on_track'],
    [4, 'tight'],
    [0, 'tight'],
  ])('with %i working days of slack is %s', (slack, status) => {
    const p = plan({}, { commitments: [dueOn(cal.addWorkingDays(FULL_END, slack))] });
    expect(p).toMatchObject({ status, slackDays: slack, compressed: false, overrunDays: 0 });
  });

  it('is compressed when it fits only with every step at its floor', () => {
    const p = plan({}, { commitments: [dueOn(FLOOR_END)] });
    expect(p).toMatchObject({ status: 'compressed', slackDays: 0, compressed: true, end: FLOOR_END });
    expect(p.steps.map((s) => s.durationDays)).toEqual([3, 2, 5, 3, 3, 3]);
    expect(p.steps[0].reasons).toContain('cut to its floor of 3 (compressed)');
  });

  it('is late by the overrun in working days, and says it still ends before the training deadline', () => {
    const p = plan({}, { commitments: [dueOn(cal.addWorkingDays(FLOOR_END, -1))] });
    expect(p).toMatchObject({ status: 'late', slackDays: -1, overrunDays: 1, endsBeforeTrainingDeadline: true, bridge: null });
    expect(p.explanation.join(' ')).toContain('retest and rollback buffer is consumed');
  });

  it('requires the bridge when even the compressed plan ends after the training deadline', () => {
    const p = plan({}, {}, '2026-12-21');
    expect(p.status).toBe('late');
    expect(p.endsBeforeTrainingDeadline).toBe(false);
    expect(p.bridge).toMatchObject({ refreshBy: '2027-01-05', level: 'required', red: true });
    expect(p.bridge?.text).toContain('one last fine-tuning refresh of the old model by 2027-01-05');
  });

  it('marks the bridge red when a known inference retirement comes before the migration ends', () => {
    const withRetirement = aPolicy({ events: [...policy.events, { id: 'r', name: 'Retirement', date: '2027-01-08', kind: 'inference_retirement' }] });
    const p = plan({}, {}, '2026-12-21', withRetirement);
    expect(p.bridge?.red).toBe(true);
    expect(p.bridge?.text).toContain('retires inference on 2027-01-08');
  });

  it('says the bridge is impossible once the training deadline has passed', () => {
    const p = plan({}, {}, '2027-02-01');
    expect(p.status).toBe('late');
    expect(p.bridge).toMatchObject({ refreshBy: '2027-01-05', red: true, text: expect.stringContaining('Bridge impossible') });
  });

  it('starts today when the workload start date is in the past', () => {
    expect(plan({ startDate: '2026-01-15' }).start).toBe(TODAY);
  });

  it('starts on the first working day from a future start date, and says why', () => {
    const p = plan({ startDate: '2026-05-30' }); // a Saturday
    expect(p.start).toBe('2026-06-01');
    expect(p.explanation[0]).toContain('cannot start before 2026-05-30');
  });

  it('is late when today is already after the sunset date', () => {
    const p = plan({}, {}, '2026-12-15');
    expect(p.status).toBe('late');
    expect(p.slackDays).toBeLessThan(0);
    expect(p.explanation[0]).toBe('Today (2026-12-15) is already past the sunset date 2026-12-09.');
  });

  it('never puts a step boundary on a holiday or in the year-end blackout', () => {
    const closed = aPolicy({ holidays: ['2026-12-01'], blackouts: [{ name: 'Freeze', start: '2026-12-18', end: '2027-01-04' }] });
    const p = plan({}, {}, '2026-11-27', closed);
    const c = new WorkingCalendar(closed, ['2026-11-27']);
    for (const s of p.steps) {
      expect(c.isWorkingDay(s.start)).toBe(true);
      expect(c.isWorkingDay(s.end)).toBe(true);
      expect(c.countWorkingDays(s.start, s.end) + 1).toBe(s.durationDays);
    }
    expect(p.steps[0]).toMatchObject({ start: '2026-11-27', end: '2026-12-02' }); // Fri, Mon, Wed (1 Dec is a holiday)
    expect(p.end > '2027-01-04').toBe(true);
  });
});

describe('team capacity', () => {
  const clients: Client[] = [{ id: 1, name: 'Acme', notes: '', createdAt: '', updatedAt: '' }];
  const capped = aPolicy({ capacity: 1 });

  it('makes a workload wait for a slot in steps 3–5, business-critical first', () => {
    const important = anInput({ id: 1, criticality: 'important', monthlyVolume: 9_000_000 });
    const critical = anInput({ id: 2, criticality: 'business_critical' });
    const { plans } = schedulePortfolio([important, critical], clients, { today: TODAY, policy: capped });
    const [first, second] = [plans[1], plans[0]];
    expect(first.steps[2].capacityWaitDays).toBe(0);
    expect(second.steps[2].start).toBe(cal.addWorkingDays(first.steps[4].end, 1));
    expect(second.steps[2].capacityWaitDays).toBe(20);
    expect(second.steps[2].reasons.at(-1)).toContain('waiting for a team slot (capacity 1)');
    expect(second.steps[0].start).toBe(TODAY); // steps 1–2 never wait
  });

  it('then gives the slot to the earliest sunset date, then the higher volume', () => {
    const later = anInput({ id: 1, monthlyVolume: 9_000_000 });
    const sooner = anInput({ id: 2 }, { commitments: [dueOn('2026-09-30', 2)] });
    const { plans } = schedulePortfolio([later, sooner], clients, { today: TODAY, policy: capped });
    expect(plans[1].steps[2].capacityWaitDays).toBe(0);
    expect(plans[0].steps[2].capacityWaitDays).toBeGreaterThan(0);

    const small = anInput({ id: 1, monthlyVolume: 10 });
    const big = anInput({ id: 2, monthlyVolume: 10_000 });
    const byVolume = schedulePortfolio([small, big], clients, { today: TODAY, policy: capped }).plans;
    expect(byVolume[1].steps[2].capacityWaitDays).toBe(0);
  });

  it('lets every workload run in parallel when capacity is off', () => {
    const { plans } = schedulePortfolio([anInput({ id: 1 }), anInput({ id: 2 })], clients, { today: TODAY, policy });
    expect(plans.map((p) => p.end)).toEqual([FULL_END, FULL_END]);
  });
});

describe('the client roll-up', () => {
  it('counts by status and approach and names the workloads on the critical path', () => {
    const clients: Client[] = [{ id: 1, name: 'Acme', notes: '', createdAt: '', updatedAt: '' }, { id: 2, name: 'Empty', notes: '', createdAt: '', updatedAt: '' }];
    const inputs = [
      anInput({ id: 1 }, { approach: 'rag' }),
      anInput({ id: 2 }, { approach: 'multi_model', jobs: 2, commitments: [dueOn(FLOOR_END, 5)] }),
      anInput({ id: 3 }, { approach: 'rag', commitments: [dueOn(FLOOR_END, 6)] }),
    ];
    const { rollups } = schedulePortfolio(inputs, clients, { today: TODAY, policy });
    expect(rollups[0]).toMatchObject({
      clientId: 1, clientName: 'Acme', workloadCount: 3,
      statusCounts: { on_track: 1, tight: 0, compressed: 1, late: 1 },
      approachCounts: { rag: 2, prompting: 0, open_weight: 0, preference: 0, multi_model: 1 },
      sunset: { date: FLOOR_END, source: 'commitment', workloadId: 2 },
    });
    expect(rollups[0].criticalPath).toEqual([2]);
    expect(rollups[1]).toMatchObject({ clientName: 'Empty', workloadCount: 0, sunset: null, criticalPath: [], minSlackDays: null, end: null });
  });
});
