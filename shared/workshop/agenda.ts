// Agenda arithmetic: totals, planned start times, item timers at a given instant, and whether the agenda fits.
import { differenceInMilliseconds, parseISO } from 'date-fns';
import { MAX_DAY_MINUTES, type AgendaItem } from './types.ts';

type Timed = Pick<AgendaItem, 'plannedMinutes' | 'elapsedSeconds' | 'runningSince'>;

export function agendaMinutes(items: readonly Pick<AgendaItem, 'plannedMinutes'>[]): number {
  return items.reduce((sum, i) => sum + i.plannedMinutes, 0);
}

function minutesOfDay(startTime: string): number {
  const [h, m] = startTime.split(':').map(Number);
  return h * 60 + m;
}

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Planned start time ('HH:mm') of each item when the workshop starts at `startTime`. */
export function plannedStartTimes(startTime: string, items: readonly Pick<AgendaItem, 'plannedMinutes'>[]): string[] {
  let at = minutesOfDay(startTime);
  return items.map((i) => {
    const start = clock(at);
    at += i.plannedMinutes;
    return start;
  });
}

/** The planned end ('HH:mm') of an agenda starting at `startTime`. */
export function plannedEndTime(startTime: string, items: readonly Pick<AgendaItem, 'plannedMinutes'>[]): string {
  return clock(minutesOfDay(startTime) + agendaMinutes(items));
}

/** Seconds the item's timer has run at `now`: what it ran before plus the current run, if running. */
export function itemElapsedSeconds(item: Timed, now: string): number {
  const running = item.runningSince ? Math.max(0, Math.floor(differenceInMilliseconds(parseISO(now), parseISO(item.runningSince)) / 1000)) : 0;
  return item.elapsedSeconds + running;
}

/** Seconds left of the item's planned time at `now`; negative once it overruns. */
export function itemRemainingSeconds(item: Timed, now: string): number {
  return item.plannedMinutes * 60 - itemElapsedSeconds(item, now);
}

/** "12:34", or "-1:05" past zero: how a countdown reads. */
export function formatCountdown(seconds: number): string {
  const abs = Math.abs(seconds);
  const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return seconds < 0 ? `-${text}` : text;
}

export interface SessionPace {
  /** Seconds behind the plan (negative: ahead). */
  behindSeconds: number;
  minutesBehind: number;
  /** "On time", "3 minutes behind" or "2 minutes ahead". */
  label: string;
}

/**
 * How far the session is from its plan at `now`: every item before the current one counts with its actual
 * time against its planned time; the current item counts only once it overruns (a running item is not late yet).
 */
export function sessionPace(items: readonly (Timed & { id: number })[], currentItemId: number | null, now: string): SessionPace {
  let behind = 0;
  const current = items.findIndex((i) => i.id === currentItemId);
  items.forEach((item, index) => {
    const elapsed = itemElapsedSeconds(item, now);
    const planned = item.plannedMinutes * 60;
    if (current >= 0 && index < current) behind += elapsed - planned;
    else if (index === current) behind += Math.max(0, elapsed - planned);
  });
  const minutes = Math.trunc(behind / 60);
  const unit = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;
  const label = minutes > 0 ? `${unit(minutes)} behind` : minutes < 0 ? `${unit(-minutes)} ahead` : 'On time';
  return { behindSeconds: behind, minutesBehind: minutes, label };
}

export interface AgendaIssue {
  field: string;
  message: string;
}

/**
 * Why an agenda cannot be kept: longer than a working day, longer than the workshop's planned length, or
 * running past midnight. `field` names the input a form shows the message beside.
 */
export function validateAgenda(workshop: { plannedMinutes: number; startTime: string }, items: readonly Pick<AgendaItem, 'plannedMinutes'>[], fields: { items: string; plannedMinutes: string } = { items: 'items', plannedMinutes: 'plannedMinutes' }): AgendaIssue[] {
  const total = agendaMinutes(items);
  const issues: AgendaIssue[] = [];
  if (total > MAX_DAY_MINUTES) {
    issues.push({ field: fields.items, message: `The agenda lasts ${total} minutes, longer than a working day (${MAX_DAY_MINUTES} minutes): shorten or remove items` });
  } else if (total > workshop.plannedMinutes) {
    issues.push({ field: fields.plannedMinutes, message: `The agenda lasts ${total} minutes, longer than the workshop's planned ${workshop.plannedMinutes} minutes: shorten items or plan a longer workshop` });
  }
  if (minutesOfDay(workshop.startTime) + Math.max(total, workshop.plannedMinutes) > 24 * 60) {
    issues.push({ field: 'startTime', message: `Starting at ${workshop.startTime}, the workshop would run past midnight: start earlier or shorten it` });
  }
  return issues;
}
