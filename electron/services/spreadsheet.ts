// Spreadsheet round-trip against the workspace: what an edited CSV would change, row by row, and applying it.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { ErrorInfo } from '../../shared/errors.ts';
import path from 'node:path';
import { parseCsv, spreadsheetColumns, spreadsheetFields, toCsv, type SpreadsheetKind } from '../../shared/imports/spreadsheet.ts';
import { commitmentInput, contractInput, workloadInput } from '../../shared/ipc/inventory.ts';
import type { SpreadsheetPreview } from '../../shared/ipc/imports.ts';
import type { Recorder } from '../db/changes.ts';
import { listClients } from '../db/clients.ts';
import { insertWorkload, listWorkloads, updateWorkload } from '../db/workloads.ts';
import { insertCommitment, insertContract, listCommitments, listContracts, updateCommitment, updateContract } from '../db/agreements.ts';

type RecordOf = Record<string, unknown> & { id?: number };

export interface PlannedRow {
  line: number;
  id: number | null;
  action: 'create' | 'update' | 'unchanged';
  name: string;
  changedFields: string[];
  record: Record<string, unknown>;
}

const SCHEMAS: Record<SpreadsheetKind, z.ZodType> = { workloads: workloadInput, contracts: contractInput, commitments: commitmentInput };
/** Fields the CSV carries for display only; the ids they resolve to are what is stored. */
const DISPLAY_ONLY = new Set(['client', 'workloads']);

function current(db: Database, kind: SpreadsheetKind): Map<number, RecordOf> {
  const list: RecordOf[] = kind === 'workloads' ? listWorkloads(db) as unknown as RecordOf[]
    : kind === 'contracts' ? listContracts(db) as unknown as RecordOf[] : listCommitments(db) as unknown as RecordOf[];
  return new Map(list.map((r) => [r.id as number, r]));
}

function lookups(db: Database) {
  return {
    clients: listClients(db).map((c) => ({ id: c.id, name: c.name })),
    workloads: listWorkloads(db).map((w) => ({ id: w.id, name: w.name })),
  };
}

export function spreadsheetText(db: Database, kind: SpreadsheetKind): string {
  const l = lookups(db);
  if (kind === 'workloads') return toCsv('workloads', listWorkloads(db), l);
  if (kind === 'contracts') return toCsv('contracts', listContracts(db), l);
  return toCsv('commitments', listCommitments(db), l);
}

const singular = (kind: SpreadsheetKind) => kind.slice(0, -1);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function planSpreadsheet(db: Database, kind: SpreadsheetKind, file: string, text: string, mapping?: Record<string, string | null>):
  Omit<SpreadsheetPreview, 'token' | 'file'> & { rows: PlannedRow[] } {
  const parsed = parseCsv(kind, text, { fileName: file, mapping, lookups: lookups(db) });
  const existing = current(db, kind);
  const errors: ErrorInfo[] = [...parsed.errors];
  const rows: PlannedRow[] = [];
  const rowsWithErrors = new Set(parsed.errors.map((e) => e.line));
  const columnOf = new Map(spreadsheetFields(kind).map((key, i) => [key, spreadsheetColumns(kind)[i]]));
  columnOf.set('clientId', 'client');
  columnOf.set('workloadIds', 'workloads');
  for (const row of parsed.rows) {
    // A row whose cells were already refused is not checked again: one problem, one message.
    if (rowsWithErrors.has(row.line)) continue;
    const values = Object.fromEntries(Object.entries(row.values).filter(([k]) => !DISPLAY_ONLY.has(k)));
    const before = row.id === null ? undefined : existing.get(row.id);
    if (row.id !== null && !before) {
      errors.push({ code: 'import_invalid', file, line: row.line, field: 'id', message: `${path.basename(file)} row ${row.line}, column "id": there is no ${singular(kind)} with id ${row.id}; leave id empty to add a new one.` });
      continue;
    }
    const merged = { ...(before ?? {}), ...values };
    const checked = SCHEMAS[kind].safeParse(merged);
    if (!checked.success) {
      // The form's schema decides; its messages are put in the file's terms (row and column).
      for (const issue of checked.error.issues.slice(0, 5)) {
        const key = String(issue.path[0] ?? '');
        const column = columnOf.get(key) ?? key;
        const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
        const what = missing ? `this ${singular(kind)} needs a ${column}; add the column or fill the cell.` : `${issue.message}.`;
        errors.push({ code: 'import_invalid', file, line: row.line, field: column || 'row', message: `${path.basename(file)} row ${row.line}, column "${column}": ${what}` });
      }
      continue;
    }
    const record = checked.data as Record<string, unknown>;
    const changedFields = before ? Object.keys(record).filter((k) => !same(record[k], before[k])) : Object.keys(values);
    const name = String(record.name ?? record.customer ?? '');
    rows.push({ line: row.line, id: row.id, action: !before ? 'create' : changedFields.length ? 'update' : 'unchanged', name, changedFields, record });
  }
  return {
    kind, headers: parsed.headers, mapping: parsed.mapping, fields: spreadsheetFields(kind), errors, rows,
    changes: rows.map(({ line, action, id, name, changedFields }) => ({ line, action, id, name, changedFields })),
  };
}

export function applySpreadsheet(db: Database, rec: Recorder, kind: SpreadsheetKind, rows: PlannedRow[]): { created: number; updated: number } {
  let created = 0;
  let updated = 0;
  for (const row of rows) {
    if (row.action === 'unchanged') continue;
    const r = row.record as never;
    if (row.action === 'create') {
      if (kind === 'workloads') insertWorkload(db, rec, r);
      else if (kind === 'contracts') insertContract(db, rec, r);
      else insertCommitment(db, rec, r);
      created++;
    } else {
      const withId = { ...(row.record as object), id: row.id } as never;
      if (kind === 'workloads') updateWorkload(db, rec, withId);
      else if (kind === 'contracts') updateContract(db, rec, withId);
      else updateCommitment(db, rec, withId);
      updated++;
    }
  }
  return { created, updated };
}
