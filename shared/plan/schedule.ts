// The six-step schedule per workload: dated steps, status against the sunset date, the bridge, and team capacity.
import type { Approach, Client, Commitment, Contract, DeadlinePolicy, IsoDate, Workload } from '../domain/types.ts';
import type { Recommendation } from '../decision/types.ts';
import { THRESHOLDS } from '../decision/thresholds.ts';
import { workingDays } from '../format.ts';
import { WorkingCalendar, toDayNumber, type DayNumber } from './calendar.ts';
import { CapacityBoard } from './capacity.ts';
import { stepDurations, type StepDuration } from './durations.ts';
import { commitmentAppliesTo } from './links.ts';
import { rollupClients } from './rollup.ts';
import { computeSunsetDate, inferenceRetirement, trainingDeadline } from './sunset.ts';
import { STEP_NAMES, type BridgeProposal, type ClientRollup, type PlannedStep, type StepNumber, type SunsetDate, type WorkloadPlan } from './types.ts';

export interface ScheduleInput {
  workload: Workload;
  recommendation: Pick<Recommendation, 'architecture' | 'components'>;
  /** May include other workloads' commitments and contracts: only those that apply count. */
  commitments: Commitment[];
  contracts: Contract[];
}

export interface ScheduleOptions {
  today: IsoDate;
  policy: DeadlinePolicy;
  /** Reuse one calendar across calls (the portfolio does); built from the policy when absent. */
  calendar?: WorkingCalendar;
}

const DEPENDS_ON: Record<StepNumber, StepNumber[]> = { 1: [], 2: [1], 3: [2], 4: [2], 5: [3, 4], 6: [5] };

/** Step start/end as working-day indices. */
interface Layout {
  starts: number[];
  ends: number[];
  /** Working days steps 3 and 4 waited for a team slot. */
  wait: number;
}

/** Everything about a workload that does not depend on the other workloads (the plan cache keeps it per workload). */
export interface Prepared {
  input: ScheduleInput;
  approach: Approach;
  durations: StepDuration[];
  /** Each step's full and floor length (the durations' own, read once for every fit). */
  fullDays: number[];
  floorDays: number[];
  sunset: SunsetDate;
  sunsetDay: DayNumber;
  /** Working days on or before the sunset (calendar count): slack = this − count up to the end. */
  sunsetCount: number;
  startIndex: number;
}

function layout(startIndex: number, days: number[], slotStart: number | null): Layout {
  const starts = new Array<number>(6);
  const ends = new Array<number>(6);
  starts[0] = startIndex; ends[0] = starts[0] + days[0] - 1;
  starts[1] = ends[0] + 1; ends[1] = starts[1] + days[1] - 1;
  const desired = ends[1] + 1;
  const s34 = slotStart === null ? desired : Math.max(desired, slotStart);
  starts[2] = s34; ends[2] = s34 + days[2] - 1;
  starts[3] = s34; ends[3] = s34 + days[3] - 1;
  starts[4] = Math.max(ends[2], ends[3]) + 1; ends[4] = starts[4] + days[4] - 1;
  starts[5] = ends[4] + 1; ends[5] = starts[5] + days[5] - 1;
  return { starts, ends, wait: s34 - desired };
}

/** Steps 3–5 as one window: the span in which the workload holds a team slot. */
const windowLength = (days: number[]) => Math.max(days[2], days[3]) + days[4];

export function prepare(input: ScheduleInput, opts: Required<ScheduleOptions>): Prepared {
  const { workload } = input;
  const cal = opts.calendar;
  const commitments = input.commitments.filter((c) => commitmentAppliesTo(c, workload));
  const approach = input.recommendation.architecture;
  const durations = stepDurations({ workload, jobCount: input.recommendation.components.length, architecture: approach, commitments }, opts.policy);
  const sunset = computeSunsetDate(workload, { policy: opts.policy, commitments, contracts: input.contracts });
  const sunsetDay = toDayNumber(sunset.date);
  const from = workload.startDate !== null && workload.startDate > opts.today ? workload.startDate : opts.today;
  return {
    input, approach, durations, sunset, sunsetDay,
    fullDays: durations.map((d) => d.fullDays),
    floorDays: durations.map((d) => d.floorDays),
    sunsetCount: cal.countUpTo(sunsetDay),
    startIndex: cal.indexOnOrAfter(toDayNumber(from)),
  };
}

