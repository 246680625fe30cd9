// CSV round-trip of workloads, contracts and commitments: export with stable column names, read
// back (or read a foreign file through a column mapping) with per-row, per-field errors.

import type { Commitment, Contract, Workload } from '../domain/types.ts';
import {
  COMMITMENT_KINDS,
  CONTRACT_PARTIES,
  CRITICALITIES,
  DEPLOYMENTS,
  KNOWLEDGE_CHANGE_FREQUENCIES,
  WORKLOAD_KINDS,
} from '../domain/types.ts';
import type { ErrorInfo } from '../errors.ts';
import { normaliseHeader, parseBooleanCell, parseNumberCell, readCsv } from './csv.ts';
import { OfframpError } from '../errors.ts';
import { restoreCell, writeCsv, type CsvCell } from './writeCsv.ts';

export const SPREADSHEET_KINDS = ['workloads', 'contracts', 'commitments'] as const;
export type SpreadsheetKind = (typeof SPREADSHEET_KINDS)[number];

type FieldType =
  | { t: 'id' }
  | { t: 'text'; required?: boolean; nullable?: boolean; max: number }
  | { t: 'enum'; values: readonly string[]; fallback: string | null }
  | { t: 'bool' }
  | { t: 'int'; nullable: boolean; positive?: boolean }
  | { t: 'number'; nullable: boolean; positive?: boolean; percent?: boolean }
  | { t: 'share' }
  | { t: 'date' }
  | { t: 'names' };

interface FieldSpec {
  /** Key in the parsed values (a domain field name, or client / workloads for links by name). */
  key: string;
  /** Column name in exported files. */
  column: string;
  type: FieldType;
  /** Other headers foreign files use for this field (compared case- and space-insensitively). */
  synonyms: string[];
}

const f = (key: string, column: string, type: FieldType, synonyms: string[] = []): FieldSpec => ({ key, column, type, synonyms });

const WORKLOAD_FIELDS: FieldSpec[] = [
  f('id', 'id', { t: 'id' }, ['workload id', 'workload_id', '#']),
  f('client', 'client', { t: 'text', required: true, max: 200 }, ['client name', 'customer', 'account', 'organisation', 'organization', 'company']),
  f('name', 'name', { t: 'text', required: true, max: 200 }, ['workload', 'workload name', 'product', 'feature', 'use case', 'title']),
  f('kind', 'kind', { t: 'enum', values: WORKLOAD_KINDS, fallback: 'product' }, ['type', 'workload type']),
  f('fineTunedModel', 'fine_tuned_model', { t: 'text', max: 300 }, ['fine tuned model', 'ft model', 'model', 'model id']),
  f('baseModel', 'base_model', { t: 'text', max: 200 }, ['base', 'foundation model']),
  f('owner', 'owner', { t: 'text', max: 200 }, ['owner name', 'responsible', 'contact']),
  f('criticality', 'criticality', { t: 'enum', values: CRITICALITIES, fallback: 'important' }, ['priority', 'importance']),
  // The order a manager set for migrating the portfolio (1 first; empty for none): kept in a round-trip like every field.
  f('priorityRank', 'priority_rank', { t: 'int', nullable: true, positive: true }, ['rank', 'priority rank', 'migration rank', 'migration order']),
  f('deployment', 'deployment', { t: 'enum', values: DEPLOYMENTS, fallback: 'cloud' }, ['hosting', 'deployed on']),
  f('residency', 'residency', { t: 'text', nullable: true, max: 100 }, ['data residency', 'region', 'data region']),
  f('regulated', 'regulated', { t: 'bool' }, ['is regulated', 'regulatory']),
  f('auditTrailRequired', 'audit_trail_required', { t: 'bool' }, ['audit trail', 'audit', 'audit required']),
  f('monthlyVolume', 'monthly_volume', { t: 'int', nullable: false }, ['volume', 'tasks per month', 'monthly tasks', 'requests per month', 'monthly requests']),
  f('latencyTargetMs', 'latency_target_ms', { t: 'number', nullable: true, positive: true }, ['latency target', 'p95 latency', 'p95 latency ms', 'latency sla', 'latency sla ms', 'target latency ms', 'max latency ms']),
  f('pairwiseFeedback', 'pairwise_feedback', { t: 'int', nullable: false }, ['preference pairs', 'pairwise pairs', 'feedback pairs']),
  f('knowledgeChangeFrequency', 'knowledge_change_frequency', { t: 'enum', values: KNOWLEDGE_CHANGE_FREQUENCIES, fallback: 'monthly' }, ['knowledge changes', 'update frequency', 'knowledge frequency', 'change frequency']),
  f('baselineAccuracy', 'baseline_accuracy', { t: 'share' }, ['accuracy', 'current accuracy', 'accuracy baseline']),
  f('baselineP95Ms', 'baseline_p95_ms', { t: 'number', nullable: true, positive: true }, ['current p95 ms', 'baseline latency', 'baseline latency ms', 'current latency ms']),
  f('baselineCostPer1k', 'baseline_cost_per_1k', { t: 'number', nullable: true }, ['cost per 1k', 'cost per 1000', 'cost per 1k tasks', 'current cost per 1k', 'baseline cost']),
  f('startDate', 'start_date', { t: 'date' }, ['start', 'earliest start', 'begin']),
  f('retrainCadenceDays', 'retrain_cadence_days', { t: 'number', nullable: true, positive: true }, ['retrain cadence', 'retrain every days', 'cadence days']),
  f('lastRetrainDate', 'last_retrain_date', { t: 'date' }, ['last retrain', 'last trained', 'last training']),
  f('notes', 'notes', { t: 'text', max: 20_000 }, ['note', 'comments', 'comment', 'remarks']),
];

