// Workshops and everything they capture: agenda items (with timers), notes, decisions, actions, votes and
// classifications. Children are deleted row by row through the Recorder so undo restores all of them.
import type { Database } from 'better-sqlite3';
import type {
  AgendaItem, ClassificationRecord, Participant, VoteEntry, Workshop, WorkshopAction, WorkshopDecision, WorkshopDetail,
  WorkshopNote, WorkshopSummary,
} from '../../shared/workshop/types.ts';
import type { Approach } from '../../shared/domain/types.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';
import { json, nowIso } from './rows.ts';

export const ENTRY_TABLES = { note: 'workshop_notes', decision: 'workshop_decisions', action: 'workshop_actions' } as const;
export type EntryKind = keyof typeof ENTRY_TABLES;

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function workshopFromRow(r: Row): Workshop {
  return {
    id: Number(r.id), clientId: Number(r.client_id), title: String(r.title), date: String(r.date), startTime: String(r.start_time),
    plannedMinutes: Number(r.planned_minutes), location: String(r.location), participants: json<Participant[]>(r.participants),
    dotsPerParticipant: Number(r.dots_per_participant), status: r.status as Workshop['status'], currentItemId: nullableNumber(r.current_item_id),
    nextReviewDate: (r.next_review_date as string | null) ?? null, createdAt: String(r.created_at), updatedAt: String(r.updated_at),
  };
}

export function agendaItemFromRow(r: Row): AgendaItem {
  return {
    id: Number(r.id), workshopId: Number(r.workshop_id), position: Number(r.position), kind: r.kind as AgendaItem['kind'], title: String(r.title),
    plannedMinutes: Number(r.planned_minutes), workloadId: nullableNumber(r.workload_id), voteOptions: json(r.vote_options),
    startedAt: (r.started_at as string | null) ?? null, endedAt: (r.ended_at as string | null) ?? null,
    elapsedSeconds: Number(r.elapsed_seconds), runningSince: (r.running_since as string | null) ?? null,
  };
}

const noteFromRow = (r: Row): WorkshopNote => ({ id: Number(r.id), workshopId: Number(r.workshop_id), itemId: nullableNumber(r.item_id), text: String(r.text), at: String(r.at) });
const decisionFromRow = (r: Row): WorkshopDecision => ({
  id: Number(r.id), workshopId: Number(r.workshop_id), itemId: nullableNumber(r.item_id), text: String(r.text),
  workloadId: nullableNumber(r.workload_id), approach: (r.approach as Approach | null) ?? null, at: String(r.at),
});
const actionFromRow = (r: Row): WorkshopAction => ({
  id: Number(r.id), workshopId: Number(r.workshop_id), itemId: nullableNumber(r.item_id), text: String(r.text), owner: String(r.owner),
  dueDate: String(r.due_date), at: String(r.at),
});
const voteFromRow = (r: Row): VoteEntry => ({ itemId: Number(r.item_id), participant: String(r.participant), optionKey: String(r.option_key), dots: Number(r.dots) });
const classificationFromRow = (r: Row): ClassificationRecord => ({
  itemId: Number(r.item_id), workloadId: Number(r.workload_id), answers: json(r.answers), before: json(r.before), after: json(r.after), at: String(r.at),
});

export function getWorkshop(db: Database, id: number): Workshop {
  const row = prepared(db, 'SELECT * FROM workshops WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', field: 'id', message: `Workshop ${id} no longer exists` });
  return workshopFromRow(row);
}

export function listWorkshops(db: Database, clientId?: number): Workshop[] {
  const rows = clientId === undefined
    ? prepared(db, 'SELECT * FROM workshops ORDER BY date, start_time, id').all()
    : prepared(db, 'SELECT * FROM workshops WHERE client_id = ? ORDER BY date, start_time, id').all(clientId);
  return (rows as Row[]).map(workshopFromRow);
}

export function listAgenda(db: Database, workshopId: number): AgendaItem[] {
  return (prepared(db, 'SELECT * FROM workshop_agenda_items WHERE workshop_id = ? ORDER BY position, id').all(workshopId) as Row[]).map(agendaItemFromRow);
}