/** Slack in working days: working days after the end up to and including the sunset date. */
const slackOf = (p: Prepared, l: Layout) => p.sunsetCount - (l.ends[5] + 1);

export type Fit = { layout: Layout; compressed: boolean; full: Layout };

/** Two fits give the same plan for the same prepared workload (the plan cache rebuilds only plans whose fit moved). */
export function sameFit(a: Fit, b: Fit): boolean {
  if (a.compressed !== b.compressed || a.layout.wait !== b.layout.wait || a.full.ends[5] !== b.full.ends[5]) return false;
  for (let i = 0; i < 6; i++) if (a.layout.starts[i] !== b.layout.starts[i] || a.layout.ends[i] !== b.layout.ends[i]) return false;
  return true;
}

/** Lays the steps out from the workload's start; with a board, steps 3–5 wait for the first free team slot. */
function place(p: Prepared, days: number[], board: CapacityBoard | null): Layout {
  if (board === null) return layout(p.startIndex, days, null);
  // Where steps 3–4 would start with no one ahead: right after steps 1 and 2 (the free layout's starts[2]).
  return layout(p.startIndex, days, board.earliestSlot(p.startIndex + days[0] + days[1], windowLength(days)));
}

/** Full durations if they end by the sunset date, else every step at its floor. */
export function fit(p: Prepared, board: CapacityBoard | null): Fit {
  const full = place(p, p.fullDays, board);
  if (slackOf(p, full) >= 0) return { layout: full, compressed: false, full };
  return { layout: place(p, p.floorDays, board), compressed: true, full };
}

const isoAt = (cal: WorkingCalendar, index: number): IsoDate => cal.iso(cal.dayAt(index));

/**
 * The plan's few recurring phrases, worded once per value: with team capacity most of 5,000 plans wait or are
 * compressed, and wording "12 working days" (number grouping included) for each of their steps and sentences took
 * about a twentieth of the portfolio's CPU. Keys are small integers, so the caches stay small; the text is workingDays' own.
 */
const daysTexts = new Map<number, string>();
function daysText(n: number): string {
  let text = daysTexts.get(n);
  if (text === undefined) {
    text = workingDays(n);
    if (daysTexts.size < 10_000) daysTexts.set(n, text);
  }
  return text;
}
const floorReasons = new Map<number, string>();
function floorReason(floorDays: number): string {
  let text = floorReasons.get(floorDays);
  if (text === undefined) {
    text = `cut to its floor of ${floorDays} (compressed)`;
    if (floorReasons.size < 10_000) floorReasons.set(floorDays, text);
  }
  return text;
}
const waitReasons = new Map<number | null, Map<number, string>>();
function waitReason(wait: number, capacity: number | null): string {
  let byWait = waitReasons.get(capacity);
  if (byWait === undefined) waitReasons.set(capacity, (byWait = new Map()));
  let text = byWait.get(wait);
  if (text === undefined) {
    text = `starts ${daysText(wait)} late: waiting for a team slot (capacity ${capacity})`;
    if (byWait.size < 10_000 && waitReasons.size < 100) byWait.set(wait, text);
  }
  return text;
}

