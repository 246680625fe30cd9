// Channels of workshop mode: preparing a workshop (details, participants, agenda, template), running it
// (session state, timers, captured answers, votes, notes, decisions, actions) and its minutes.
import { z } from 'zod';
import { liveMutation, mutation, query } from './contract.ts';
import { isoDate } from './inventory.ts';
import { PAPER_SIZES, type ExportResult, type RoadmapData } from './exports.ts';
import type { MinutesModel } from '../workshop/minutes.ts';
import { APPROACHES } from '../domain/types.ts';
import type { Workload } from '../domain/types.ts';
import {
  AGENDA_KINDS, DEFAULT_DOTS, MAX_DAY_MINUTES, SESSION_ACTIONS, TEMPLATE_MINUTES,
  type AgendaItem, type ClassificationRecord, type VoteEntry, type Workshop, type WorkshopAction,
  type WorkshopDecision, type WorkshopDetail, type WorkshopNote, type WorkshopSummary,
} from '../workshop/types.ts';

const id = z.number().int().positive();
const text = (what: string, max = 2000) => z.string().trim().min(1, `Write the ${what}`).max(max, `Keep the ${what} under ${max} characters`);
/** An ISO date-time from the presenter's clock (tests drive a fake one). */
const instant = z.iso.datetime({ offset: true, message: 'Use an ISO date-time' });

export const participantInput = z.object({
  name: text('participant\'s name', 200),
  role: z.string().trim().max(200).default(''),
  organisation: z.string().trim().max(200).default(''),
});

export const workshopInput = z.object({
  clientId: id,
  title: text('title', 200),
  date: isoDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30 (HH:mm)').default('09:30'),
  plannedMinutes: z.number().int('Use whole minutes').min(5, 'A workshop lasts at least 5 minutes')
    .max(MAX_DAY_MINUTES, `A workshop fits in one day: at most ${MAX_DAY_MINUTES} minutes`).default(TEMPLATE_MINUTES),
  location: z.string().trim().max(200).default(''),
  participants: z.array(participantInput).max(100, 'At most 100 participants').default([]),
  dotsPerParticipant: z.number().int('Use a whole number of dots').min(1, 'Give each participant at least 1 dot').max(20, 'At most 20 dots each').default(DEFAULT_DOTS),
  nextReviewDate: isoDate.nullable().default(null),
});
export type WorkshopInput = z.input<typeof workshopInput>;

export const voteOptionInput = z.object({ key: z.string().min(1).max(50), label: text('option', 200), workloadId: id.nullable().default(null) });

export const agendaItemInput = z.object({
  /** Present for an existing item (keeps its timer and captured entries), absent for a new one. */
  id: id.optional(),
  kind: z.enum(AGENDA_KINDS),
  title: text('item\'s title', 200),
  plannedMinutes: z.number().int('Use whole minutes').min(1, 'An item lasts at least 1 minute').max(MAX_DAY_MINUTES, `At most ${MAX_DAY_MINUTES} minutes`),
  workloadId: id.nullable().default(null),
  voteOptions: z.array(voteOptionInput).max(50).default([]),
});
export type AgendaItemInput = z.input<typeof agendaItemInput>;

export { SESSION_ACTIONS, type SessionAction } from '../workshop/types.ts';