export function getAgendaItem(db: Database, id: number, field = 'itemId'): AgendaItem {
  const row = prepared(db, 'SELECT * FROM workshop_agenda_items WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', field, message: `Agenda item ${id} no longer exists` });
  return agendaItemFromRow(row);
}

export function getWorkshopDetail(db: Database, id: number): WorkshopDetail {
  const workshop = getWorkshop(db, id);
  const byWorkshop = (table: string, order: string) => prepared(db, `SELECT * FROM ${table} WHERE workshop_id = ? ORDER BY ${order}`).all(id) as Row[];
  const byItem = (table: string, order: string) => prepared(db,
    `SELECT t.* FROM ${table} t JOIN workshop_agenda_items i ON i.id = t.item_id WHERE i.workshop_id = ? ORDER BY i.position, ${order}`).all(id) as Row[];
  return {
    workshop,
    agenda: listAgenda(db, id),
    notes: byWorkshop('workshop_notes', 'at, id').map(noteFromRow),
    decisions: byWorkshop('workshop_decisions', 'at, id').map(decisionFromRow),
    actions: byWorkshop('workshop_actions', 'due_date, id').map(actionFromRow),
    votes: byItem('workshop_votes', 't.participant, t.option_key').map(voteFromRow),
    classifications: byItem('workshop_classifications', 't.at').map(classificationFromRow),
  };
}

export function listWorkshopDetails(db: Database): WorkshopDetail[] {
  return listWorkshops(db).map((w) => getWorkshopDetail(db, w.id));
}

export function listWorkshopSummaries(db: Database, clientId?: number): WorkshopSummary[] {
  const sql = `SELECT w.*, c.name AS client_name,
      (SELECT coalesce(sum(planned_minutes), 0) FROM workshop_agenda_items WHERE workshop_id = w.id) AS agenda_minutes,
      (SELECT count(*) FROM workshop_agenda_items WHERE workshop_id = w.id) AS items,
      (SELECT count(*) FROM workshop_decisions WHERE workshop_id = w.id) AS decisions,
      (SELECT count(*) FROM workshop_actions WHERE workshop_id = w.id) AS actions
    FROM workshops w JOIN clients c ON c.id = w.client_id`;
  const rows = clientId === undefined
    ? prepared(db, `${sql} ORDER BY w.date DESC, w.start_time, w.id`).all()
    : prepared(db, `${sql} WHERE w.client_id = ? ORDER BY w.date DESC, w.start_time, w.id`).all(clientId);
  return (rows as Row[]).map((r) => ({
    workshop: workshopFromRow(r), clientName: String(r.client_name), agendaMinutes: Number(r.agenda_minutes),
    items: Number(r.items), decisions: Number(r.decisions), actions: Number(r.actions),
  }));
}

export type WorkshopFields = Pick<Workshop, 'clientId' | 'title' | 'date' | 'startTime' | 'plannedMinutes' | 'location' | 'participants' | 'dotsPerParticipant' | 'nextReviewDate'>;

function workshopToRow(w: WorkshopFields): Row {
  return {
    client_id: w.clientId, title: w.title, date: w.date, start_time: w.startTime, planned_minutes: w.plannedMinutes, location: w.location,
    participants: JSON.stringify(w.participants), dots_per_participant: w.dotsPerParticipant, next_review_date: w.nextReviewDate,
  };
}

/** Inserts a workshop; `live` carries a session's state when copying or importing one (default: planned). */
export function insertWorkshop(rec: Recorder, w: WorkshopFields & Partial<Pick<Workshop, 'status' | 'currentItemId' | 'createdAt' | 'updatedAt'>>): number {
  const at = nowIso();
  return rec.insert('workshops', {
    ...workshopToRow(w), status: w.status ?? 'planned', current_item_id: w.currentItemId ?? null,
    created_at: w.createdAt ?? at, updated_at: w.updatedAt ?? at,
  });
}

export function updateWorkshop(rec: Recorder, id: number, w: WorkshopFields): void {
  rec.update('workshops', { id }, { ...workshopToRow(w), updated_at: nowIso() });
}

