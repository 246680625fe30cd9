// Workshops: facilitated sessions with agenda, participants, notes and decisions.
import type { Database } from 'better-sqlite3';
import type { Workshop } from '../../shared/domain/types.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';
import { json } from './rows.ts';

export function workshopFromRow(r: Row): Workshop {
  return {
    id: Number(r.id), clientId: Number(r.client_id), title: String(r.title), date: String(r.date),
    agenda: json(r.agenda), participants: json(r.participants), notes: String(r.notes), decisions: json(r.decisions),
  };
}

export function listWorkshops(db: Database): Workshop[] {
  return (prepared(db, 'SELECT * FROM workshops ORDER BY date, id').all() as Row[]).map(workshopFromRow);
}

export function insertWorkshop(rec: Recorder, w: Omit<Workshop, 'id'> & { id?: number }): number {
  const row: Row = {
    client_id: w.clientId, title: w.title, date: w.date, agenda: JSON.stringify(w.agenda),
    participants: JSON.stringify(w.participants), notes: w.notes, decisions: JSON.stringify(w.decisions),
  };
  if (w.id !== undefined) row.id = w.id;
  return rec.insert('workshops', row);
}