const CONTRACT_FIELDS: FieldSpec[] = [
  f('id', 'id', { t: 'id' }, ['contract id', 'contract_id', '#']),
  f('client', 'client', { t: 'text', nullable: true, max: 200 }, ['client name', 'account', 'organisation', 'organization']),
  f('name', 'name', { t: 'text', required: true, max: 200 }, ['contract', 'contract name', 'agreement', 'title']),
  f('party', 'party', { t: 'enum', values: CONTRACT_PARTIES, fallback: 'client' }, ['contract type', 'type', 'side']),
  f('counterparty', 'counterparty', { t: 'text', max: 200 }, ['counter party', 'vendor', 'supplier', 'customer']),
  f('renewalDate', 'renewal_date', { t: 'date' }, ['renewal', 'renews on', 'end date', 'expiry', 'expiry date', 'expires']),
  f('noticeDays', 'notice_days', { t: 'int', nullable: false }, ['notice', 'notice period', 'notice period days']),
  f('notes', 'notes', { t: 'text', max: 20_000 }, ['note', 'comments', 'comment', 'remarks']),
  f('workloads', 'workloads', { t: 'names' }, ['workload', 'workload names', 'linked workloads', 'applies to']),
];

const COMMITMENT_FIELDS: FieldSpec[] = [
  f('id', 'id', { t: 'id' }, ['commitment id', 'commitment_id', '#']),
  f('client', 'client', { t: 'text', required: true, max: 200 }, ['client name', 'account', 'organisation', 'organization']),
  f('customer', 'customer', { t: 'text', required: true, max: 200 }, ['customer name', 'promised to', 'end customer']),
  f('kind', 'kind', { t: 'enum', values: COMMITMENT_KINDS, fallback: null }, ['type', 'commitment type', 'metric']),
  f('threshold', 'threshold', { t: 'number', nullable: true, percent: true }, ['target', 'value', 'sla', 'limit']),
  f('description', 'description', { t: 'text', max: 2_000 }, ['details', 'promise', 'text']),
  f('dueDate', 'due_date', { t: 'date' }, ['due', 'deadline', 'renewal date', 'delivery date']),
  f('noticeDays', 'notice_days', { t: 'int', nullable: false }, ['notice', 'notice period', 'notice period days']),
  f('penalty', 'penalty', { t: 'text', nullable: true, max: 500 }, ['penalties', 'fine', 'consequence']),
  f('workloads', 'workloads', { t: 'names' }, ['workload', 'workload names', 'linked workloads', 'applies to']),
];

