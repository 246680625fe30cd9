// What a workshop changes in the plan: accepting a classify item's answers (the job profile, source workshop)
// and applying a vote's tally as the workloads' priority order — each with the plan before and after.
import type { Database } from 'better-sqlite3';
import type { Workload } from '../../shared/domain/types.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { Portfolio } from '../../shared/portfolio.ts';
import { summarizeRecommendation } from '../../shared/workshop/summary.ts';
import type { ClassificationRecord, RecommendationSummary } from '../../shared/workshop/types.ts';
import { rankFromTally, tallyVotes, voteOptionsOf } from '../../shared/workshop/votes.ts';
import type { Recorder } from '../db/changes.ts';
import { getAgendaItem, getClassification, getWorkshop, listVotes, setClassification } from '../db/workshops.ts';
import { listWorkloads, setPriorityRank } from '../db/workloads.ts';
import { loadPortfolio } from './portfolio.ts';
import { applyQuestionnaire } from './questionnaire.ts';

function clientPortfolio(db: Database, today: string, clientId: number): Portfolio {
  return loadPortfolio(db, today, clientId).portfolio;
}

function summaryOf(portfolio: Portfolio, workloadId: number): RecommendationSummary {
  const entry = portfolio.workloads.find((w) => w.workload.id === workloadId);
  if (!entry) throw new OfframpError({ code: 'not_found', field: 'workloadId', message: `Workload ${workloadId} no longer exists` });
  return summarizeRecommendation(entry.recommendation, entry.plan);
}

/** "Accept" on a classify item: the answers become the workload's job profile (source workshop), recorded with the recommendation before and after. */
export function acceptClassification(db: Database, rec: Recorder, input: { itemId: number; answers: Record<string, string | number | boolean | null>; today: string; at: string }): ClassificationRecord {
  const item = getAgendaItem(db, input.itemId);
  if (item.kind !== 'classify' || item.workloadId === null) {
    throw new OfframpError({ code: 'invalid_payload', field: 'itemId', message: `"${item.title}" is not a classify item with a workload: answers are accepted on classify items` });
  }
  const workshop = getWorkshop(db, item.workshopId);
  const earlier = getClassification(db, item.id);
  const before = earlier?.before ?? summaryOf(clientPortfolio(db, input.today, workshop.clientId), item.workloadId);
  applyQuestionnaire(db, rec, { workloadId: item.workloadId, answers: input.answers, confirmed: true },
    { source: 'workshop', label: `Workshop "${workshop.title}" (${workshop.date}), item "${item.title}"` });
  const after = summaryOf(clientPortfolio(db, input.today, workshop.clientId), item.workloadId);
  const record: ClassificationRecord = { itemId: item.id, workloadId: item.workloadId, answers: input.answers, before, after, at: input.at };
  setClassification(rec, record);
  return record;
}

/** The scheduler's current order for team slots (rank, business-critical, earliest sunset, volume): ties in a vote keep it. */
function currentPriorityOrder(portfolio: Portfolio): number[] {
  return [...portfolio.workloads].sort((a, b) => {
    const ra = a.workload.priorityRank ?? Number.POSITIVE_INFINITY;
    const rb = b.workload.priorityRank ?? Number.POSITIVE_INFINITY;
    const ca = a.workload.criticality === 'business_critical' ? 0 : 1;
    const cb = b.workload.criticality === 'business_critical' ? 0 : 1;
    return (ra === rb ? 0 : ra < rb ? -1 : 1) || ca - cb || a.plan.sunset.date.localeCompare(b.plan.sunset.date)
      || b.workload.monthlyVolume - a.workload.monthlyVolume || a.workload.id - b.workload.id;
  }).map((w) => w.workload.id);
}

function planMoves(before: Portfolio, after: Portfolio, capacity: number | null): string {
  const was = new Map(before.workloads.map((w) => [w.workload.id, w.plan.end]));
  const moved = after.workloads.filter((w) => was.get(w.workload.id) !== w.plan.end)
    .map((w) => `${w.workload.name} now ends ${w.plan.end} (was ${was.get(w.workload.id)})`);
  if (moved.length > 0) return `The plan moved: ${moved.join('; ')}.`;
  return capacity === null
    ? 'The priority order is saved; the plan did not move because the team capacity is unlimited (set one in Settings to let priorities decide who waits).'
    : 'The priority order is saved; no end date changed.';
}

/**
 * Applies a vote's tally as the priority order of the client's workloads: 1 = most dots, ties keep the current
 * order; workloads without dots lose an earlier rank, so two votes never leave two workloads ranked first.
 */
export function applyVote(db: Database, rec: Recorder, input: { itemId: number; today: string }): { workloads: Workload[]; summary: string } {
  const item = getAgendaItem(db, input.itemId);
  if (item.kind !== 'vote') throw new OfframpError({ code: 'invalid_payload', field: 'itemId', message: `"${item.title}" is not a vote item` });
  const workshop = getWorkshop(db, item.workshopId);
  const view = loadPortfolio(db, input.today, workshop.clientId);
  const workloads = listWorkloads(db, workshop.clientId);
  const tally = tallyVotes(listVotes(db, item.id), voteOptionsOf(item, workloads));
  const ranks = rankFromTally(tally, currentPriorityOrder(view.portfolio));
  if (ranks.length === 0) {
    throw new OfframpError({ code: 'invalid_payload', field: 'itemId', message: 'No workload has a dot yet: cast votes before applying the result' });
  }
  const rankOf = new Map(ranks.map((r) => [r.workloadId, r.rank]));
  for (const w of workloads) {
    const rank = rankOf.get(w.id) ?? null;
    if ((w.priorityRank ?? null) !== rank) setPriorityRank(rec, w.id, rank);
  }
  const after = loadPortfolio(db, input.today, workshop.clientId).portfolio;
  const order = ranks.map((r) => workloads.find((w) => w.id === r.workloadId)?.name).join(', ');
  return { workloads: listWorkloads(db, workshop.clientId), summary: `Priority order: ${order}. ${planMoves(view.portfolio, after, view.snapshot.policy.capacity)}` };
}