export function buildPlan(p: Prepared, f: Fit, opts: Required<ScheduleOptions>, capacity: number | null): WorkloadPlan {
  const cal = opts.calendar;
  const { workload } = p.input;
  const l = f.layout;
  const steps: PlannedStep[] = p.durations.map((d, i) => {
    const durationDays = f.compressed ? d.floorDays : d.fullDays;
    const reasons = f.compressed ? [...d.reasons, floorReason(d.floorDays)] : d.reasons;
    const wait = i === 2 || i === 3 ? l.wait : 0;
    return {
      step: d.step, name: STEP_NAMES[d.step], start: isoAt(cal, l.starts[i]), end: isoAt(cal, l.ends[i]),
      durationDays, fullDays: d.fullDays, floorDays: d.floorDays,
      reasons: wait > 0 ? [...reasons, waitReason(wait, capacity)] : reasons,
      dependsOn: DEPENDS_ON[d.step], capacityWaitDays: wait,
    };
  });

  const slack = slackOf(p, l);
  const end = steps[5].end;
  const start = steps[0].start;
  const deadline = trainingDeadline(opts.policy);
  const endsBeforeTrainingDeadline = end < deadline;
  const explanation: string[] = [];
  if (p.sunset.date < opts.today) explanation.push(`Today (${opts.today}) is already past the sunset date ${p.sunset.date}.`);
  if (workload.startDate !== null && workload.startDate > opts.today) explanation.push(`Work starts ${start}: the workload cannot start before ${workload.startDate}.`);
  if (l.wait > 0) explanation.push(`Benchmark and governance wait ${daysText(l.wait)} for a team slot (at most ${capacity} workloads in steps 3–5 at once).`);

  const fullEnd = isoAt(cal, f.full.ends[5]);
  let status: WorkloadPlan['status'];
  if (!f.compressed) {
    status = slack >= THRESHOLDS.onTrackSlackDays ? 'on_track' : 'tight';
    explanation.push(status === 'on_track'
      ? `Ends ${end}, ${daysText(slack)} before the sunset date ${p.sunset.date}: on track (at least ${THRESHOLDS.onTrackSlackDays}).`
      : `Ends ${end}, only ${daysText(slack)} before the sunset date ${p.sunset.date}: tight (fewer than ${THRESHOLDS.onTrackSlackDays}).`);
  } else {
    explanation.push(`With full durations it would end ${fullEnd}, ${daysText(-slackOf(p, f.full))} after the sunset date ${p.sunset.date}.`);
    if (slack >= 0) {
      status = 'compressed';
      explanation.push(`With every step cut to its floor it ends ${end}, ${daysText(slack)} before the sunset date: compressed.`);
    } else {
      status = 'late';
      explanation.push(`Even with every step at its floor it ends ${end}, ${daysText(-slack)} after the sunset date ${p.sunset.date}: late.`);
      if (endsBeforeTrainingDeadline) explanation.push(`It still ends before the training deadline ${deadline}, but the retest and rollback buffer is consumed.`);
      else explanation.push(`It ends after the training deadline ${deadline}.`);
    }
  }
  // The bridge is the safety net: proposed as soon as the full-length plan misses the training deadline, not only
  // once the compressed one does, so a plan that fits only by halving every step never goes without one.
  const bridge = fullEnd >= deadline ? proposeBridge(end, deadline, !endsBeforeTrainingDeadline, opts) : null;
  return {
    workloadId: workload.id, clientId: workload.clientId, approach: p.approach, start, steps, end, fullEnd,
    sunset: p.sunset, status, slackDays: slack, overrunDays: Math.max(0, -slack), compressed: f.compressed,
    endsBeforeTrainingDeadline, bridge, explanation,
  };
}

/**
 * One last fine-tuning refresh before the training deadline keeps the old model serving while the migration finishes.
 * `compressedMisses`: even the plan at its floors ends on or after the deadline, so the bridge is required.
 */
