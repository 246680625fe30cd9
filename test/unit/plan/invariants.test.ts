import { describe, it, expect } from 'vitest';
import { buildPortfolio, type Portfolio } from '../../../shared/portfolio.ts';
import { WorkingCalendar } from '../../../shared/plan/calendar.ts';
import { generatePortfolio } from '../../../shared/sample/generate.ts';
import { THRESHOLDS } from '../../../shared/decision/thresholds.ts';
import { trainingDeadline } from '../../../shared/plan/sunset.ts';

const TODAY = '2026-06-15';
const cases = [
  { seed: 1, capacity: null },
  { seed: 2, capacity: 4 },
  { seed: 3, capacity: 1 },
  { seed: 4, capacity: 12 },
];

describe.each(cases)('a generated portfolio (seed $seed, capacity $capacity)', ({ seed, capacity }) => {
  const snapshot = generatePortfolio({ clients: 8, workloads: 240, seed, today: '2026-03-02', capacity });
  const portfolio: Portfolio = buildPortfolio(snapshot, TODAY, new Map());
  const cal = new WorkingCalendar(snapshot.policy, [TODAY]);
  const plans = portfolio.workloads.map((w) => w.plan);

  it('has one plan of six steps per workload', () => {
    expect(plans).toHaveLength(240);
    for (const p of plans) expect(p.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('respects the dependencies 1→2→3, 2→4, 3+4→5→6 and never starts before today', () => {
    for (const p of plans) {
      const [s1, s2, s3, s4, s5, s6] = p.steps;
      expect(s1.start >= TODAY).toBe(true);
      expect(s2.start > s1.end).toBe(true);
      expect(s3.start > s2.end).toBe(true);
      expect(s4.start > s2.end).toBe(true);
      expect(s5.start > s3.end && s5.start > s4.end).toBe(true);
      expect(s6.start > s5.end).toBe(true);
      expect(p.end).toBe(s6.end);
    }
  });

  it('puts no step start or end on a non-working day, and each step lasts its working days', () => {
    for (const s of plans.flatMap((p) => p.steps)) {
      expect(cal.isWorkingDay(s.start)).toBe(true);
      expect(cal.isWorkingDay(s.end)).toBe(true);
      expect(cal.countWorkingDays(s.start, s.end) + 1).toBe(s.durationDays);
    }
  });

  it('never has more workloads in steps 3–5 at once than the capacity', () => {
    if (capacity === null) return;
    const load = new Map<string, number>();
    for (const p of plans) {
      for (let day = p.steps[2].start; day <= p.steps[4].end; day = cal.addWorkingDays(day, 1)) {
        load.set(day, (load.get(day) ?? 0) + 1);
      }
    }
    expect(Math.max(...load.values())).toBeLessThanOrEqual(capacity);
  });

  it('gives each workload a status consistent with its slack', () => {
    for (const p of plans) {
      expect(p.slackDays).toBe(cal.countWorkingDays(p.end, p.sunset.date));
      switch (p.status) {
        case 'on_track': expect(!p.compressed && p.slackDays >= THRESHOLDS.onTrackSlackDays).toBe(true); break;
        case 'tight': expect(!p.compressed && p.slackDays >= 0 && p.slackDays < THRESHOLDS.onTrackSlackDays).toBe(true); break;
        case 'compressed': expect(p.compressed && p.slackDays >= 0).toBe(true); break;
        case 'late': expect(p.compressed && p.slackDays < 0 && p.overrunDays === -p.slackDays).toBe(true); break;
      }
      expect(p.bridge !== null).toBe(p.fullEnd >= trainingDeadline(snapshot.policy));
      if (p.bridge !== null && p.bridge.level === 'recommended') expect(p.endsBeforeTrainingDeadline).toBe(true);
    }
  });

  it('rolls every workload up into exactly one client', () => {
    const total = portfolio.rollups.reduce((n, r) => n + r.workloadCount, 0);
    expect(total).toBe(240);
    for (const r of portfolio.rollups) {
      expect(Object.values(r.statusCounts).reduce((a, b) => a + b, 0)).toBe(r.workloadCount);
      const mine = plans.filter((p) => p.clientId === r.clientId);
      if (mine.length) expect(r.criticalPath.every((id) => mine.find((p) => p.workloadId === id)?.slackDays === r.minSlackDays)).toBe(true);
    }
  });
});

describe('capacity', () => {
  it('only ever delays plans, never moves them earlier', () => {
    const free = buildPortfolio(generatePortfolio({ clients: 4, workloads: 120, seed: 9, capacity: null }), TODAY, new Map());
    const capped = buildPortfolio(generatePortfolio({ clients: 4, workloads: 120, seed: 9, capacity: 3 }), TODAY, new Map());
    capped.workloads.forEach((w, i) => {
      const before = free.workloads[i].plan;
      if (before.compressed === w.plan.compressed) expect(w.plan.end >= before.end).toBe(true);
    });
  });
});

describe('the generated portfolio used for the invariants', () => {
  it('covers every status, so the invariants above are not vacuous', () => {
    const portfolio = buildPortfolio(generatePortfolio({ clients: 8, workloads: 240, seed: 1, today: '2026-03-02' }), TODAY, new Map());
    const statuses = new Set(portfolio.workloads.map((w) => w.plan.status));
    expect([...statuses].sort()).toEqual(['compressed', 'late', 'on_track', 'tight']);
  });
});