/** Live presenter state (written by workshops.session only; see LIVE_COLUMNS). */
export function setSessionState(rec: Recorder, id: number, state: Pick<Workshop, 'status' | 'currentItemId'>): void {
  rec.update('workshops', { id }, { status: state.status, current_item_id: state.currentItemId });
}

export function setItemTimer(rec: Recorder, item: Pick<AgendaItem, 'id' | 'startedAt' | 'endedAt' | 'elapsedSeconds' | 'runningSince'>): void {
  rec.update('workshop_agenda_items', { id: item.id }, {
    started_at: item.startedAt, ended_at: item.endedAt, elapsed_seconds: item.elapsedSeconds, running_since: item.runningSince,
  });
}

export type AgendaItemFields = Pick<AgendaItem, 'kind' | 'title' | 'plannedMinutes' | 'workloadId' | 'voteOptions'>;
type ItemTimerFields = Partial<Pick<AgendaItem, 'startedAt' | 'endedAt' | 'elapsedSeconds' | 'runningSince'>>;

export function insertAgendaItem(rec: Recorder, workshopId: number, position: number, item: AgendaItemFields & ItemTimerFields): number {
  return rec.insert('workshop_agenda_items', {
    workshop_id: workshopId, position, kind: item.kind, title: item.title, planned_minutes: item.plannedMinutes, workload_id: item.workloadId,
    vote_options: JSON.stringify(item.voteOptions), started_at: item.startedAt ?? null, ended_at: item.endedAt ?? null,
    elapsed_seconds: item.elapsedSeconds ?? 0, running_since: item.runningSince ?? null,
  });
}

/** Removes an agenda item: its votes and classification go with it; notes, decisions and actions stay with the workshop. */
function deleteAgendaItem(db: Database, rec: Recorder, itemId: number): void {
  rec.deleteWhere('workshop_votes', { item_id: itemId });
  rec.deleteWhere('workshop_classifications', { item_id: itemId });
  for (const table of Object.values(ENTRY_TABLES)) {
    for (const { id } of prepared(db, `SELECT id FROM ${table} WHERE item_id = ?`).all(itemId) as { id: number }[]) rec.update(table, { id }, { item_id: null });
  }
  rec.delete('workshop_agenda_items', { id: itemId });
}

/**
 * Replaces the agenda with `items` in this order: items with an id keep their timer and captured entries,
 * items without one are added, items left out are removed. Returns the new agenda.
 */
export function saveAgendaItems(db: Database, rec: Recorder, workshopId: number, items: (AgendaItemFields & { id?: number })[]): AgendaItem[] {
  const existing = new Map(listAgenda(db, workshopId).map((i) => [i.id, i]));
  items.forEach((item, index) => {
    if (item.id !== undefined && !existing.has(item.id)) {
      throw new OfframpError({ code: 'invalid_payload', field: `items.${index}.id`, message: `Agenda item ${item.id} is not part of this workshop (it may have been removed)` });
    }
  });
  const kept = new Set(items.map((i) => i.id).filter((id): id is number => id !== undefined));
  for (const id of existing.keys()) if (!kept.has(id)) deleteAgendaItem(db, rec, id);
  const workshop = getWorkshop(db, workshopId);
  if (workshop.currentItemId !== null && !kept.has(workshop.currentItemId)) rec.update('workshops', { id: workshopId }, { current_item_id: null });
  items.forEach((item, position) => {
    if (item.id === undefined) {
      insertAgendaItem(rec, workshopId, position, item);
      return;
    }
    rec.update('workshop_agenda_items', { id: item.id }, {
      position, kind: item.kind, title: item.title, planned_minutes: item.plannedMinutes, workload_id: item.workloadId, vote_options: JSON.stringify(item.voteOptions),
    });
  });
  rec.update('workshops', { id: workshopId }, { updated_at: nowIso() });
  return listAgenda(db, workshopId);
}

