// The sample's workshops: a finished triage at Northwind Support (two workloads classified, a vote, decisions,
// actions) and a planned one at Meridian Health built from the template, so a newcomer sees both states.
// The classifications' recommendation summaries are left empty here: creating the sample workspace accepts the
// answers through the real path and records the engine's before and after (electron/services/fill.ts).
import { addDays, addMinutes, format, parseISO } from 'date-fns';
import type { IsoDate } from '../domain/types.ts';
import type { SnapshotWorkshop } from '../domain/snapshotWorkshops.ts';
import type { AgendaItem, RecommendationSummary } from '../workshop/types.ts';
import { triageTemplate } from '../workshop/template.ts';

const EMPTY_SUMMARY: RecommendationSummary = { architecture: 'prompting', components: [], rules: [], planEnd: null, status: null };

export function sampleWorkshops(today: IsoDate): SnapshotWorkshop[] {
  const day = (days: number): IsoDate => format(addDays(parseISO(today), days), 'yyyy-MM-dd');
  const held = day(-7);
  const stamp = `${today}T09:00:00.000Z`;
  /** An instant `minutes` after 09:30 on the day the workshop was held. */
  const at = (minutes: number): string => addMinutes(parseISO(`${held}T09:30:00.000Z`), minutes).toISOString();

  // Planned and actual minutes: the router discussion ran over, the vote was quick.
  const plan: [AgendaItem['kind'], string, number, number | null, number][] = [
    ['intro', 'Why we are here: the deadline and Northwind\'s sunset date', 5, null, 6],
    ['classify', 'Classify Ticket router', 15, 2, 19],
    ['classify', 'Classify Agency "custom AI" reply ranker', 15, 4, 14],
    ['vote', 'Which workloads move first? (dot vote)', 10, null, 8],
    ['plan', 'Plan review', 15, null, 15],
    ['decisions', 'Decisions and actions', 30, null, 27],
  ];
  let clock = 0;
  const agenda = plan.map(([kind, title, plannedMinutes, workloadId, actual], i) => {
    const startedAt = at(clock);
    clock += actual;
    return { id: i + 1, workshopId: 1, position: i, kind, title, plannedMinutes, workloadId, voteOptions: [], startedAt, endedAt: at(clock), elapsedSeconds: actual * 60, runningSince: null };
  });
  const vote = (participant: string, workloadId: number, dots: number) => ({ itemId: 4, participant, optionKey: `w:${workloadId}`, dots });

  const finished: SnapshotWorkshop = {
    id: 1, clientId: 1, title: 'Northwind Support: migration triage', date: held, startTime: '09:30', plannedMinutes: 90,
    location: 'Northwind HQ, room Fjord',
    participants: [
      { name: 'Dana Whitfield', role: 'Support engineering lead', organisation: 'Northwind Support' },
      { name: 'Sam Okafor', role: 'Platform owner', organisation: 'Northwind Support' },
      { name: 'Tom Brandt', role: 'Head of customer support', organisation: 'Northwind Support' },
      { name: 'Ines Moreau', role: 'Facilitator', organisation: 'Offramp consulting' },
    ],
    dotsPerParticipant: 3, status: 'finished', currentItemId: 6, nextReviewDate: day(14), createdAt: stamp, updatedAt: stamp,
    agenda,
    notes: [
      { id: 1, workshopId: 1, itemId: 2, text: 'Routing must answer inside 250 ms p95 for Contoso; a hosted call today takes about 180 ms.', at: at(12) },
      { id: 2, workshopId: 1, itemId: 3, text: 'Only 320 preference pairs so far; agents pick a reply about 4,000 times a day, so logging choices would add pairs fast.', at: at(30) },
      { id: 3, workshopId: 1, itemId: 3, text: 'The ranker is not about tone after all: it picks a canned reply and fills its fields, so format matters more than style.', at: at(33) },
    ],
    decisions: [
      { id: 1, workshopId: 1, itemId: 2, text: 'Ticket router moves to an open-weight adapter hosted by the platform team.', workloadId: 2, approach: 'open_weight', at: at(24) },
      { id: 2, workshopId: 1, itemId: 3, text: 'The reply ranker runs on prompting over the canned replies until 500 preference pairs exist.', workloadId: 4, approach: 'prompting', at: at(37) },
      { id: 3, workshopId: 1, itemId: 6, text: 'Support answer drafts go first: the Fabrikam audit is the biggest risk.', workloadId: 1, approach: null, at: at(70) },
    ],
    actions: [
      { id: 1, workshopId: 1, itemId: 6, text: 'Export three months of routing labels for the adapter benchmark', owner: 'Sam Okafor', dueDate: day(0), at: at(75) },
      { id: 2, workshopId: 1, itemId: 6, text: 'Log which canned reply agents pick, as preference pairs', owner: 'Dana Whitfield', dueDate: day(7), at: at(78) },
      { id: 3, workshopId: 1, itemId: 6, text: 'Book the legal review of the help-centre corpus for retrieval', owner: 'Tom Brandt', dueDate: day(3), at: at(80) },
    ],
    votes: [vote('Dana Whitfield', 1, 2), vote('Dana Whitfield', 2, 1), vote('Sam Okafor', 2, 2), vote('Sam Okafor', 4, 1), vote('Tom Brandt', 1, 3)],
    classifications: [
      {
        itemId: 2, workloadId: 2, at: at(23), before: EMPTY_SUMMARY, after: EMPTY_SUMMARY,
        answers: { knowledge: 'no', format: 'partly', style: 'no', behavior: 'central', ranking: 'no', deployment: 'cloud', latencyTargetMs: 250, residency: 'none', regulated: false, pairwiseFeedback: 0 },
      },
      {
        itemId: 3, workloadId: 4, at: at(36), before: EMPTY_SUMMARY, after: EMPTY_SUMMARY,
        answers: { knowledge: 'no', format: 'central', style: 'no', behavior: 'no', ranking: 'central', deployment: 'cloud', latencyTargetMs: null, residency: 'none', regulated: false, pairwiseFeedback: 320 },
      },
    ],
  };

  const template = triageTemplate('Meridian Health', [
    { id: 5, name: 'Patient support assistant', slackDays: null },
    { id: 6, name: 'Claim intake extraction', slackDays: null },
    { id: 7, name: 'Clinic-side triage classifier', slackDays: null },
    { id: 8, name: 'Wellness chat persona', slackDays: null },
  ]);
  const planned: SnapshotWorkshop = {
    id: 2, clientId: 2, title: template.title, date: day(7), startTime: '10:00', plannedMinutes: template.plannedMinutes, location: 'Video call',
    participants: [
      { name: 'Priya Raman', role: 'Product lead', organisation: 'Meridian Health' },
      { name: 'Lee Havel', role: 'Operations', organisation: 'Meridian Health' },
      { name: 'Ines Moreau', role: 'Facilitator', organisation: 'Offramp consulting' },
    ],
    dotsPerParticipant: 3, status: 'planned', currentItemId: null, nextReviewDate: null, createdAt: stamp, updatedAt: stamp,
    agenda: template.items.map((item, i) => ({ ...item, id: i + 1, workshopId: 2, position: i, startedAt: null, endedAt: null, elapsedSeconds: 0, runningSince: null })),
    notes: [], decisions: [], actions: [], votes: [], classifications: [],
  };
  return [finished, planned];
}
