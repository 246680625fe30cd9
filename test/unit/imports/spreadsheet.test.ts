import { describe, expect, it } from 'vitest';
import { parseCsv, parseIsoDate, spreadsheetColumns, suggestMapping, toCsv } from '../../../shared/imports/spreadsheet.ts';
import type { Commitment, Contract, Workload } from '../../../shared/domain/types.ts';
import { caught } from '../../support/errors.ts';

const clients = [
  { id: 1, name: 'Acme Bank' },
  { id: 2, name: 'Globex' },
];
const workloadRefs = [
  { id: 11, name: 'Support triage' },
  { id: 12, name: 'Claims extraction' },
];

function aWorkload(over: Partial<Workload> = {}): Workload {
  return {
    id: 11,
    clientId: 1,
    name: 'Support triage',
    kind: 'workflow',
    fineTunedModel: 'ft:gpt-4o-mini-2024-07-18:acme:triage:AbC',
    baseModel: 'gpt-4o-mini-2024-07-18',
    owner: 'Dana Q.',
    criticality: 'business_critical',
    deployment: 'cloud',
    residency: 'EU',
    regulated: true,
    auditTrailRequired: false,
    monthlyVolume: 2_000_000,
    latencyTargetMs: 800,
    pairwiseFeedback: 1200,
    knowledgeChangeFrequency: 'weekly',
    baselineAccuracy: 0.94,
    baselineP95Ms: 650.5,
    baselineCostPer1k: 1.25,
    startDate: '2026-12-01',
    retrainCadenceDays: 30,
    lastRetrainDate: '2026-10-15',
    notes: 'Multi-line note,\nwith "quotes", commas; and a semicolon.',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...over,
  };
}

function aContract(over: Partial<Contract> = {}): Contract {
  return { id: 5, clientId: 1, name: 'Vendor MSA', party: 'vendor', counterparty: 'OpenAI', renewalDate: '2027-03-31', noticeDays: 90, notes: '', workloadIds: [11, 12], ...over };
}

function aCommitment(over: Partial<Commitment> = {}): Commitment {
  return { id: 7, clientId: 2, customer: 'Initech', kind: 'accuracy', threshold: 0.95, description: 'Claims fields ≥ 95% correct', dueDate: '2027-02-01', noticeDays: 30, penalty: null, workloadIds: [12], ...over };
}

const strip = <T extends { id: number; clientId: number | null }>(row: T, drop: string[] = []) => {
  const out: Record<string, unknown> = { ...row };
  for (const k of ['id', 'clientId', 'workloadIds', 'createdAt', 'updatedAt', ...drop]) delete out[k];
  return out;
};

/** Reads exported contracts or commitments back: same values, same client, same linked workloads, no errors. */
function expectReadBackIdentical(kind: 'contracts' | 'commitments', csv: string, records: (Contract | Commitment)[], fileName: string): void {
  const parsed = parseCsv(kind, csv, { fileName, lookups: { clients, workloads: workloadRefs } });
  expect(parsed.errors).toEqual([]);
  parsed.rows.forEach((r, i) => {
    const { client: _c, clientId, workloads: _w, workloadIds, ...values } = r.values;
    expect(values).toEqual(strip(records[i]));
    expect(clientId).toBe(records[i].clientId);
    expect(workloadIds).toEqual(records[i].workloadIds);
  });
}