const FIELDS: Record<SpreadsheetKind, FieldSpec[]> = { workloads: WORKLOAD_FIELDS, contracts: CONTRACT_FIELDS, commitments: COMMITMENT_FIELDS };

/** Field keys a column can map to, in export order. */
export function spreadsheetFields(kind: SpreadsheetKind): string[] {
  return FIELDS[kind].map((s) => s.key);
}

/** Column names of exported files, in order. */
export function spreadsheetColumns(kind: SpreadsheetKind): string[] {
  return FIELDS[kind].map((s) => s.column);
}

// ---------------------------------------------------------------- values

export type WorkloadCsvValues = Partial<Omit<Workload, 'id' | 'clientId' | 'createdAt' | 'updatedAt'>> & { client?: string; clientId?: number };
export type ContractCsvValues = Partial<Omit<Contract, 'id' | 'clientId' | 'workloadIds'>> & {
  client?: string | null;
  clientId?: number | null;
  workloads?: string[];
  workloadIds?: number[];
};
export type CommitmentCsvValues = Partial<Omit<Commitment, 'id' | 'clientId' | 'workloadIds'>> & {
  client?: string;
  clientId?: number;
  workloads?: string[];
  workloadIds?: number[];
};

export interface SpreadsheetValues {
  workloads: WorkloadCsvValues;
  contracts: ContractCsvValues;
  commitments: CommitmentCsvValues;
}

export interface SpreadsheetRow<K extends SpreadsheetKind> {
  /** Spreadsheet row number (header = 1). */
  line: number;
  /** The id column: an existing record to update; null for a new one. */
  id: number | null;
  /** Only the fields whose column is in the file (mapped); clientId / workloadIds when lookups were given. */
  values: SpreadsheetValues[K];
}

export interface SpreadsheetParse<K extends SpreadsheetKind> {
  kind: K;
  headers: string[];
  /** Header → field key (null = ignored). */
  mapping: Record<string, string | null>;
  rows: SpreadsheetRow<K>[];
  /** Every problem found, each naming file, row and column; the import is refused while there is one. */
  errors: ErrorInfo[];
}

export interface NamedRef {
  id: number;
  name: string;
}

export interface SpreadsheetLookups {
  clients?: NamedRef[];
  workloads?: NamedRef[];
}

// ---------------------------------------------------------------- export

/**
 * CSV text of the rows, with stable column names: an id column, yes/no booleans, yyyy-MM-dd
 * dates, empty cells for unknown values, and linked workloads by name joined with "; ".
 * Client and workload names come from the lookups (unknown ids are written as "#<id>").
 */
export function toCsv<K extends SpreadsheetKind>(
  kind: K,
  rows: K extends 'workloads' ? Workload[] : K extends 'contracts' ? Contract[] : Commitment[],
  lookups: SpreadsheetLookups = {},
): string {
  const specs = FIELDS[kind];
  const clientName = nameLookup(lookups.clients);
  const workloadName = nameLookup(lookups.workloads);
  const data = (rows as unknown as Record<string, unknown>[]).map((row) =>
    specs.map((spec): CsvCell => {
      if (spec.key === 'client') {
        const id = row.clientId as number | null;
        return id === null || id === undefined ? '' : (clientName.get(id) ?? `#${id}`);
      }
      if (spec.key === 'workloads') return ((row.workloadIds as number[]) ?? []).map((id) => workloadName.get(id) ?? `#${id}`).join('; ');
      return formatCell(row[spec.key], spec.type);
    }),
  );
  // writeCsv neutralises formula-leading names; parseCell's restoreCell reads them back as typed.
  return writeCsv(specs.map((s) => s.column), data, '\r\n') + '\r\n';
}

