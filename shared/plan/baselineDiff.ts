// "Changes since <baseline>": what moved between a stored baseline and the plan now, per workload, in words.
// Dates in the sentences are ISO like every date on screen; the printed roadmap writes them "9 Dec 2026".
import type { IsoDate } from '../domain/types.ts';
import { APPROACH_NAMES } from '../domain/approachNames.ts';
import { workingDays } from '../format.ts';
import type { BaselinePlan, BaselineSummary, BaselineWorkload } from './baseline.ts';
import type { SunsetSource } from './types.ts';

const STATUS_WORDS = { on_track: 'on track', tight: 'tight', compressed: 'compressed', late: 'late' } as const;

/** The rule that sets a sunset date, in plain words. */
export const SUNSET_RULE_WORDS: Record<SunsetSource, string> = {
  training_deadline: 'the training deadline minus the retest and rollback buffer',
  inference_retirement: 'the inference retirement minus the retest and rollback buffer',
  commitment: 'a commitment due before the training deadline, minus its notice period',
  contract: 'a contract renewal before the training deadline, minus its notice period',
};

export interface DateMove {
  from: IsoDate;
  to: IsoDate;
  /** Working days between the two dates (always ≥ 1 for a move). */
  workingDays: number;
  direction: 'earlier' | 'later';
}

export interface WorkloadChange {
  workloadId: number;
  name: string;
  clientName: string;
  kind: 'added' | 'removed' | 'changed';
  /** Cut-over (end of step 6) moved. */
  end: DateMove | null;
  status: { from: BaselineWorkload['status']; to: BaselineWorkload['status'] } | null;
  approach: { from: BaselineWorkload['approach']; to: BaselineWorkload['approach'] } | null;
  sunset: (DateMove & { reason: string; source: SunsetSource; sourceBefore: SunsetSource }) | null;
  /** Each change as a sentence, in the order above. */
  sentences: string[];
}

export interface BaselineDiff {
  baseline: Pick<BaselineSummary, 'id' | 'name' | 'takenAt' | 'today'>;
  changes: WorkloadChange[];
  /** Workloads present in both with nothing changed. */
  unchanged: number;
  /** Each baseline workload's span (start of step 1 to cut-over), by workload id: the timeline's ghost bars. */
  ghosts: Record<number, { start: IsoDate; end: IsoDate }>;
}

/** Counts working days in (from, to]; supplied by the caller (the workspace's calendar), so this stays pure. */
export type CountWorkingDays = (from: IsoDate, to: IsoDate) => number;

function move(from: IsoDate, to: IsoDate, count: CountWorkingDays): DateMove | null {
  if (from === to) return null;
  const later = to > from;
  // A move across a weekend alone still counts as a move of at least one working day.
  const days = Math.max(1, Math.abs(later ? count(from, to) : count(to, from)));
  return { from, to, workingDays: days, direction: later ? 'later' : 'earlier' };
}

function changeOf(before: BaselineWorkload, now: BaselineWorkload, count: CountWorkingDays): WorkloadChange | null {
  const end = move(before.end, now.end, count);
  const status = before.status !== now.status ? { from: before.status, to: now.status } : null;
  const approach = before.approach !== now.approach ? { from: before.approach, to: now.approach } : null;
  const sunsetMove = move(before.sunset.date, now.sunset.date, count);
  const sunset = sunsetMove ? { ...sunsetMove, reason: now.sunset.reason, source: now.sunset.source, sourceBefore: before.sunset.source } : null;
  if (!end && !status && !approach && !sunset) return null;
  const sentences: string[] = [];
  if (end) sentences.push(`Cut-over moved ${workingDays(end.workingDays)} ${end.direction}: ${end.from} → ${end.to}.`);
  if (status) sentences.push(`Status ${STATUS_WORDS[status.from]} → ${STATUS_WORDS[status.to]}.`);
  if (approach) sentences.push(`Approach ${APPROACH_NAMES[approach.from]} → ${APPROACH_NAMES[approach.to]}.`);
  if (sunset) {
    const rule = sunset.source === sunset.sourceBefore ? `still set by ${SUNSET_RULE_WORDS[sunset.source]}` : `now set by ${SUNSET_RULE_WORDS[sunset.source]}`;
    sentences.push(`Sunset date moved ${workingDays(sunset.workingDays)} ${sunset.direction}: ${sunset.from} → ${sunset.to}, ${rule} (${sunset.reason.replace(/\.$/, '')}).`);
  }
  return { workloadId: now.workloadId, name: now.name, clientName: now.clientName, kind: 'changed', end, status, approach, sunset, sentences };
}

/** Compares a baseline with the plan now (both as baseline plans); workloads matched by id. */
export function diffPlans(baseline: BaselinePlan, current: BaselinePlan, summary: BaselineDiff['baseline'], count: CountWorkingDays): BaselineDiff {
  const before = new Map(baseline.workloads.map((w) => [w.workloadId, w]));
  const changes: WorkloadChange[] = [];
  let unchanged = 0;
  for (const now of current.workloads) {
    const was = before.get(now.workloadId);
    if (!was) {
      changes.push({
        workloadId: now.workloadId, name: now.name, clientName: now.clientName, kind: 'added',
        end: null, status: null, approach: null, sunset: null,
        sentences: [`New since the baseline: cuts over ${now.end}, ${STATUS_WORDS[now.status]}.`],
      });
      continue;
    }
    before.delete(now.workloadId);
    const change = changeOf(was, now, count);
    if (change) changes.push(change);
    else unchanged += 1;
  }
  for (const gone of before.values()) {
    changes.push({
      workloadId: gone.workloadId, name: gone.name, clientName: gone.clientName, kind: 'removed',
      end: null, status: null, approach: null, sunset: null,
      sentences: [`Removed since the baseline (it was to cut over ${gone.end}).`],
    });
  }
  changes.sort((a, b) => a.clientName.localeCompare(b.clientName) || a.name.localeCompare(b.name) || a.workloadId - b.workloadId);
  const ghosts = Object.fromEntries(baseline.workloads.map((w) => [w.workloadId, { start: w.start, end: w.end }]));
  return { baseline: summary, changes, unchanged, ghosts };
}