describe('spreadsheet round trip', () => {
  it('exports workloads with stable columns, yes/no booleans and ISO dates, and reads them back identical', () => {
    const workloads = [aWorkload({ priorityRank: 3 }), aWorkload({ id: 12, clientId: 2, name: 'Claims extraction', priorityRank: null, residency: null, latencyTargetMs: null, baselineAccuracy: null, startDate: null, regulated: false, notes: '=SUM(A1)' })];
    const csv = toCsv('workloads', workloads, { clients, workloads: workloadRefs });
    expect(csv.split('\r\n')[0]).toBe(spreadsheetColumns('workloads').join(','));
    expect(csv).toContain(',yes,no,');
    expect(csv).toContain("'=SUM(A1)");
    const parsed = parseCsv('workloads', csv, { fileName: 'workloads.csv', lookups: { clients } });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.id)).toEqual([11, 12]);
    parsed.rows.forEach((r, i) => {
      const { client, clientId, ...values } = r.values;
      expect(values).toEqual(strip(workloads[i]));
      expect(clientId).toBe(workloads[i].clientId);
      expect(client).toBe(clients.find((c) => c.id === workloads[i].clientId)?.name);
    });
  });

  it('exports contracts with linked workloads by name and reads the links back as ids', () => {
    const contracts = [aContract(), aContract({ id: 6, clientId: null, name: 'Client SLA', party: 'client', renewalDate: null, workloadIds: [] })];
    const csv = toCsv('contracts', contracts, { clients, workloads: workloadRefs });
    expect(csv).toContain('Support triage; Claims extraction');
    expectReadBackIdentical('contracts', csv, contracts, 'contracts.csv');
  });

  it('exports commitments and reads them back identical', () => {
    const commitments = [aCommitment(), aCommitment({ id: 8, kind: 'latency', threshold: 1200, penalty: '5% credit', workloadIds: [11, 12] }), aCommitment({ id: 9, kind: 'residency', threshold: null, description: 'EU only' })];
    const csv = toCsv('commitments', commitments, { clients, workloads: workloadRefs });
    expectReadBackIdentical('commitments', csv, commitments, 'c.csv');
  });

  it('keeps only the columns present in a file, so a partial file changes only those fields', () => {
    const parsed = parseCsv('workloads', 'id,name,monthly_volume\n11,Support triage,2500000\n', { fileName: 'w.csv' });
    expect(parsed.rows[0]).toEqual({ line: 2, id: 11, values: { name: 'Support triage', monthlyVolume: 2_500_000 } });
    expect(parsed.errors.map((e) => e.message)).toEqual(['w.csv has no column for client (workloads need it); add a "client" column or map one of the columns to it.']);
  });
});

describe('suggestMapping', () => {
  it('maps foreign headers by name and synonym, ignoring case, spaces and units', () => {
    const m = suggestMapping('workloads', ['Workload Name', 'Client', 'P95 latency (ms)', 'Monthly Volume', 'Regulated?', 'Data residency', 'Accuracy', 'Owner', 'Colour']);
    expect(m).toEqual({
      'Workload Name': 'name',
      Client: 'client',
      'P95 latency (ms)': 'latencyTargetMs',
      'Monthly Volume': 'monthlyVolume',
      'Regulated?': 'regulated',
      'Data residency': 'residency',
      Accuracy: 'baselineAccuracy',
      Owner: 'owner',
      Colour: null,
    });
  });

  it('gives each field to one header only, exact names first', () => {
    const m = suggestMapping('contracts', ['Vendor', 'counterparty', 'Notice period (days)', 'Expiry date']);
    expect(m).toEqual({ Vendor: null, counterparty: 'counterparty', 'Notice period (days)': 'noticeDays', 'Expiry date': 'renewalDate' });
  });

  it('is used by parseCsv when no mapping is given, and a given mapping overrides it', () => {
    const text = 'Customer,Type,Target,Due\nInitech,accuracy,95%,2027-01-31\n';
    const auto = parseCsv('commitments', text, { fileName: 'c.csv' });
    expect(auto.rows[0].values).toEqual({ customer: 'Initech', kind: 'accuracy', threshold: 0.95, dueDate: '2027-01-31' });
    const manual = parseCsv('commitments', text, { fileName: 'c.csv', mapping: { Customer: 'customer', Type: 'kind', Target: null, Due: null } });
    expect(manual.rows[0].values).toEqual({ customer: 'Initech', kind: 'accuracy' });
    expect(manual.errors.map((e) => e.message)).toContain('c.csv row 2, column "threshold": an accuracy commitment needs a threshold from 0 to 1, such as 0.95.');
  });
});

