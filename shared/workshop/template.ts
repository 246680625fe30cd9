// The 90-minute triage workshop built from a client's workloads: intro, one classify item per workload (least
// slack first, at most 8), a priority vote, the plan review, decisions and actions — adding up to exactly 90 minutes.
import { TEMPLATE_MAX_CLASSIFY, TEMPLATE_MINUTES, type AgendaKind, type VoteOption } from './types.ts';

export interface TemplateWorkload {
  id: number;
  name: string;
  /** Working days between the plan's end and the sunset date; null when unknown (sorted last). */
  slackDays: number | null;
}

export interface TemplateItem {
  kind: AgendaKind;
  title: string;
  plannedMinutes: number;
  workloadId: number | null;
  voteOptions: VoteOption[];
}

export interface TriageTemplate {
  title: string;
  plannedMinutes: number;
  items: TemplateItem[];
  /** Workloads left for a later workshop (beyond the classify limit), least slack first. */
  later: TemplateWorkload[];
}

/** Minutes each classify item gets: the classify share split evenly, kept between 5 and 15. */
export function classifyMinutes(count: number, total = TEMPLATE_MINUTES): number {
  if (count === 0) return 0;
  const share = Math.round(total * 0.6);
  return Math.min(15, Math.max(5, Math.floor(share / count)));
}

function bySlack(a: TemplateWorkload, b: TemplateWorkload): number {
  const sa = a.slackDays ?? Number.POSITIVE_INFINITY;
  const sb = b.slackDays ?? Number.POSITIVE_INFINITY;
  return sa - sb || a.name.localeCompare(b.name) || a.id - b.id;
}

function laterTitle(later: TemplateWorkload[]): string {
  if (later.length === 0) return 'Plan review';
  const names = later.map((w) => w.name);
  let shown = names;
  let title = `Plan review (later: ${shown.join(', ')})`;
  while (title.length > 200 && shown.length > 1) {
    shown = shown.slice(0, -1);
    title = `Plan review (later: ${shown.join(', ')} and ${names.length - shown.length} more)`;
  }
  return title.slice(0, 200);
}

/**
 * The fixed items start at intro 5, vote 10, plan 10, decisions 10 minutes; whatever the classify items leave
 * of the planned length is handed out in 5-minute steps to the plan review, decisions, the vote and the intro
 * (in that order), and any last minutes go to decisions, so the agenda always adds up to `plannedMinutes`.
 */
export function triageTemplate(clientName: string, workloads: readonly TemplateWorkload[], plannedMinutes = TEMPLATE_MINUTES): TriageTemplate {
  const sorted = [...workloads].sort(bySlack);
  const classified = sorted.slice(0, TEMPLATE_MAX_CLASSIFY);
  const later = sorted.slice(TEMPLATE_MAX_CLASSIFY);
  const each = classifyMinutes(classified.length, plannedMinutes);
  const fixed = { intro: 5, vote: 10, plan: 10, decisions: 10 };
  let spare = plannedMinutes - each * classified.length - (fixed.intro + fixed.vote + fixed.plan + fixed.decisions);
  const turn: (keyof typeof fixed)[] = ['plan', 'decisions', 'vote', 'intro'];
  for (let i = 0; spare >= 5; i++, spare -= 5) fixed[turn[i % turn.length]] += 5;
  fixed.decisions += spare;
  const items: TemplateItem[] = [
    { kind: 'intro', title: `Why we are here: the deadline and ${clientName}'s sunset date`, plannedMinutes: fixed.intro, workloadId: null, voteOptions: [] },
    ...classified.map((w): TemplateItem => ({ kind: 'classify', title: `Classify ${w.name}`, plannedMinutes: each, workloadId: w.id, voteOptions: [] })),
    { kind: 'vote', title: 'Which workloads move first? (dot vote)', plannedMinutes: fixed.vote, workloadId: null, voteOptions: [] },
    { kind: 'plan', title: laterTitle(later), plannedMinutes: fixed.plan, workloadId: null, voteOptions: [] },
    { kind: 'decisions', title: 'Decisions and actions', plannedMinutes: fixed.decisions, workloadId: null, voteOptions: [] },
  ];
  return { title: `${clientName}: migration triage`, plannedMinutes, items, later };
}
