// Every CSV the app writes neutralises cells a spreadsheet would run as formulas (OWASP: prefix ' and
// quote); the calendar keeps the same names verbatim, and the spreadsheet round trip reads them back as typed.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { neutraliseCell, writeCsv } from '../../../shared/imports/writeCsv.ts';
import { aWorkspace, type TestApp } from '../../support/app.ts';

const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+cmd|calc', '-2+3', '@SUM(A1:A9)'];

let ws: TestApp | undefined;
afterEach(() => ws?.app.close());

/** A workspace whose client and workloads are named like formulas. */
async function hostileWorkspace(): Promise<TestApp> {
  ws = await aWorkspace();
  const client = await ws.call('clients.create', { name: '=cmd|" /C calc"!A0', notes: '' });
  for (const name of HOSTILE) await ws.call('workloads.create', { clientId: client.id, name, notes: '\tTabbed\r\nnote', owner: '\rOwner' });
  return ws;
}

/** Cells of a CSV file as a spreadsheet would read them (quotes removed). */
function cells(file: string): string[] {
  return Papa.parse<string[]>(fs.readFileSync(file, 'utf8'), { skipEmptyLines: true }).data.flat();
}

function expectNoFormula(values: string[]): void {
  // A negative number (slack days) is a number, not a formula.
  const formulas = values.filter((v) => /^[=+\-@\t\r]/.test(v) && !/^-\d+(\.\d+)?$/.test(v));
  expect(formulas).toEqual([]);
}

describe('CSV exports and formulas', () => {
  it('neutralises every formula-leading start OWASP lists, and quotes the cell', () => {
    for (const s of ['=1', '+1', '-1', '@x', '\tx', '\rx']) expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell('Acme = good')).toBe('Acme = good');
    expect(writeCsv(['a', 'b'], [['=1+1', -5]])).toBe(`a,b\n"'=1+1",-5`);
    expect(writeCsv(['a'], [['=1\n2']])).toBe(`a\n"'=1\n2"`);
  });

  it('writes the plan CSV with formula-like client and workload names as text', async () => {
    const { call, dialogAnswers, dir } = await hostileWorkspace();
    const file = path.join(dir, 'plan.csv');
    dialogAnswers.push(file);
    await call('export.planCsv', {});
    const values = cells(file);
    expectNoFormula(values);
    for (const name of HOSTILE) expect(values).toContain(`'${name}`);
    expect(values).toContain(`'=cmd|" /C calc"!A0`);
  });

  it('writes the spreadsheet export with formula-like names, owners and notes as text, and reads them back as typed', async () => {
    const { call, dialogAnswers, dir, handle } = await hostileWorkspace();
    const file = path.join(dir, 'workloads.csv');
    dialogAnswers.push(file);
    await call('export.spreadsheet', { kind: 'workloads' });
    const values = cells(file);
    expectNoFormula(values);
    expect(values).toContain(`'=cmd|" /C calc"!A0`);
    expect(values).toContain("'\rOwner");

    const preview = await call('imports.spreadsheet.preview', { file: handle(file), kind: 'workloads' });
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c) => c.action)).toEqual(HOSTILE.map(() => 'unchanged'));
  });

  it('writes contracts linked to formula-like workloads as text', async () => {
    const { call, dialogAnswers, dir } = await hostileWorkspace();
    const workloads = await call('workloads.list', {});
    await call('contracts.create', { name: '@contract', workloadIds: workloads.map((w) => w.id), counterparty: '-vendor' });
    const file = path.join(dir, 'contracts.csv');
    dialogAnswers.push(file);
    await call('export.spreadsheet', { kind: 'contracts' });
    expectNoFormula(cells(file));
  });

  it('keeps the same names verbatim in the calendar export', async () => {
    const { call, dialogAnswers, dir } = await hostileWorkspace();
    const file = path.join(dir, 'milestones.ics');
    dialogAnswers.push(file);
    await call('export.ics', {});
    const ics = fs.readFileSync(file, 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('Sunset: =HYPERLINK("http://x"\\,"y")');
    expect(ics).not.toContain("'=HYPERLINK");
    expect(ics).toContain('Sunset: @SUM(A1:A9)');
  });
});