/** Deletes a workshop with everything it captured, each row recorded so one undo brings it all back. */
export function deleteWorkshop(db: Database, rec: Recorder, id: number): void {
  getWorkshop(db, id);
  for (const item of listAgenda(db, id)) {
    rec.deleteWhere('workshop_votes', { item_id: item.id });
    rec.deleteWhere('workshop_classifications', { item_id: item.id });
  }
  for (const table of Object.values(ENTRY_TABLES)) rec.deleteWhere(table, { workshop_id: id });
  rec.deleteWhere('workshop_agenda_items', { workshop_id: id });
  rec.delete('workshops', { id });
}

/** Before a workload is deleted: items and decisions about it keep their text but lose the link; its classifications go. */
export function detachWorkloadFromWorkshops(db: Database, rec: Recorder, workloadId: number): void {
  for (const { id } of prepared(db, 'SELECT id FROM workshop_agenda_items WHERE workload_id = ?').all(workloadId) as { id: number }[]) {
    rec.update('workshop_agenda_items', { id }, { workload_id: null });
  }
  for (const { id } of prepared(db, 'SELECT id FROM workshop_decisions WHERE workload_id = ?').all(workloadId) as { id: number }[]) {
    rec.update('workshop_decisions', { id }, { workload_id: null });
  }
  rec.deleteWhere('workshop_classifications', { workload_id: workloadId });
}

export function insertNote(db: Database, rec: Recorder, n: Omit<WorkshopNote, 'id'>): WorkshopNote {
  const id = rec.insert('workshop_notes', { workshop_id: n.workshopId, item_id: n.itemId, text: n.text, at: n.at });
  return noteFromRow(prepared(db, 'SELECT * FROM workshop_notes WHERE id = ?').get(id) as Row);
}

export function insertDecision(db: Database, rec: Recorder, d: Omit<WorkshopDecision, 'id'>): WorkshopDecision {
  const id = rec.insert('workshop_decisions', { workshop_id: d.workshopId, item_id: d.itemId, text: d.text, workload_id: d.workloadId, approach: d.approach, at: d.at });
  return decisionFromRow(prepared(db, 'SELECT * FROM workshop_decisions WHERE id = ?').get(id) as Row);
}

export function insertAction(db: Database, rec: Recorder, a: Omit<WorkshopAction, 'id'>): WorkshopAction {
  const id = rec.insert('workshop_actions', { workshop_id: a.workshopId, item_id: a.itemId, text: a.text, owner: a.owner, due_date: a.dueDate, at: a.at });
  return actionFromRow(prepared(db, 'SELECT * FROM workshop_actions WHERE id = ?').get(id) as Row);
}

export function deleteEntry(rec: Recorder, kind: EntryKind, id: number): void {
  if (!rec.delete(ENTRY_TABLES[kind], { id })) throw new OfframpError({ code: 'not_found', field: 'id', message: `That ${kind} no longer exists` });
}

export function listVotes(db: Database, itemId: number): VoteEntry[] {
  return (prepared(db, 'SELECT * FROM workshop_votes WHERE item_id = ? ORDER BY participant, option_key').all(itemId) as Row[]).map(voteFromRow);
}

/** One participant's dots in a vote item, replacing what they gave before (options with 0 dots are not stored). */
export function setBallot(rec: Recorder, itemId: number, participant: string, dots: Record<string, number>): void {
  rec.deleteWhere('workshop_votes', { item_id: itemId, participant });
  for (const [optionKey, n] of Object.entries(dots)) {
    if (n > 0) rec.insert('workshop_votes', { item_id: itemId, participant, option_key: optionKey, dots: n });
  }
}

export function getClassification(db: Database, itemId: number): ClassificationRecord | null {
  const row = prepared(db, 'SELECT * FROM workshop_classifications WHERE item_id = ?').get(itemId) as Row | undefined;
  return row ? classificationFromRow(row) : null;
}

export function setClassification(rec: Recorder, c: ClassificationRecord): void {
  const row: Row = { workload_id: c.workloadId, answers: JSON.stringify(c.answers), before: JSON.stringify(c.before), after: JSON.stringify(c.after), at: c.at };
  if (rec.selectByKey('workshop_classifications', { item_id: c.itemId })) rec.update('workshop_classifications', { item_id: c.itemId }, row);
  else rec.insert('workshop_classifications', { item_id: c.itemId, ...row });
}
