// The minutes of a workshop as plain data: who was there, the agenda as planned and as run, what each classified
// workload answered and how its recommendation moved, the vote, decisions, actions, the client's plan and what comes next.
// The print view and the Markdown renderer both draw this one model.
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { APPROACH_NAMES } from '../domain/approachNames.ts';
import type { Approach, Commitment, IsoDate, PlanStatus } from '../domain/types.ts';
import { QUESTIONS } from '../decision/questionnaire.ts';
import type { Portfolio } from '../portfolio.ts';
import { agendaMinutes, plannedEndTime, plannedStartTimes } from './agenda.ts';
import { summaryChanges } from './summary.ts';
import type { AgendaKind, Participant, RecommendationSummary, WorkshopDetail, WorkshopStatus } from './types.ts';
import { tallyVotes, voteOptionsOf, type TallyRow } from './votes.ts';

export interface MinutesAgendaRow {
  position: number;
  kind: AgendaKind;
  title: string;
  workloadName: string | null;
  plannedStart: string;
  plannedMinutes: number;
  /** 'HH:mm' local time the item was started and ended, null when it was not run. */
  actualStart: string | null;
  actualEnd: string | null;
  /** Whole minutes the item's timer ran (null when never started). */
  actualMinutes: number | null;
}

export interface MinutesClassification {
  workloadId: number;
  workloadName: string;
  itemTitle: string;
  answers: { question: string; answer: string }[];
  before: RecommendationSummary;
  after: RecommendationSummary;
  /** What moved, in sentences ("Architecture: Prompting → Retrieval (RAG)"); empty when the answers confirmed the recommendation. */
  changes: string[];
}

export interface MinutesVote {
  itemTitle: string;
  rows: TallyRow[];
  totalDots: number;
  voters: number;
}

export interface MinutesEntry {
  text: string;
  itemTitle: string | null;
}

export interface MinutesDecision extends MinutesEntry {
  workloadName: string | null;
  approach: Approach | null;
}

export interface MinutesAction extends MinutesEntry {
  owner: string;
  dueDate: IsoDate;
}

export interface MinutesPlanRow {
  workloadId: number;
  name: string;
  status: PlanStatus;
  approach: Approach;
  start: IsoDate;
  end: IsoDate;
  sunset: IsoDate;
  slackDays: number;
  priorityRank: number | null;
}

export interface MinutesMilestone {
  date: IsoDate;
  title: string;
}

export interface MinutesModel {
  workshopId: number;
  title: string;
  clientName: string;
  date: IsoDate;
  startTime: string;
  plannedEnd: string;
  location: string;
  status: WorkshopStatus;
  /** The day the minutes were prepared (the plan is computed for it). */
  preparedOn: IsoDate;
  participants: Participant[];
  agenda: MinutesAgendaRow[];
  plannedMinutes: number;
  /** Minutes the timers ran in all, null when nothing was run. */
  actualMinutes: number | null;
  classifications: MinutesClassification[];
  votes: MinutesVote[];
  decisions: MinutesDecision[];
  actions: MinutesAction[];
  notes: MinutesEntry[];
  plan: MinutesPlanRow[];
  trainingDeadline: IsoDate;
  daysToDeadline: number;
  /** The client's earliest sunset date, and the workload that sets it. */
  sunset: { date: IsoDate; workloadName: string } | null;
  nextReviewDate: IsoDate | null;
  /** Dated events from the day the minutes are prepared on: actions due, the next review, sunsets, cut-overs, commitments, the deadline. */
  milestones: MinutesMilestone[];
}

export interface MinutesInput {
  detail: WorkshopDetail;
  clientName: string;
  /** The client's portfolio on `today`. */
  portfolio: Portfolio;
  /** The client's commitments (their due dates are milestones). */
  commitments: Commitment[];
  today: IsoDate;
}

const clockOf = (iso: string | null): string | null => (iso ? format(parseISO(iso), 'HH:mm') : null);

/** The words of an answer: the option's label for a choice, Yes/No, the number, or "—". */
function answerText(questionId: string, value: string | number | boolean | null): { question: string; answer: string } {
  const q = QUESTIONS.find((x) => x.id === questionId);
  const answer = value === null || value === '' ? '—'
    : typeof value === 'boolean' ? (value ? 'Yes' : 'No')
      : q?.options.find((o) => o.value === String(value))?.label ?? String(value);
  return { question: q?.text ?? questionId, answer };
}

function readableChanges(before: RecommendationSummary, after: RecommendationSummary): string[] {
  const named = (text: string) => text.replace(/\b(rag|prompting|open_weight|preference|multi_model)\b/g, (a) => APPROACH_NAMES[a as Approach]);
  return summaryChanges(before, after).map(named);
}

const MILESTONES_SHOWN = 12;

