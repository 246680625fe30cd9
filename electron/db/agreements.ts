// Contracts and customer commitments, with their links to workloads.
import type { Database } from 'better-sqlite3';
import type { Commitment, Contract } from '../../shared/domain/types.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { Recorder, Row } from './changes.ts';

type ContractFields = Omit<Contract, 'id'>;
type CommitmentFields = Omit<Commitment, 'id'>;

function linkedWorkloads(db: Database, table: 'contract_workloads' | 'commitment_workloads'): Map<number, number[]> {
  const links = new Map<number, number[]>();
  const sql = table === 'contract_workloads'
    ? 'SELECT contract_id AS owner, workload_id FROM contract_workloads ORDER BY workload_id'
    : 'SELECT commitment_id AS owner, workload_id FROM commitment_workloads ORDER BY workload_id';
  for (const r of db.prepare(sql).all() as { owner: number; workload_id: number }[]) {
    const list = links.get(r.owner) ?? [];
    list.push(r.workload_id);
    links.set(r.owner, list);
  }
  return links;
}

function requireWorkloads(db: Database, ids: number[], clientId: number | null): void {
  const check = db.prepare('SELECT client_id FROM workloads WHERE id = ?');
  for (const id of ids) {
    const row = check.get(id) as { client_id: number } | undefined;
    if (!row) throw new OfframpError({ code: 'invalid_payload', field: 'workloadIds', message: `Workload ${id} does not exist; untick it and save again` });
    if (clientId !== null && row.client_id !== clientId) {
      throw new OfframpError({ code: 'invalid_payload', field: 'workloadIds', message: `Workload ${id} belongs to another client; link only this client's workloads` });
    }
  }
}

function setLinks(rec: Recorder, db: Database, table: 'contract_workloads' | 'commitment_workloads', ownerColumn: 'contract_id' | 'commitment_id', ownerId: number, workloadIds: number[]): void {
  const current = new Set((table === 'contract_workloads'
    ? db.prepare('SELECT workload_id FROM contract_workloads WHERE contract_id = ?').all(ownerId)
    : db.prepare('SELECT workload_id FROM commitment_workloads WHERE commitment_id = ?').all(ownerId)) .map((r) => (r as { workload_id: number }).workload_id));
  const wanted = new Set(workloadIds);
  for (const w of current) if (!wanted.has(w)) rec.delete(table, { [ownerColumn]: ownerId, workload_id: w });
  for (const w of wanted) if (!current.has(w)) rec.insert(table, { [ownerColumn]: ownerId, workload_id: w });
}

function contractFromRow(r: Row, links: number[]): Contract {
  return {
    id: Number(r.id),
    clientId: (r.client_id as number | null) ?? null,
    name: String(r.name),
    party: r.party as Contract['party'],
    counterparty: String(r.counterparty),
    renewalDate: (r.renewal_date as string | null) ?? null,
    noticeDays: Number(r.notice_days),
    notes: String(r.notes),
    workloadIds: links,
  };
}

export function listContracts(db: Database): Contract[] {
  const links = linkedWorkloads(db, 'contract_workloads');
  return (db.prepare('SELECT * FROM contracts ORDER BY renewal_date IS NULL, renewal_date, id').all() as Row[]).map((r) => contractFromRow(r, links.get(Number(r.id)) ?? []));
}

export function getContract(db: Database, id: number): Contract {
  const row = db.prepare('SELECT * FROM contracts WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', field: 'id', message: `Contract ${id} no longer exists` });
  const links = (db.prepare('SELECT workload_id FROM contract_workloads WHERE contract_id = ? ORDER BY workload_id').all(id) as { workload_id: number }[]).map((l) => l.workload_id);
  return contractFromRow(row, links);
}

function contractRow(c: ContractFields): Row {
  return { client_id: c.clientId, name: c.name, party: c.party, counterparty: c.counterparty, renewal_date: c.renewalDate, notice_days: c.noticeDays, notes: c.notes };
}

