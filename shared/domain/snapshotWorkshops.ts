// Workshops in the workspace JSON: each with everything it captured (agenda with timers, notes, decisions,
// actions, votes, classifications). Version-1 files carried the old shape (agenda, participants and decisions
// as plain lists); they are read into the new one, as migration 0002 does for a workspace file.
import { z } from 'zod';
import type { Workshop, WorkshopDetail } from '../workshop/types.ts';
import { AGENDA_KINDS, WORKSHOP_STATUSES } from '../workshop/types.ts';
import { APPROACHES } from './types.ts';

/** A workshop as the JSON holds it: its own fields and, beside them, what it captured. Ids are the file's own. */
export type SnapshotWorkshop = Workshop & Omit<WorkshopDetail, 'workshop'>;

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01 (yyyy-MM-dd)');
const instant = z.string().min(1);
const summary = z.object({
  architecture: z.enum(APPROACHES),
  components: z.array(z.object({ job: z.string(), approach: z.enum(APPROACHES) })),
  rules: z.array(z.object({ id: z.string(), sentence: z.string() })),
  planEnd: isoDate.nullable(),
  status: z.string().nullable(),
});

export const snapshotWorkshopSchema = z.object({
  id, clientId: id, title: z.string().trim().min(1), date: isoDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30 (HH:mm)'),
  plannedMinutes: z.number().int().min(1).max(1440), location: z.string().default(''),
  participants: z.array(z.object({ name: z.string().min(1), role: z.string().default(''), organisation: z.string().default('') })).default([]),
  dotsPerParticipant: z.number().int().min(1).default(3), status: z.enum(WORKSHOP_STATUSES).default('planned'),
  currentItemId: id.nullable().default(null), nextReviewDate: isoDate.nullable().default(null),
  createdAt: z.string().optional(), updatedAt: z.string().optional(),
  agenda: z.array(z.object({
    id, kind: z.enum(AGENDA_KINDS), title: z.string().min(1), plannedMinutes: z.number().int().min(1), workloadId: id.nullable().default(null),
    voteOptions: z.array(z.object({ key: z.string().min(1), label: z.string().min(1), workloadId: id.nullable().default(null) })).default([]),
    startedAt: instant.nullable().default(null), endedAt: instant.nullable().default(null),
    elapsedSeconds: z.number().int().min(0).default(0), runningSince: instant.nullable().default(null),
  })).default([]),
  notes: z.array(z.object({ itemId: id.nullable().default(null), text: z.string().min(1), at: instant })).default([]),
  decisions: z.array(z.object({
    itemId: id.nullable().default(null), text: z.string().min(1), workloadId: id.nullable().default(null), approach: z.enum(APPROACHES).nullable().default(null), at: instant,
  })).default([]),
  actions: z.array(z.object({ itemId: id.nullable().default(null), text: z.string().min(1), owner: z.string().trim().min(1, 'An action needs an owner'), dueDate: isoDate, at: instant })).default([]),
  votes: z.array(z.object({ itemId: id, participant: z.string().min(1), optionKey: z.string().min(1), dots: z.number().int().min(1) })).default([]),
  classifications: z.array(z.object({
    itemId: id, workloadId: id, answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), before: summary, after: summary, at: instant,
  })).default([]),
});
export type SnapshotWorkshopInput = z.output<typeof snapshotWorkshopSchema>;

