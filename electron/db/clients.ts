// Clients: the organisations being migrated.
import type { Database } from 'better-sqlite3';
import type { Client } from '../../shared/domain/types.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';
import { nowIso } from './rows.ts';
import { deleteWorkload } from './workloads.ts';
import { deleteWorkshop } from './workshops.ts';
import { deleteCommitment, deleteContract } from './agreements.ts';

export function clientFromRow(r: Row): Client {
  return { id: Number(r.id), name: String(r.name), notes: String(r.notes), createdAt: String(r.created_at), updatedAt: String(r.updated_at) };
}

export function listClients(db: Database): Client[] {
  return (prepared(db, 'SELECT * FROM clients ORDER BY name COLLATE NOCASE, id').all() as Row[]).map(clientFromRow);
}

export function getClient(db: Database, id: number): Client {
  const row = prepared(db, 'SELECT * FROM clients WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', message: `Client ${id} no longer exists`, field: 'id' });
  return clientFromRow(row);
}

export function insertClient(db: Database, rec: Recorder, input: { name: string; notes: string }): Client {
  const at = nowIso();
  const id = rec.insert('clients', { name: input.name, notes: input.notes, created_at: at, updated_at: at });
  return getClient(db, id);
}

export function updateClient(db: Database, rec: Recorder, input: { id: number; name: string; notes: string }): Client {
  getClient(db, input.id);
  rec.update('clients', { id: input.id }, { name: input.name, notes: input.notes, updated_at: nowIso() });
  return getClient(db, input.id);
}

/** Deletes a client with its workloads, contracts, commitments and workshops. */
export function deleteClient(db: Database, rec: Recorder, id: number): void {
  getClient(db, id);
  // Workshops first: their agenda items and decisions point at the client's workloads.
  for (const { id: w } of prepared(db, 'SELECT id FROM workshops WHERE client_id = ?').all(id) as { id: number }[]) deleteWorkshop(db, rec, w);
  for (const { id: w } of prepared(db, 'SELECT id FROM workloads WHERE client_id = ?').all(id) as { id: number }[]) deleteWorkload(db, rec, w);
  for (const { id: c } of prepared(db, 'SELECT id FROM commitments WHERE client_id = ?').all(id) as { id: number }[]) deleteCommitment(rec, c);
  for (const { id: c } of prepared(db, 'SELECT id FROM contracts WHERE client_id = ?').all(id) as { id: number }[]) deleteContract(rec, c);
  rec.delete('clients', { id });
}
