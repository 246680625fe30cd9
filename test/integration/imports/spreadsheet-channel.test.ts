import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace, type TestApp } from '../../support/app.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

async function withPortfolio(): Promise<TestApp & { clientId: number }> {
  const t = await aWorkspace();
  open.push(t);
  const client = await t.call('clients.create', { name: 'Harbor Bank' });
  for (const [name, volume] of [['KYC extraction', 200_000], ['Fraud routing', 5_000_000], ['Complaint drafting', 15_000]] as const) {
    await t.call('workloads.create', { clientId: client.id, name, monthlyVolume: volume });
  }
  return { ...t, clientId: client.id };
}

describe('spreadsheet round-trip', () => {
  it('exports workloads, and importing the edited file changes only the edited row', async () => {
    const t = await withPortfolio();
    const out = path.join(t.dir, 'workloads.csv');
    t.dialogAnswers.push(out);
    expect(await t.call('export.spreadsheet', { kind: 'workloads' })).toEqual({ path: out });
    const sheet = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8').trim(), { header: true });
    expect(sheet.data.map((r) => r.name)).toEqual(['Complaint drafting', 'Fraud routing', 'KYC extraction']);
    expect(sheet.data[0].client).toBe('Harbor Bank');
    expect(sheet.data[0].priority_rank).toBe('');

    const edited = sheet.data.map((r) => (r.name === 'Fraud routing' ? { ...r, latency_target_ms: '250', regulated: 'yes', priority_rank: '1' } : r));
    fs.writeFileSync(out, Papa.unparse(edited));
    const preview = await t.call('imports.spreadsheet.preview', { file: t.handle(out), kind: 'workloads' });
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c) => [c.name, c.action])).toEqual([
      ['Complaint drafting', 'unchanged'], ['Fraud routing', 'update'], ['KYC extraction', 'unchanged'],
    ]);
    expect(preview.changes[1].changedFields.sort()).toEqual(['latencyTargetMs', 'priorityRank', 'regulated']);
    expect(await t.call('imports.spreadsheet.commit', { token: preview.token })).toEqual({ created: 0, updated: 1 });
    const fraud = (await t.call('workloads.list', {})).find((w) => w.name === 'Fraud routing');
    expect(fraud).toMatchObject({ latencyTargetMs: 250, regulated: true, monthlyVolume: 5_000_000, priorityRank: 1 });
    const audit = await t.call('audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'update', entity: 'workloads', entityId: String(fraud?.id) });
  });

  it('maps a foreign file\'s columns and adds its rows as new workloads', async () => {
    const t = await withPortfolio();
    const file = path.join(t.dir, 'foreign.csv');
    fs.writeFileSync(file, 'Customer,Use case,P95 latency (ms),Tasks per month\nHarbor Bank,Card dispute letters,900,40000\n');
    const preview = await t.call('imports.spreadsheet.preview', { file: t.handle(file), kind: 'workloads' });
    expect(preview.mapping).toMatchObject({ Customer: 'client', 'Use case': 'name', 'P95 latency (ms)': 'latencyTargetMs', 'Tasks per month': 'monthlyVolume' });
    expect(preview.changes).toEqual([expect.objectContaining({ line: 2, action: 'create', name: 'Card dispute letters' })]);
    expect(await t.call('imports.spreadsheet.commit', { token: preview.token })).toEqual({ created: 1, updated: 0 });
  });

  it('lists every bad cell with its row and column and refuses to apply', async () => {
    const t = await withPortfolio();
    const file = path.join(t.dir, 'bad.csv');
    fs.writeFileSync(file, 'client,name,monthly_volume,start_date\nHarbor Bank,New one,lots,2026-02-30\nNobody Ltd,Other,10,2026-12-01\n');
    const preview = await t.call('imports.spreadsheet.preview', { file: t.handle(file), kind: 'workloads' });
    const where = preview.errors.map((e) => [e.line, e.field]);
    expect(where).toEqual(expect.arrayContaining([[2, 'monthly_volume'], [2, 'start_date'], [3, 'client']]));
    const error = await t.fail('imports.spreadsheet.commit', { token: preview.token });
    expect(error.message).toMatch(/fix them/);
    expect(await t.call('workloads.list', {})).toHaveLength(3);
  });
});