export const workshopChannels = {
  'workshops.list': query<WorkshopSummary[]>()(z.object({ clientId: id.optional() }).default({})),
  'workshops.get': query<WorkshopDetail>()(z.object({ id })),
  'workshops.create': mutation<Workshop>()(workshopInput),
  /** The 90-minute triage template built from the client's workloads (least slack first, at most 8 classified). */
  'workshops.createFromTemplate': mutation<WorkshopDetail>()(z.object({
    clientId: id, date: isoDate, startTime: workshopInput.shape.startTime, title: z.string().trim().max(200).optional(), today: isoDate.optional(),
  })),
  'workshops.update': mutation<Workshop>()(workshopInput.extend({ id })),
  'workshops.duplicate': mutation<WorkshopDetail>()(z.object({ id })),
  /** Deletes the workshop with everything it captured (undoable). */
  'workshops.delete': mutation<null>()(z.object({ id })),
  /** Replaces the agenda with these items in this order (reorder, add, edit, remove in one change). */
  'workshops.saveAgenda': mutation<AgendaItem[]>()(z.object({ workshopId: id, items: z.array(agendaItemInput).max(100, 'At most 100 agenda items') })),
  /**
   * Presenter state: start, move between items, start/pause the item timer, finish. `at` is the presenter's clock.
   * Live state, not an edit: saved at once but not put on the undo stack.
   */
  'workshops.session': liveMutation<WorkshopDetail>()(z.object({ workshopId: id, action: z.enum(SESSION_ACTIONS), itemId: id.optional(), at: instant })),
  'workshops.addNote': mutation<WorkshopNote>()(z.object({ workshopId: id, itemId: id.nullable().default(null), text: text('note', 10_000) })),
  'workshops.addDecision': mutation<WorkshopDecision>()(z.object({
    workshopId: id, itemId: id.nullable().default(null), text: text('decision'), workloadId: id.nullable().default(null), approach: z.enum(APPROACHES).nullable().default(null),
  })),
  'workshops.addAction': mutation<WorkshopAction>()(z.object({
    workshopId: id, itemId: id.nullable().default(null), text: text('action'), owner: text('owner', 200), dueDate: isoDate,
  })),
  'workshops.removeEntry': mutation<null>()(z.object({ kind: z.enum(['note', 'decision', 'action']), id })),
  /** One participant's dots in a vote item (replaces what they gave before); refused past the workshop's dots per participant. */
  'workshops.castVotes': mutation<VoteEntry[]>()(z.object({
    itemId: id, participant: text('participant\'s name', 200), dots: z.record(z.string().min(1).max(50), z.number().int('Dots are whole numbers').min(0, 'Dots cannot be negative')),
  })),
  /** Applies a vote's tally as the workloads' priority order (the scheduler's capacity priority reads it). */
  'workshops.applyVote': mutation<{ workloads: Workload[]; summary: string }>()(z.object({ itemId: id })),
  /** "Accept" on a classify item: saves the answers as the workload's job profile (source: workshop). */
  'workshops.acceptClassification': mutation<ClassificationRecord>()(z.object({
    itemId: id, answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), today: isoDate.optional(),
  })),

  /** The minutes' content (the model) and the client's roadmap data (its timeline), for the print view. */
  'workshops.minutes': query<MinutesData>()(z.object({ workshopId: id, today: isoDate.optional() })),
  /** Asks where to save, prints the minutes' print route to PDF and writes it. */
  'export.minutesPdf': query<ExportResult>()(z.object({ workshopId: id, paper: z.enum(PAPER_SIZES).default('A4'), today: isoDate.optional() })),
  /** Asks where to save and writes the minutes as Markdown. */
  'export.minutesMarkdown': query<ExportResult>()(z.object({ workshopId: id, today: isoDate.optional() })),
  /** Asks where to save and writes the workshop's actions (on their due dates) and next review date as iCalendar. */
  'export.workshopIcs': query<ExportResult>()(z.object({ workshopId: id })),
} as const;

/** What the minutes' print view draws: the minutes, and the client's roadmap data for its plan timeline. */
export interface MinutesData {
  minutes: MinutesModel;
  roadmap: RoadmapData;
}

/** The minutes' print route (hash path): Electron, the CLI and the preview all print this one. */
export function minutesRoute(options: { workshopId: number; paper: 'A4' | 'Letter'; today?: string | null }): string {
  return `/print/minutes/${options.workshopId}/${options.paper}/${options.today ?? 'today'}`;
}
