// Handlers of workshop mode: preparing a workshop, running its session, capturing what the room decides.
import type { Database } from 'better-sqlite3';
import type { workshopChannels } from '../../../shared/ipc/workshop.ts';
import { OfframpError } from '../../../shared/errors.ts';
import { validateAgenda } from '../../../shared/workshop/agenda.ts';
import { applySessionAction } from '../../../shared/workshop/session.ts';
import { triageTemplate } from '../../../shared/workshop/template.ts';
import type { AgendaItem, Workshop } from '../../../shared/workshop/types.ts';
import { validateBallot, voteOptionsOf } from '../../../shared/workshop/votes.ts';
import type { HandlerMap } from '../context.ts';
import { getClient } from '../../db/clients.ts';
import { listWorkloads } from '../../db/workloads.ts';
import {
  deleteEntry, deleteWorkshop, getAgendaItem, getWorkshop, getWorkshopDetail, insertAction, insertAgendaItem, insertDecision, insertNote,
  insertWorkshop, listAgenda, listVotes, listWorkshopSummaries, saveAgendaItems, setBallot, setItemTimer, setSessionState, updateWorkshop,
} from '../../db/workshops.ts';
import { loadPortfolio } from '../../services/portfolio.ts';
import { acceptClassification, applyVote } from '../../services/workshopPlan.ts';
import { minutesHandlers } from './workshopMinutes.ts';
import { nowIso } from '../../db/rows.ts';

const refuse = (field: string, message: string): never => {
  throw new OfframpError({ code: 'invalid_payload', field, message });
};

/** Workload links must stay within the workshop's client. */
function checkWorkload(db: Database, clientId: number, workloadId: number | null, field: string): void {
  if (workloadId === null) return;
  if (!listWorkloads(db, clientId).some((w) => w.id === workloadId)) refuse(field, `Workload ${workloadId} is not one of this client's workloads; pick one from the list`);
}

/** An entry's item must be on this workshop's agenda. */
function checkItem(db: Database, workshopId: number, itemId: number | null): void {
  if (itemId === null) return;
  if (getAgendaItem(db, itemId).workshopId !== workshopId) refuse('itemId', `Agenda item ${itemId} belongs to another workshop`);
}

function checkReviewDate(w: { date: string; nextReviewDate: string | null }): void {
  if (w.nextReviewDate !== null && w.nextReviewDate < w.date) refuse('nextReviewDate', `The next review (${w.nextReviewDate}) cannot be before the workshop (${w.date})`);
}

function checkAgendaFits(w: Pick<Workshop, 'plannedMinutes' | 'startTime'>, items: Pick<AgendaItem, 'plannedMinutes'>[], fields: { items: string; plannedMinutes: string }): void {
  const issue = validateAgenda(w, items, fields)[0];
  if (issue) refuse(issue.field, issue.message);
}