export function insertContract(db: Database, rec: Recorder, c: ContractFields & { id?: number }): Contract {
  requireWorkloads(db, c.workloadIds, c.clientId);
  const row = contractRow(c);
  if (c.id !== undefined) row.id = c.id;
  const id = rec.insert('contracts', row);
  setLinks(rec, db, 'contract_workloads', 'contract_id', id, c.workloadIds);
  return getContract(db, id);
}

export function updateContract(db: Database, rec: Recorder, c: ContractFields & { id: number }): Contract {
  getContract(db, c.id);
  requireWorkloads(db, c.workloadIds, c.clientId);
  rec.update('contracts', { id: c.id }, contractRow(c));
  setLinks(rec, db, 'contract_workloads', 'contract_id', c.id, c.workloadIds);
  return getContract(db, c.id);
}

export function deleteContract(rec: Recorder, id: number): void {
  rec.deleteWhere('contract_workloads', { contract_id: id });
  if (!rec.delete('contracts', { id })) throw new OfframpError({ code: 'not_found', field: 'id', message: `Contract ${id} no longer exists` });
}

function commitmentFromRow(r: Row, links: number[]): Commitment {
  return {
    id: Number(r.id),
    clientId: Number(r.client_id),
    customer: String(r.customer),
    kind: r.kind as Commitment['kind'],
    threshold: (r.threshold as number | null) ?? null,
    description: String(r.description),
    dueDate: (r.due_date as string | null) ?? null,
    noticeDays: Number(r.notice_days),
    penalty: (r.penalty as string | null) ?? null,
    workloadIds: links,
  };
}

export function listCommitments(db: Database): Commitment[] {
  const links = linkedWorkloads(db, 'commitment_workloads');
  return (db.prepare('SELECT * FROM commitments ORDER BY due_date IS NULL, due_date, id').all() as Row[]).map((r) => commitmentFromRow(r, links.get(Number(r.id)) ?? []));
}

export function getCommitment(db: Database, id: number): Commitment {
  const row = db.prepare('SELECT * FROM commitments WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', field: 'id', message: `Commitment ${id} no longer exists` });
  const links = (db.prepare('SELECT workload_id FROM commitment_workloads WHERE commitment_id = ? ORDER BY workload_id').all(id) as { workload_id: number }[]).map((l) => l.workload_id);
  return commitmentFromRow(row, links);
}

function commitmentRow(c: CommitmentFields): Row {
  return { client_id: c.clientId, customer: c.customer, kind: c.kind, threshold: c.threshold, description: c.description, due_date: c.dueDate, notice_days: c.noticeDays, penalty: c.penalty };
}

function requireClient(db: Database, clientId: number): void {
  if (!db.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) {
    throw new OfframpError({ code: 'invalid_payload', field: 'clientId', message: `Client ${clientId} does not exist; pick a client from the list` });
  }
}

export function insertCommitment(db: Database, rec: Recorder, c: CommitmentFields & { id?: number }): Commitment {
  requireClient(db, c.clientId);
  requireWorkloads(db, c.workloadIds, c.clientId);
  const row = commitmentRow(c);
  if (c.id !== undefined) row.id = c.id;
  const id = rec.insert('commitments', row);
  setLinks(rec, db, 'commitment_workloads', 'commitment_id', id, c.workloadIds);
  return getCommitment(db, id);
}

export function updateCommitment(db: Database, rec: Recorder, c: CommitmentFields & { id: number }): Commitment {
  getCommitment(db, c.id);
  requireClient(db, c.clientId);
  requireWorkloads(db, c.workloadIds, c.clientId);
  rec.update('commitments', { id: c.id }, commitmentRow(c));
  setLinks(rec, db, 'commitment_workloads', 'commitment_id', c.id, c.workloadIds);
  return getCommitment(db, c.id);
}

export function deleteCommitment(rec: Recorder, id: number): void {
  rec.deleteWhere('commitment_workloads', { commitment_id: id });
  if (!rec.delete('commitments', { id })) throw new OfframpError({ code: 'not_found', field: 'id', message: `Commitment ${id} no longer exists` });
}