function formatCell(v: unknown, type: FieldType): CsvCell {
  if (v === null || v === undefined) return '';
  if (type.t === 'bool') return v ? 'yes' : 'no';
  if (typeof v === 'number') return v;
  return String(v);
}

function nameLookup(refs: NamedRef[] | undefined): Map<number, string> {
  return new Map((refs ?? []).map((r) => [r.id, r.name]));
}

// ---------------------------------------------------------------- mapping

/**
 * A field for each header of a foreign file: exact column names first, then synonyms, compared
 * without case, spaces, punctuation or a unit in brackets ("P95 latency (ms)" → latencyTargetMs).
 * A field is used by one header at most; unknown headers map to null.
 */
export function suggestMapping(kind: SpreadsheetKind, headers: string[]): Record<string, string | null> {
  const specs = FIELDS[kind];
  const mapping: Record<string, string | null> = {};
  const taken = new Set<string>();
  const candidatesFor = (h: string): string[] => {
    const full = normaliseHeader(h);
    const noUnit = normaliseHeader(h.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
    const unitJoined = normaliseHeader(h.replace(/[()[\]]/g, ' '));
    return [...new Set([full, unitJoined, noUnit])];
  };
  const passes: ((spec: FieldSpec) => string[])[] = [
    (spec) => [spec.column, normaliseHeader(spec.key.replace(/([A-Z])/g, ' $1'))],
    (spec) => spec.synonyms.map(normaliseHeader),
  ];
  for (const h of headers) mapping[h] = null;
  for (const names of passes) {
    for (const h of headers) {
      if (mapping[h] !== null) continue;
      const forms = candidatesFor(h);
      const spec = specs.find((s) => !taken.has(s.key) && names(s).some((n) => forms.includes(n)));
      if (spec) {
        mapping[h] = spec.key;
        taken.add(spec.key);
      }
    }
  }
  return mapping;
}

// ---------------------------------------------------------------- import

export interface ParseCsvOptions {
  fileName: string;
  /** Header → field key (null = ignore). Without it, suggestMapping decides. */
  mapping?: Record<string, string | null>;
  /** When given, client and workload names are resolved to ids, and unknown names are errors. */
  lookups?: SpreadsheetLookups;
}

const MAX_ERRORS = 200;

/**
 * Reads a CSV of one kind. Structural problems (binary data, unclosed quotes, empty file, no
 * usable column) throw OfframpError; problems in cells are collected in `errors`, all of them
 * (up to 200), each naming file, row and column and saying what to write instead.
 */
export function parseCsv<K extends SpreadsheetKind>(kind: K, text: string, options: ParseCsvOptions): SpreadsheetParse<K> {
  const file = options.fileName;
  const table = readCsv(text, file);
  const specs = FIELDS[kind];
  const headers = table.header;
  const mapping = options.mapping ? { ...options.mapping } : suggestMapping(kind, headers);
  const errors: ErrorInfo[] = [];
  const push = (e: ErrorInfo) => {
    if (errors.length < MAX_ERRORS) errors.push(e);
  };

  const columns: { index: number; header: string; spec: FieldSpec }[] = [];
  const used = new Map<string, string>();
  headers.forEach((h, index) => {
    const key = mapping[h] ?? null;
    if (key === null) return;
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      push({ code: 'import_invalid', file, line: 1, field: h, message: `${file}: column "${h}" is mapped to "${key}", which ${kind} do not have; choose one of ${specs.map((s) => s.key).join(', ')}, or ignore the column.` });
      return;
    }
    const other = used.get(key);
    if (other !== undefined) {
      push({ code: 'import_invalid', file, line: 1, field: h, message: `${file}: columns "${other}" and "${h}" are both mapped to ${key}; ignore one of them.` });
      return;
    }
    used.set(key, h);
    columns.push({ index, header: h, spec });
  });
  for (const spec of specs) {
    const required = (spec.type.t === 'text' && spec.type.required) || (spec.type.t === 'enum' && spec.type.fallback === null);
    if (required && !used.has(spec.key)) {
      push({ code: 'import_invalid', file, line: 1, field: spec.column, message: `${file} has no column for ${spec.column} (${kind} need it); add a "${spec.column}" column or map one of the columns to it.` });
    }
  }

  const clientIds = idLookup(options.lookups?.clients);
  const workloadIds = idLookup(options.lookups?.workloads);
  const seenIds = new Map<number, number>();
  const rows: SpreadsheetRow<K>[] = [];

  for (const { line, cells } of table.rows) {
    const values: Record<string, unknown> = {};
    let id: number | null = null;
    for (const { index, header, spec } of columns) {
      const raw = cells[index] ?? '';
      const parsed = parseCell(raw, spec.type, table.delimiter === ';');
      if ('error' in parsed) {
        push({ code: 'import_invalid', file, line, field: header, message: `${file} row ${line}, column "${header}": ${parsed.error}` });
        continue;
      }
      if (spec.key === 'id') {
        id = parsed.value as number | null;
        if (id !== null) {
          const first = seenIds.get(id);
          if (first !== undefined) push({ code: 'import_invalid', file, line, field: header, message: `${file} row ${line}, column "${header}": id ${id} is also on row ${first}; each row must have its own id (leave it empty for a new ${singular(kind)}).` });
          else seenIds.set(id, line);
        }
        continue;
      }
      values[spec.key] = parsed.value;
      if (spec.key === 'client' && options.lookups?.clients) {
        const name = parsed.value as string | null;
        if (name === null) values.clientId = null;
        else {
          const cid = clientIds.get(name.toLowerCase());
          if (cid === undefined) push({ code: 'import_invalid', file, line, field: header, message: `${file} row ${line}, column "${header}": there is no client named "${name}" in this workspace; create it first or correct the name.` });
          else values.clientId = cid;
        }
      }
      if (spec.key === 'workloads' && options.lookups?.workloads) {
        const ids: number[] = [];
        for (const name of parsed.value as string[]) {
          const wid = /^#\d+$/.test(name) ? Number(name.slice(1)) : workloadIds.get(name.toLowerCase());
          if (wid === undefined) push({ code: 'import_invalid', file, line, field: header, message: `${file} row ${line}, column "${header}": there is no workload named "${name}"; correct the name (names are separated by ";").` });
          else ids.push(wid);
        }
        values.workloadIds = ids;
      }
    }
    if (kind === 'commitments') checkThreshold(values, line, file, columns, push);
    rows.push({ line, id, values: values as SpreadsheetValues[K] });
  }
  if (table.rows.length === 0 && errors.length === 0) {
    throw new OfframpError({ code: 'import_invalid', message: `${file} has a header but no rows; add at least one ${singular(kind)}.`, file, line: 2 });
  }
  return { kind, headers, mapping, rows, errors };
}

