import { describe, it, expect } from 'vitest';
import { WorkingCalendar } from '../../../shared/plan/calendar.ts';
import { scheduleWorkload } from '../../../shared/plan/schedule.ts';
import type { DeadlinePolicy, IsoDate } from '../../../shared/domain/types.ts';
import { aPolicy, aWorkload } from '../decision/builders.ts';

// Default durations [5, 3, 10, 5, 5, 5]: 28 working days on the critical path at full length, 16 at the floors.
const policy = aPolicy({ retestDays: 0, rollbackDays: 0 });
const DEADLINE = '2027-01-06';

function planFrom(today: IsoDate, p: DeadlinePolicy = policy) {
  return scheduleWorkload({
    workload: aWorkload(),
    recommendation: { architecture: 'prompting', components: [{ job: 'format', weight: 50, approach: 'prompting', ruleApproach: 'prompting', ruleId: 'R2', reason: '', override: null }] },
    commitments: [], contracts: [],
  }, { today, policy: p });
}

/** The working day `days` working days before `end`. */
function startFor(end: IsoDate, days: number, p: DeadlinePolicy = policy): IsoDate {
  return new WorkingCalendar(p, ['2026-01-01', DEADLINE]).addWorkingDays(end, -days);
}

describe('the bridge', () => {
  it('is not proposed when the plan at full durations ends before the training deadline', () => {
    const p = planFrom('2026-09-01');
    expect(p.fullEnd < DEADLINE).toBe(true);
    expect(p.bridge).toBeNull();
  });

  it('is recommended, in amber, when only the compressed plan ends before the training deadline', () => {
    // Full durations run past the deadline; the floors fit.
    const today = startFor('2027-01-04', 20);
    const p = planFrom(today);
    expect(p.compressed).toBe(true);
    expect(p.end < DEADLINE).toBe(true);
    expect(p.fullEnd > DEADLINE).toBe(true);
    expect(p.bridge).toMatchObject({ level: 'recommended', red: false });
    expect(p.bridge?.text).toContain('recommended — the plan only makes it if every step is cut to its floor');
  });

  it('is required, in red, when even the compressed plan ends after the training deadline', () => {
    const p = planFrom('2026-12-28');
    expect(p.end > DEADLINE).toBe(true);
    expect(p.bridge).toMatchObject({ level: 'required', red: true, refreshBy: '2027-01-05' });
    expect(p.bridge?.text).toMatch(/^Bridge required — even with every step cut to its floor/);
  });

  it('is required when a known inference retirement comes before the migration ends', () => {
    const withRetirement = aPolicy({ retestDays: 0, rollbackDays: 0, events: [...policy.events, { id: 'r', name: 'Retirement', date: '2027-01-12', kind: 'inference_retirement' }] });
    const later = planFrom('2026-12-28', withRetirement);
    expect(later.bridge).toMatchObject({ level: 'required', red: true });
    expect(later.bridge?.text).toContain('retires inference on 2027-01-12');
  });

  it('is stated once: the explanation does not repeat the bridge sentence', () => {
    const p = planFrom('2026-12-28');
    expect(p.explanation.join(' ')).not.toContain(p.bridge!.text);
    expect(p.explanation.join(' ')).toContain('ends after the training deadline');
  });

  it('writes working days with the right plural', () => {
    const p = planFrom('2026-12-28');
    expect(p.explanation.join(' ')).not.toMatch(/\(s\)|\b1 working days\b/);
    expect(p.explanation.join(' ')).toMatch(/\d+ working days? after the sunset date/);
  });
});