export const workshopHandlers: HandlerMap<keyof typeof workshopChannels> = {
  'workshops.list': ({ clientId }, ctx) => listWorkshopSummaries(ctx.workspace.database(), clientId),
  'workshops.get': ({ id }, ctx) => getWorkshopDetail(ctx.workspace.database(), id),

  'workshops.create': (p, _ctx, db, rec) => {
    getClient(db, p.clientId);
    checkReviewDate(p);
    checkAgendaFits(p, [], { items: 'plannedMinutes', plannedMinutes: 'plannedMinutes' });
    return getWorkshop(db, insertWorkshop(rec, p));
  },

  'workshops.createFromTemplate': (p, ctx, db, rec) => {
    const client = getClient(db, p.clientId);
    const portfolio = loadPortfolio(db, p.today ?? ctx.today(), p.clientId).portfolio;
    const template = triageTemplate(client.name, portfolio.workloads.map((w) => ({ id: w.workload.id, name: w.workload.name, slackDays: w.plan.slackDays })));
    const id = insertWorkshop(rec, {
      clientId: p.clientId, title: p.title || template.title, date: p.date, startTime: p.startTime, plannedMinutes: template.plannedMinutes,
      location: '', participants: [], dotsPerParticipant: 3, nextReviewDate: null,
    });
    checkAgendaFits(getWorkshop(db, id), template.items, { items: 'startTime', plannedMinutes: 'startTime' });
    template.items.forEach((item, position) => insertAgendaItem(rec, id, position, item));
    return getWorkshopDetail(db, id);
  },

  'workshops.update': (p, _ctx, db, rec) => {
    const current = getWorkshop(db, p.id);
    getClient(db, p.clientId);
    checkReviewDate(p);
    const agenda = listAgenda(db, p.id);
    if (p.clientId !== current.clientId && agenda.some((i) => i.workloadId !== null)) {
      refuse('clientId', 'The agenda is about this client\'s workloads: duplicate the workshop for another client instead');
    }
    checkAgendaFits(p, agenda, { items: 'plannedMinutes', plannedMinutes: 'plannedMinutes' });
    updateWorkshop(rec, p.id, p);
    return getWorkshop(db, p.id);
  },

  'workshops.duplicate': ({ id }, _ctx, db, rec) => {
    const source = getWorkshopDetail(db, id);
    // A copy is a new session to prepare: planned, no current item, the agenda's timers at zero, nothing captured yet.
    const { status: _status, currentItemId: _current, createdAt: _created, updatedAt: _updated, ...fields } = source.workshop;
    const copy = insertWorkshop(rec, { ...fields, title: `${source.workshop.title} (copy)`.slice(0, 200) });
    source.agenda.forEach((item, position) => insertAgendaItem(rec, copy, position, {
      kind: item.kind, title: item.title, plannedMinutes: item.plannedMinutes, workloadId: item.workloadId, voteOptions: item.voteOptions,
    }));
    return getWorkshopDetail(db, copy);
  },

  'workshops.delete': ({ id }, _ctx, db, rec) => {
    deleteWorkshop(db, rec, id);
    return null;
  },

  'workshops.saveAgenda': ({ workshopId, items }, _ctx, db, rec) => {
    const workshop = getWorkshop(db, workshopId);
    items.forEach((item, i) => checkWorkload(db, workshop.clientId, item.workloadId, `items.${i}.workloadId`));
    checkAgendaFits(workshop, items, { items: 'items', plannedMinutes: 'items' });
    return saveAgendaItems(db, rec, workshopId, items);
  },

  'workshops.session': ({ workshopId, action, itemId, at }, _ctx, db, rec) => {
    const workshop = getWorkshop(db, workshopId);
    const items = listAgenda(db, workshopId);
    if (itemId !== undefined) checkItem(db, workshopId, itemId);
    const next = applySessionAction({ status: workshop.status, currentItemId: workshop.currentItemId, items }, action, at, itemId);
    next.items.forEach((item, i) => {
      const was = items[i];
      if (item !== was) setItemTimer(rec, item);
    });
    setSessionState(rec, workshopId, next);
    return getWorkshopDetail(db, workshopId);
  },

  'workshops.addNote': (p, _ctx, db, rec) => {
    getWorkshop(db, p.workshopId);
    checkItem(db, p.workshopId, p.itemId);
    return insertNote(db, rec, { ...p, at: nowIso() });
  },
  'workshops.addDecision': (p, _ctx, db, rec) => {
    const workshop = getWorkshop(db, p.workshopId);
    checkItem(db, p.workshopId, p.itemId);
    checkWorkload(db, workshop.clientId, p.workloadId, 'workloadId');
    return insertDecision(db, rec, { ...p, at: nowIso() });
  },
  'workshops.addAction': (p, _ctx, db, rec) => {
    const workshop = getWorkshop(db, p.workshopId);
    checkItem(db, p.workshopId, p.itemId);
    if (p.dueDate < workshop.date) refuse('dueDate', `The due date ${p.dueDate} is before the workshop (${workshop.date}): pick a later date`);
    return insertAction(db, rec, { ...p, at: nowIso() });
  },
  'workshops.removeEntry': ({ kind, id }, _ctx, _db, rec) => {
    deleteEntry(rec, kind, id);
    return null;
  },

  'workshops.castVotes': ({ itemId, participant, dots }, _ctx, db, rec) => {
    const item = getAgendaItem(db, itemId);
    if (item.kind !== 'vote') refuse('itemId', `"${item.title}" is not a vote item`);
    const workshop = getWorkshop(db, item.workshopId);
    const issue = validateBallot(participant, dots, voteOptionsOf(item, listWorkloads(db, workshop.clientId)), workshop.dotsPerParticipant);
    if (issue) refuse(issue.field, issue.message);
    setBallot(rec, itemId, participant, dots);
    return listVotes(db, itemId);
  },
  'workshops.applyVote': ({ itemId }, ctx, db, rec) => applyVote(db, rec, { itemId, today: ctx.today() }),
  'workshops.acceptClassification': ({ itemId, answers, today }, ctx, db, rec) =>
    acceptClassification(db, rec, { itemId, answers, today: today ?? ctx.today(), at: nowIso() }),

  ...minutesHandlers,
};
