// Milestones as iCalendar: every step end, every sunset date and the training deadline, as all-day events with stable UIDs.
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { Portfolio } from '../../shared/portfolio.ts';
import type { Client } from '../../shared/domain/types.ts';
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

/** One milestone per step end, per workload sunset and the training deadline; UIDs derive from ids, so re-exports update events in place. */
export function portfolioMilestones(portfolio: Portfolio, clients: Client[]): Milestone[] {
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
    for (const step of plan.steps) {
      out.push({
        uid: `offramp-w${workload.id}-step${step.step}@offramp`,
        date: step.end,
        title: `Step ${step.step} ends — ${step.name}: ${who}`,
        description: `${step.name}: ${step.start} to ${step.end} (${step.durationDays} working days).`,
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