export function buildMinutes({ detail, clientName, portfolio, commitments, today }: MinutesInput): MinutesModel {
  const { workshop, agenda } = detail;
  const workloads = portfolio.workloads.map((w) => w.workload);
  const workloadName = (id: number | null): string | null => (id === null ? null : workloads.find((w) => w.id === id)?.name ?? `Workload ${id} (deleted)`);
  const itemTitle = (id: number | null): string | null => (id === null ? null : agenda.find((i) => i.id === id)?.title ?? null);
  const starts = plannedStartTimes(workshop.startTime, agenda);

  const agendaRows: MinutesAgendaRow[] = agenda.map((item, i) => ({
    position: i + 1,
    kind: item.kind,
    title: item.title,
    workloadName: workloadName(item.workloadId),
    plannedStart: starts[i],
    plannedMinutes: item.plannedMinutes,
    actualStart: clockOf(item.startedAt),
    actualEnd: clockOf(item.endedAt),
    actualMinutes: item.startedAt ? Math.round(item.elapsedSeconds / 60) : null,
  }));
  const ran = agendaRows.filter((r) => r.actualMinutes !== null);

  const classifications: MinutesClassification[] = detail.classifications.map((c) => ({
    workloadId: c.workloadId,
    workloadName: workloadName(c.workloadId) ?? '',
    itemTitle: itemTitle(c.itemId) ?? '',
    answers: Object.entries(c.answers).filter(([, v]) => v !== null && v !== '').map(([k, v]) => answerText(k, v)),
    before: c.before,
    after: c.after,
    changes: readableChanges(c.before, c.after),
  }));

  const votes: MinutesVote[] = agenda.filter((i) => i.kind === 'vote').map((item) => {
    const entries = detail.votes.filter((v) => v.itemId === item.id);
    const rows = tallyVotes(entries, voteOptionsOf(item, workloads));
    return { itemTitle: item.title, rows, totalDots: rows.reduce((s, r) => s + r.dots, 0), voters: new Set(entries.map((e) => e.participant)).size };
  }).filter((v) => v.totalDots > 0);

  const plan: MinutesPlanRow[] = portfolio.workloads.map(({ workload, plan: p }) => ({
    workloadId: workload.id, name: workload.name, status: p.status, approach: p.approach, start: p.start, end: p.end, sunset: p.sunset.date,
    slackDays: p.slackDays, priorityRank: workload.priorityRank ?? null,
  })).sort((a, b) => (a.priorityRank ?? Infinity) - (b.priorityRank ?? Infinity) || a.sunset.localeCompare(b.sunset) || a.name.localeCompare(b.name));

  const milestones: MinutesMilestone[] = [
    ...detail.actions.map((a) => ({ date: a.dueDate, title: `Action due: ${a.text} (${a.owner})` })),
    ...(workshop.nextReviewDate ? [{ date: workshop.nextReviewDate, title: `Next review: ${workshop.title}` }] : []),
    { date: portfolio.trainingDeadline, title: 'Training deadline: the vendor stops accepting new fine-tuning jobs' },
    ...portfolio.workloads.flatMap(({ workload, plan: p }) => [
      { date: p.sunset.date, title: `Sunset: ${workload.name}` },
      { date: p.end, title: `Cut-over: ${workload.name}` },
      ...(p.bridge ? [{ date: p.bridge.refreshBy, title: `Bridge refresh by: ${workload.name}` }] : []),
    ]),
    ...commitments.filter((c) => c.dueDate).map((c) => ({ date: c.dueDate as string, title: `Commitment due: ${c.kind} for ${c.customer}` })),
  ].filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title)).slice(0, MILESTONES_SHOWN);

  const sunsetSetter = portfolio.workloads.reduce<(typeof portfolio.workloads)[number] | null>(
    (min, w) => (min === null || w.plan.sunset.date < min.plan.sunset.date ? w : min), null);

  return {
    workshopId: workshop.id,
    title: workshop.title,
    clientName,
    date: workshop.date,
    startTime: workshop.startTime,
    plannedEnd: plannedEndTime(workshop.startTime, agenda),
    location: workshop.location,
    status: workshop.status,
    preparedOn: today,
    participants: workshop.participants,
    agenda: agendaRows,
    plannedMinutes: agendaMinutes(agenda),
    actualMinutes: ran.length > 0 ? ran.reduce((s, r) => s + (r.actualMinutes ?? 0), 0) : null,
    classifications,
    votes,
    decisions: detail.decisions.map((d) => ({ text: d.text, itemTitle: itemTitle(d.itemId), workloadName: workloadName(d.workloadId), approach: d.approach })),
    actions: detail.actions.map((a) => ({ text: a.text, itemTitle: itemTitle(a.itemId), owner: a.owner, dueDate: a.dueDate })),
    notes: detail.notes.map((n) => ({ text: n.text, itemTitle: itemTitle(n.itemId) })),
    plan,
    trainingDeadline: portfolio.trainingDeadline,
    daysToDeadline: differenceInCalendarDays(parseISO(portfolio.trainingDeadline), parseISO(today)),
    sunset: sunsetSetter ? { date: sunsetSetter.plan.sunset.date, workloadName: sunsetSetter.workload.name } : null,
    nextReviewDate: workshop.nextReviewDate,
    milestones,
  };
}