/** The version-1 shape, read into the new one: free agenda items, participants by name, the notes text as one note. */
export const legacyWorkshopSchema = z.object({
  id, clientId: id, title: z.string(), date: isoDate,
  agenda: z.array(z.object({ title: z.string(), minutes: z.number(), done: z.boolean() })),
  participants: z.array(z.string()), notes: z.string(),
  decisions: z.array(z.object({ at: z.string(), text: z.string(), workloadId: id.nullable() })),
}).transform((w): SnapshotWorkshopInput => {
  const minutes = (m: number) => Math.min(480, Math.max(1, Math.round(m)));
  const total = w.agenda.reduce((s, a) => s + minutes(a.minutes), 0);
  const at = `${w.date}T00:00:00.000Z`;
  return {
    id: w.id, clientId: w.clientId, title: w.title.trim() || 'Workshop', date: w.date, startTime: '09:30',
    plannedMinutes: total > 0 ? Math.min(480, Math.max(5, total)) : 90, location: '',
    participants: w.participants.map((name) => ({ name, role: '', organisation: '' })), dotsPerParticipant: 3,
    status: w.agenda.length > 0 && w.agenda.every((a) => a.done) ? 'finished' : 'planned', currentItemId: null, nextReviewDate: null,
    agenda: w.agenda.map((a, i) => ({
      id: i + 1, kind: 'free' as const, title: a.title.trim() || `Item ${i + 1}`, plannedMinutes: minutes(a.minutes), workloadId: null, voteOptions: [],
      startedAt: null, endedAt: null, elapsedSeconds: 0, runningSince: null,
    })),
    notes: w.notes.trim() ? [{ itemId: null, text: w.notes, at }] : [],
    decisions: w.decisions.filter((d) => d.text.trim()).map((d) => ({ itemId: null, text: d.text, workloadId: d.workloadId, approach: null, at: d.at })),
    actions: [], votes: [], classifications: [],
  };
});

/** A reference inside a workshop of a workspace JSON that points at nothing: its JSON path and what is wrong. */
export interface WorkshopProblem {
  path: (string | number)[];
  message: string;
}

/**
 * The first dangling reference inside the file's workshops (before anything is written): agenda item ids unique
 * per workshop, entries and votes on one of its items, workloads (also in vote keys 'w:<id>') in the file.
 */
export function checkWorkshopReferences(workshops: readonly SnapshotWorkshopInput[], workloadIds: ReadonlySet<number>): WorkshopProblem | null {
  for (let i = 0; i < workshops.length; i++) {
    const w = workshops[i];
    const at = (...rest: (string | number)[]) => ['workshops', i, ...rest];
    const items = new Map<number, number>();
    for (let k = 0; k < w.agenda.length; k++) {
      const item = w.agenda[k];
      const first = items.get(item.id);
      if (first !== undefined) return { path: at('agenda', k, 'id'), message: `agenda item id ${item.id} is also used by agenda[${first}]; give each item its own id` };
      items.set(item.id, k);
      if (item.workloadId !== null && !workloadIds.has(item.workloadId)) return { path: at('agenda', k, 'workloadId'), message: `refers to workload ${item.workloadId}, which is not in the file` };
    }
    const item = (id: number | null, path: (string | number)[]): WorkshopProblem | null =>
      id === null || items.has(id) ? null : { path, message: `refers to agenda item ${id}, which is not on this workshop's agenda` };
    const workload = (id: number | null, path: (string | number)[]): WorkshopProblem | null =>
      id === null || workloadIds.has(id) ? null : { path, message: `refers to workload ${id}, which is not in the file` };
    const checks = [
      item(w.currentItemId, at('currentItemId')),
      ...(['notes', 'decisions', 'actions'] as const).flatMap((list) => w[list].map((e, k) => item(e.itemId, at(list, k, 'itemId')))),
      ...w.decisions.map((d, k) => workload(d.workloadId, at('decisions', k, 'workloadId'))),
      ...w.votes.flatMap((v, k) => [
        item(v.itemId, at('votes', k, 'itemId')),
        v.optionKey.startsWith('w:') ? workload(Number(v.optionKey.slice(2)), at('votes', k, 'optionKey')) : null,
      ]),
      ...w.classifications.flatMap((c, k) => [item(c.itemId, at('classifications', k, 'itemId')), workload(c.workloadId, at('classifications', k, 'workloadId'))]),
    ];
    const problem = checks.find((c) => c !== null);
    if (problem) return problem;
  }
  return null;
}