function proposeBridge(end: IsoDate, deadline: IsoDate, compressedMisses: boolean, opts: Required<ScheduleOptions>): BridgeProposal {
  const cal = opts.calendar;
  const refreshBy = cal.iso(cal.dayAt(cal.indexOnOrBefore(toDayNumber(deadline) - 1)));
  const retirement = inferenceRetirement(opts.policy);
  if (refreshBy < opts.today) {
    return { refreshBy, level: 'required', red: true, text: `Bridge impossible: the last day to train a refresh (${refreshBy}) has passed; the old model serves only as it is.` };
  }
  const action = `run one last fine-tuning refresh of the old model by ${refreshBy} and keep it serving until the migration ends ${end}.`;
  if (retirement !== null && retirement <= end) {
    return { refreshBy, level: 'required', red: true, text: `Bridge required, but it does not hold: the vendor retires inference on ${retirement}, before the migration ends ${end}; ${action.replace(/\.$/, '')} for as long as it serves.` };
  }
  if (compressedMisses) {
    return { refreshBy, level: 'required', red: true, text: `Bridge required — even with every step cut to its floor the migration ends after the training deadline ${deadline}: ${action}` };
  }
  return { refreshBy, level: 'recommended', red: false, text: `Bridge recommended — the plan only makes it if every step is cut to its floor: ${action}` };
}

export function withCalendar(opts: ScheduleOptions): Required<ScheduleOptions> {
  const calendar = opts.calendar ?? new WorkingCalendar(opts.policy, [opts.today, trainingDeadline(opts.policy)]);
  return { ...opts, calendar };
}

/**
 * Priority for team slots: the rank a workshop vote gave (ranked before unranked, rank 1 first), then
 * business-critical first, then earliest sunset date, then higher volume (then id, for determinism).
 */
const criticalFirst = (p: Prepared) => (p.input.workload.criticality === 'business_critical' ? 0 : 1);
const rankOf = (p: Prepared) => p.input.workload.priorityRank ?? Number.POSITIVE_INFINITY;

export function byPriority(a: Prepared, b: Prepared): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  return (ra === rb ? 0 : ra < rb ? -1 : 1)
    || criticalFirst(a) - criticalFirst(b)
    || a.sunsetDay - b.sunsetDay
    || b.input.workload.monthlyVolume - a.input.workload.monthlyVolume
    || a.input.workload.id - b.input.workload.id;
}

/** The team-capacity pass: steps 3–5 of each workload, in priority order, take the first free slots. Numbers only, so cheap to rerun. */
export function placeWithCapacity(prepared: readonly Prepared[], capacity: number): Fit[] {
  const order = prepared.map((_, i) => i).sort((a, b) => byPriority(prepared[a], prepared[b]));
  const base = prepared.reduce((min, p) => Math.min(min, p.startIndex), Number.POSITIVE_INFINITY);
  const board = new CapacityBoard(capacity, Number.isFinite(base) ? base : 0);
  const fits = new Array<Fit>(prepared.length);
  for (const i of order) {
    const f = fit(prepared[i], board);
    const l = f.layout;
    board.reserve(l.starts[2], l.ends[4] - l.starts[2] + 1);
    fits[i] = f;
  }
  return fits;
}

/** One workload on its own (no capacity limit). */
export function scheduleWorkload(input: ScheduleInput, options: ScheduleOptions): WorkloadPlan {
  const opts = withCalendar(options);
  const p = prepare(input, opts);
  return buildPlan(p, fit(p, null), opts, null);
}

export interface PortfolioSchedule {
  /** In the order of the inputs. */
  plans: WorkloadPlan[];
  rollups: ClientRollup[];
}

/** Every workload, with the team capacity of the policy applied in priority order, and a roll-up per client. */
export function schedulePortfolio(inputs: ScheduleInput[], clients: Client[], options: ScheduleOptions): PortfolioSchedule {
  const opts = withCalendar(options);
  const prepared = inputs.map((input) => prepare(input, opts));
  const capacity = opts.policy.capacity;
  const plans = new Array<WorkloadPlan>(prepared.length);

  if (capacity === null || capacity <= 0) {
    prepared.forEach((p, i) => { plans[i] = buildPlan(p, fit(p, null), opts, null); });
  } else {
    const fits = placeWithCapacity(prepared, capacity);
    prepared.forEach((p, i) => { plans[i] = buildPlan(p, fits[i], opts, capacity); });
  }
  return { plans, rollups: rollupClients(clients, plans) };
}
