// Milestones as iCalendar: the training deadline, sunset dates, bridge refresh-by dates, commitment due and notice-by
// dates, and optionally every step end, as all-day events with stable UIDs.
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { Portfolio } from '../../shared/portfolio.ts';
import type { Client, Commitment } from '../../shared/domain/types.ts';
import { formatNumber, plural, workingDays } from '../../shared/format.ts';
import { OfframpError } from '../../shared/errors.ts';

const dateArray = (iso: string): DateArray => {
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
};

/** The day after, so an all-day event covers exactly its date (DTEND is exclusive). */
const nextDay = (iso: string): DateArray => {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

export interface Milestone {
  uid: string;
  date: string;
  title: string;
  description: string;
}

export interface MilestoneOptions {
  /** Also one event per step end (six per workload): off by default, so a manager's calendar is not flooded. */
  steps?: boolean;
  /** Commitments in scope: their due dates and notice-by dates become events. */
  commitments?: Commitment[];
}

/** The last day a commitment can still be renegotiated: its due date minus its notice period. */
export function noticeByDate(c: Commitment): string | null {
  if (!c.dueDate) return null;
  const t = new Date(`${c.dueDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - c.noticeDays);
  return t.toISOString().slice(0, 10);
}

/**
 * The training deadline; per workload its sunset date, its bridge's refresh-by date and (optionally) each step end;
 * per commitment its due date and notice-by date. UIDs derive from ids, so re-exports update events in place.
 */
export function portfolioMilestones(portfolio: Portfolio, clients: Client[], options: MilestoneOptions = {}): Milestone[] {
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const out: Milestone[] = [{
    uid: `offramp-training-deadline-${portfolio.trainingDeadline}@offramp`,
    date: portfolio.trainingDeadline,
    title: 'Training deadline: the vendor stops accepting new fine-tuning jobs',
    description: 'After this day no fine-tuned model can be retrained. Every migration must have cut over, or have its bridge refresh trained, before it.',
  }];
  for (const { workload, plan } of portfolio.workloads) {
    const who = `${workload.name} (${clientName.get(workload.clientId) ?? 'client'})`;
    out.push({
      uid: `offramp-w${workload.id}-sunset@offramp`,
      date: plan.sunset.date,
      title: `Sunset: ${who}`,
      description: `Internal sunset date. ${plan.sunset.reason}`,
    });
    if (plan.bridge) {
      out.push({
        uid: `offramp-w${workload.id}-bridge@offramp`,
        date: plan.bridge.refreshBy,
        title: `Bridge refresh by (${plan.bridge.level}): ${who}`,
        description: plan.bridge.text,
      });
    }
    if (!options.steps) continue;
    for (const step of plan.steps) {
      out.push({
        uid: `offramp-w${workload.id}-step${step.step}@offramp`,
        date: step.end,
        title: `Step ${step.step} ends — ${step.name}: ${who}`,
        description: `${step.name}: ${step.start} to ${step.end} (${workingDays(step.durationDays)}).`,
      });
    }
  }
  const inScope = new Set(portfolio.workloads.map((w) => w.workload.clientId));
  for (const c of options.commitments ?? []) {
    if (!c.dueDate || !inScope.has(c.clientId)) continue;
    const what = `${c.kind} commitment to ${c.customer}${c.threshold !== null ? ` (${formatNumber(c.threshold)})` : ''}`;
    out.push({
      uid: `offramp-c${c.id}-due@offramp`,
      date: c.dueDate,
      title: `Commitment due: ${what}`,
      description: `${c.description ? `${c.description}. ` : ''}Due ${c.dueDate}${c.penalty ? `; penalty: ${c.penalty}` : ''}.`,
    });
    const by = noticeByDate(c);
    if (by !== null && c.noticeDays > 0) {
      out.push({
        uid: `offramp-c${c.id}-notice@offramp`,
        date: by,
        title: `Notice by: ${what}`,
        description: `Last day to give notice (${plural(c.noticeDays, 'day')} before the due date ${c.dueDate}) if the commitment cannot be kept.`,
      });
    }
  }
  return out;
}

export function milestonesToIcs(milestones: Milestone[], calendarName: string): string {
  if (milestones.length === 0) throw new OfframpError({ code: 'invalid_payload', message: 'There are no milestones to export' });
  const events: EventAttributes[] = milestones.map((m) => ({
    uid: m.uid,
    start: dateArray(m.date),
    end: nextDay(m.date),
    title: m.title,
    description: m.description,
    transp: 'TRANSPARENT',
    calName: calendarName,
    productId: 'offramp/roadmap',
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw new OfframpError({ code: 'internal', message: `Could not write the calendar: ${error?.message ?? 'no output'}` });
  return value;
}
