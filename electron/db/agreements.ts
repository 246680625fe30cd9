// Contracts and customer commitments, with their links to workloads. Both are "agreements": a row
// plus a set of linked workloads, so one description per table drives reading and writing both.
import type { Database } from 'better-sqlite3';
import type { Commitment, Contract } from '../../shared/domain/types.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';

interface AgreementTable<T extends { id: number; clientId: number | null; workloadIds: number[] }> {
  table: 'contracts' | 'commitments';
  links: 'contract_workloads' | 'commitment_workloads';
  owner: 'contract_id' | 'commitment_id';
  noun: string;
  /** Order of the list: by date, undated last. */
  orderBy: string;
  toRow(a: Omit<T, 'id' | 'workloadIds'>): Row;
  fromRow(r: Row, workloadIds: number[]): T;
}

const CONTRACTS: AgreementTable<Contract> = {
  table: 'contracts',
  links: 'contract_workloads',
  owner: 'contract_id',
  noun: 'Contract',
  orderBy: 'renewal_date IS NULL, renewal_date, id',
  toRow: (c) => ({ client_id: c.clientId, name: c.name, party: c.party, counterparty: c.counterparty, renewal_date: c.renewalDate, notice_days: c.noticeDays, notes: c.notes }),
  fromRow: (r, workloadIds) => ({
    id: Number(r.id),
    clientId: (r.client_id as number | null) ?? null,
    name: String(r.name),
    party: r.party as Contract['party'],
    counterparty: String(r.counterparty),
    renewalDate: (r.renewal_date as string | null) ?? null,
    noticeDays: Number(r.notice_days),
    notes: String(r.notes),
    workloadIds,
  }),
};

const COMMITMENTS: AgreementTable<Commitment> = {
  table: 'commitments',
  links: 'commitment_workloads',
  owner: 'commitment_id',
  noun: 'Commitment',
  orderBy: 'due_date IS NULL, due_date, id',
  toRow: (c) => ({ client_id: c.clientId, customer: c.customer, kind: c.kind, threshold: c.threshold, description: c.description, due_date: c.dueDate, notice_days: c.noticeDays, penalty: c.penalty }),
  fromRow: (r, workloadIds) => ({
    id: Number(r.id),
    clientId: Number(r.client_id),
    customer: String(r.customer),
    kind: r.kind as Commitment['kind'],
    threshold: (r.threshold as number | null) ?? null,
    description: String(r.description),
    dueDate: (r.due_date as string | null) ?? null,
    noticeDays: Number(r.notice_days),
    penalty: (r.penalty as string | null) ?? null,
    workloadIds,
  }),
};

// Table and column names below come only from the two descriptions above, never from input.
function linkedWorkloads(db: Database, t: AgreementTable<never>, ownerId?: number): Map<number, number[]> {
  const rows = ownerId === undefined
    ? prepared(db, `SELECT ${t.owner} AS owner, workload_id FROM ${t.links} ORDER BY workload_id`).all()
    : prepared(db, `SELECT ${t.owner} AS owner, workload_id FROM ${t.links} WHERE ${t.owner} = ? ORDER BY workload_id`).all(ownerId);
  const links = new Map<number, number[]>();
  for (const r of rows as { owner: number; workload_id: number }[]) {
    const list = links.get(r.owner) ?? [];
    list.push(r.workload_id);
    links.set(r.owner, list);
  }
  return links;
}

function requireClient(db: Database, clientId: number | null): void {
  if (clientId !== null && !prepared(db, 'SELECT 1 FROM clients WHERE id = ?').get(clientId)) {
    throw new OfframpError({ code: 'invalid_payload', field: 'clientId', message: `Client ${clientId} does not exist; pick a client from the list` });
  }
}

function requireWorkloads(db: Database, ids: number[], clientId: number | null): void {
  const check = prepared(db, 'SELECT client_id FROM workloads WHERE id = ?');
  for (const id of ids) {
    const row = check.get(id) as { client_id: number } | undefined;
    if (!row) throw new OfframpError({ code: 'invalid_payload', field: 'workloadIds', message: `Workload ${id} does not exist; untick it and save again` });
    if (clientId !== null && row.client_id !== clientId) {
      throw new OfframpError({ code: 'invalid_payload', field: 'workloadIds', message: `Workload ${id} belongs to another client; link only this client's workloads` });
    }
  }
}