function singular(kind: SpreadsheetKind): string {
  return kind.slice(0, -1);
}

function idLookup(refs: NamedRef[] | undefined): Map<string, number> {
  return new Map((refs ?? []).map((r) => [r.name.trim().toLowerCase(), r.id]));
}

type Parsed = { value: unknown } | { error: string };

function parseCell(raw: string, type: FieldType, decimalComma: boolean): Parsed {
  const cell = raw.trim();
  switch (type.t) {
    case 'id': {
      if (cell === '') return { value: null };
      const n = Number(cell.replace(/^#/, ''));
      if (!Number.isInteger(n) || n <= 0) return { error: `${JSON.stringify(raw)} is not an id; keep the id the export wrote, or leave it empty for a new row.` };
      return { value: n };
    }
    case 'text': {
      const text = restoreCell(raw);
      const value = type.nullable || type.required ? text.trim() : text;
      if (value.trim() === '') {
        if (type.required) return { error: 'this cell is empty; it needs a value.' };
        return { value: type.nullable ? null : '' };
      }
      if (value.length > type.max) return { error: `the text is ${value.length} characters long; keep it under ${type.max}.` };
      return { value };
    }
    case 'enum': {
      if (cell === '') return type.fallback === null ? { error: `this cell is empty; use one of ${type.values.join(', ')}.` } : { value: type.fallback };
      const v = cell.toLowerCase().replace(/[\s-]+/g, '_');
      if (!type.values.includes(v)) return { error: `${JSON.stringify(raw)} is not one of ${type.values.join(', ')}; use one of those words.` };
      return { value: v };
    }
    case 'bool': {
      const v = parseBooleanCell(cell);
      if (v === undefined) return { error: `${JSON.stringify(raw)} is not yes or no; use yes/no, true/false or 1/0.` };
      return { value: v ?? false };
    }
    case 'int':
    case 'number': {
      if (type.t === 'number' && type.percent && /^\d+([.,]\d+)?\s*%$/.test(cell)) {
        const pct = parseNumberCell(cell.replace(/\s*%$/, ''), decimalComma);
        if (typeof pct === 'number') return { value: pct / 100 };
      }
      const v = parseNumberCell(cell, decimalComma);
      if (v === undefined) return { error: `${JSON.stringify(raw)} is not a number; write digits only, such as 1200 or 0.5.` };
      if (v === null) return type.nullable ? { value: null } : { value: 0 };
      if (type.t === 'int' && !Number.isInteger(v)) return { error: `${cell} is not a whole number; round it.` };
      if (v < 0 || (type.positive && v === 0)) return { error: `${cell} must be ${type.positive ? 'above 0' : '0 or more'}.` };
      return { value: v };
    }
    case 'share': {
      if (cell === '') return { value: null };
      const pct = /%$/.test(cell);
      const v = parseNumberCell(cell.replace(/%$/, ''), decimalComma);
      if (v === undefined || v === null) return { error: `${JSON.stringify(raw)} is not a number; write a share such as 0.95 or 95%.` };
      const share = pct ? v / 100 : v;
      if (share < 0 || share > 1) return { error: `${cell} is not between 0 and 1; write 0.95 or 95% for 95%.` };
      return { value: share };
    }
    case 'date': {
      if (cell === '') return { value: null };
      const iso = parseIsoDate(cell);
      if (iso === null) {
        return {
          error: `${JSON.stringify(raw)} is not a date in the form yyyy-MM-dd; write it like 2026-12-01 (spreadsheets sometimes reformat dates: format the column as text before saving).`,
        };
      }
      return { value: iso };
    }
    case 'names':
      return { value: cell === '' ? [] : restoreCell(cell).split(';').map((s) => s.trim()).filter((s) => s.length > 0) };
  }
}

/** yyyy-MM-dd (also yyyy/MM/dd, yyyy-M-d, or a date-time whose date part is that) → yyyy-MM-dd; day-first and month-first dates are refused, not guessed. */
export function parseIsoDate(cell: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(cell.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function checkThreshold(
  values: Record<string, unknown>,
  line: number,
  file: string,
  columns: { header: string; spec: FieldSpec }[],
  push: (e: ErrorInfo) => void,
): void {
  const kind = values.kind;
  if (kind !== 'accuracy' && kind !== 'availability') return;
  const col = columns.find((c) => c.spec.key === 'threshold');
  const header = col?.header ?? 'threshold';
  // A threshold cell that could not be read is already reported.
  if (col && !('threshold' in values)) return;
  const t = values.threshold;
  if (typeof t === 'number' && t > 1 && t <= 100) {
    // "95" in a share column means 95%.
    values.threshold = t / 100;
    return;
  }
  if (t === null || t === undefined || typeof t !== 'number' || t < 0 || t > 1) {
    push({ code: 'import_invalid', file, line, field: header, message: `${file} row ${line}, column "${header}": an ${kind} commitment needs a threshold from 0 to 1, such as 0.95.` });
  }
}
