// A workshop's actions (on their due dates) and its next review as calendar events, through the milestones exporter.
import type { WorkshopDetail } from '../../shared/workshop/types.ts';
import { milestonesToIcs, type Milestone } from './milestonesIcs.ts';

export function workshopMilestones(detail: WorkshopDetail, clientName: string): Milestone[] {
  const { workshop } = detail;
  const from = `From the workshop "${workshop.title}" with ${clientName} on ${workshop.date}.`;
  const out: Milestone[] = detail.actions.map((a) => ({
    uid: `offramp-workshop${workshop.id}-action${a.id}@offramp`,
    date: a.dueDate,
    title: `Action (${a.owner}): ${a.text}`,
    description: `${a.text}\nOwner: ${a.owner}. Due ${a.dueDate}.\n${from}`,
  }));
  if (workshop.nextReviewDate) {
    out.push({
      uid: `offramp-workshop${workshop.id}-review@offramp`,
      date: workshop.nextReviewDate,
      title: `Review: ${workshop.title}`,
      description: `Next review of the decisions and actions. ${from}`,
    });
  }
  return out;
}

export function workshopToIcs(detail: WorkshopDetail, clientName: string): string {
  return milestonesToIcs(workshopMilestones(detail, clientName), `Offramp — ${detail.workshop.title}`);
}