describe('parseCsv errors', () => {
  const header = 'id,client,name,kind,regulated,monthly_volume,baseline_accuracy,start_date';

  it('collects every bad cell with file, row, column and what to write instead', () => {
    const text = [header, '1,Acme Bank,A,robot,perhaps,lots,1.5,05/03/2026', '2,Acme Bank,,workflow,yes,-3,95%,2026-02-30'].join('\n');
    const r = parseCsv('workloads', text, { fileName: 'w.csv' });
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'kind'],
      [2, 'regulated'],
      [2, 'monthly_volume'],
      [2, 'baseline_accuracy'],
      [2, 'start_date'],
      [3, 'name'],
      [3, 'monthly_volume'],
      [3, 'start_date'],
    ]);
    const byField = Object.fromEntries(r.errors.map((e) => [`${e.line}:${e.field}`, e.message]));
    expect(byField['2:kind']).toBe('w.csv row 2, column "kind": "robot" is not one of product, workflow, feature; use one of those words.');
    expect(byField['2:regulated']).toBe('w.csv row 2, column "regulated": "perhaps" is not yes or no; use yes/no, true/false or 1/0.');
    expect(byField['2:start_date']).toBe(
      'w.csv row 2, column "start_date": "05/03/2026" is not a date in the form yyyy-MM-dd; write it like 2026-12-01 (spreadsheets sometimes reformat dates: format the column as text before saving).',
    );
    expect(byField['3:name']).toBe('w.csv row 3, column "name": this cell is empty; it needs a value.');
    expect(r.errors.every((e) => e.code === 'import_invalid' && e.file === 'w.csv')).toBe(true);
    expect(r.rows[1].values.baselineAccuracy).toBe(0.95);
  });

  it('refuses duplicate ids, naming both rows', () => {
    const r = parseCsv('workloads', 'id,client,name\n4,Acme,A\n4,Acme,B\n', { fileName: 'w.csv' });
    expect(r.errors).toEqual([
      { code: 'import_invalid', file: 'w.csv', line: 3, field: 'id', message: 'w.csv row 3, column "id": id 4 is also on row 2; each row must have its own id (leave it empty for a new workload).' },
    ]);
  });

  it('names unknown clients and workloads when lookups are given', () => {
    const r = parseCsv('contracts', 'name,client,workloads\nMSA,Umbrella,Support triage; Fraud\n', { fileName: 'k.csv', lookups: { clients, workloads: workloadRefs } });
    expect(r.errors.map((e) => e.message)).toEqual([
      'k.csv row 2, column "client": there is no client named "Umbrella" in this workspace; create it first or correct the name.',
      'k.csv row 2, column "workloads": there is no workload named "Fraud"; correct the name (names are separated by ";").',
    ]);
  });

  it('refuses a mapping to a field the kind does not have, or two columns on one field', () => {
    const r = parseCsv('contracts', 'A,B,C\nx,y,z\n', { fileName: 'k.csv', mapping: { A: 'name', B: 'name', C: 'colour' } });
    expect(r.errors.map((e) => e.message)).toEqual([
      'k.csv: columns "A" and "B" are both mapped to name; ignore one of them.',
      'k.csv: column "C" is mapped to "colour", which contracts do not have; choose one of id, client, name, party, counterparty, renewalDate, noticeDays, notes, workloads, or ignore the column.',
    ]);
  });

  it('throws on binary data, unclosed quotes and a header without rows', () => {
    const t = (text: string) => caught(() => parseCsv('workloads', text, { fileName: 'w.csv' }));
    expect(t('name\n\u0000').message).toMatch(/^w\.csv contains binary data/);
    expect(t('client,name\nAcme,"open\n').line).toBe(2);
    expect(t('client,name\n').message).toBe('w.csv has a header but no rows; add at least one workload.');
  });
});

describe('parseIsoDate', () => {
  it('accepts year-first dates and refuses day- or month-first ones and impossible days', () => {
    expect(parseIsoDate('2026-12-01')).toBe('2026-12-01');
    expect(parseIsoDate('2026/1/5')).toBe('2026-01-05');
    expect(parseIsoDate('2026-01-05T10:00:00Z')).toBe('2026-01-05');
    expect(parseIsoDate('01/05/2026')).toBeNull();
    expect(parseIsoDate('5 Jan 2026')).toBeNull();
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
  });
});

describe('European spreadsheets', () => {
  it('reads decimal commas in a semicolon-separated file', () => {
    const text = 'client;name;baseline_accuracy;baseline_cost_per_1k;monthly_volume\nAcme;Triage;0,94;1.234,5;2000000\n';
    const r = parseCsv('workloads', text, { fileName: 'w.csv' });
    expect(r.errors).toEqual([]);
    expect(r.rows[0].values).toMatchObject({ baselineAccuracy: 0.94, baselineCostPer1k: 1234.5, monthlyVolume: 2_000_000 });
  });

  it('recognises a UTF-16 file and says how to save it', () => {
    const utf16AsUtf8 = Buffer.from('\uFEFFclient,name\r\nAcme,A\r\n', 'utf16le').toString('utf8');
    expect(() => parseCsv('workloads', utf16AsUtf8, { fileName: 'w.csv' })).toThrow('w.csv is encoded as UTF-16 (Excel\'s "Unicode Text"); save it as "CSV UTF-8" and import it again.');
  });
});