function listAgreements<T extends { id: number; clientId: number | null; workloadIds: number[] }>(db: Database, t: AgreementTable<T>): T[] {
  const links = linkedWorkloads(db, t as AgreementTable<never>);
  return (prepared(db, `SELECT * FROM ${t.table} ORDER BY ${t.orderBy}`).all() as Row[]).map((r) => t.fromRow(r, links.get(Number(r.id)) ?? []));
}

function getAgreement<T extends { id: number; clientId: number | null; workloadIds: number[] }>(db: Database, t: AgreementTable<T>, id: number): T {
  const row = prepared(db, `SELECT * FROM ${t.table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', field: 'id', message: `${t.noun} ${id} no longer exists` });
  return t.fromRow(row, linkedWorkloads(db, t as AgreementTable<never>, id).get(id) ?? []);
}

function setLinks(db: Database, rec: Recorder, t: AgreementTable<never>, ownerId: number, workloadIds: number[]): void {
  const current = new Set(linkedWorkloads(db, t, ownerId).get(ownerId) ?? []);
  const wanted = new Set(workloadIds);
  for (const w of current) if (!wanted.has(w)) rec.delete(t.links, { [t.owner]: ownerId, workload_id: w });
  for (const w of wanted) if (!current.has(w)) rec.insert(t.links, { [t.owner]: ownerId, workload_id: w });
}

/** Inserts (no id) or updates (id) an agreement and makes its workload links exactly `a.workloadIds`. */
function saveAgreement<T extends { id: number; clientId: number | null; workloadIds: number[] }>(
  db: Database, rec: Recorder, t: AgreementTable<T>, a: Omit<T, 'id'> & { id?: number }, existing: boolean,
): T {
  if (existing) getAgreement(db, t, a.id as number);
  requireClient(db, a.clientId);
  requireWorkloads(db, a.workloadIds, a.clientId);
  const row = t.toRow(a as unknown as Omit<T, 'id' | 'workloadIds'>);
  let id = a.id as number;
  if (existing) rec.update(t.table, { id }, row);
  else id = rec.insert(t.table, a.id === undefined ? row : { ...row, id: a.id });
  setLinks(db, rec, t as AgreementTable<never>, id, a.workloadIds);
  return getAgreement(db, t, id);
}

function deleteAgreement(rec: Recorder, t: AgreementTable<never>, id: number): void {
  rec.deleteWhere(t.links, { [t.owner]: id });
  if (!rec.delete(t.table, { id })) throw new OfframpError({ code: 'not_found', field: 'id', message: `${t.noun} ${id} no longer exists` });
}

type NewContract = Omit<Contract, 'id'> & { id?: number };
type NewCommitment = Omit<Commitment, 'id'> & { id?: number };

export const listContracts = (db: Database): Contract[] => listAgreements(db, CONTRACTS);
export const getContract = (db: Database, id: number): Contract => getAgreement(db, CONTRACTS, id);
export const insertContract = (db: Database, rec: Recorder, c: NewContract): Contract => saveAgreement(db, rec, CONTRACTS, c, false);
export const updateContract = (db: Database, rec: Recorder, c: Contract): Contract => saveAgreement(db, rec, CONTRACTS, c, true);
export const deleteContract = (rec: Recorder, id: number): void => deleteAgreement(rec, CONTRACTS as AgreementTable<never>, id);

export const listCommitments = (db: Database): Commitment[] => listAgreements(db, COMMITMENTS);
export const getCommitment = (db: Database, id: number): Commitment => getAgreement(db, COMMITMENTS, id);
export const insertCommitment = (db: Database, rec: Recorder, c: NewCommitment): Commitment => saveAgreement(db, rec, COMMITMENTS, c, false);
export const updateCommitment = (db: Database, rec: Recorder, c: Commitment): Commitment => saveAgreement(db, rec, COMMITMENTS, c, true);
export const deleteCommitment = (rec: Recorder, id: number): void => deleteAgreement(rec, COMMITMENTS as AgreementTable<never>, id);
