import { describe, it, expect } from 'vitest';
import Papa from 'papaparse';
import { buildPortfolio } from '../../../shared/portfolio.ts';
import { PLAN_CSV_COLUMNS, planToCsv, portfolioToPlanJson } from '../../../shared/plan/csv.ts';
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace.ts';

const TODAY = '2026-05-01';
const portfolio = buildPortfolio(sampleWorkspace(TODAY), TODAY, new Map());

describe('the plan CSV', () => {
  it('has one row per workload step with client, workload, step, dates, status and sunset', () => {
    const parsed = Papa.parse<Record<string, string>>(planToCsv(portfolio), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...PLAN_CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(12 * 6);
    const first = parsed.data[0];
    expect(first).toMatchObject({ client: 'Northwind Support', workload_id: '1', workload: 'Support answer drafts', step: '1', start: TODAY });
    expect(first.sunset).toBe(portfolio.workloads[0].plan.sunset.date);
  });

  it('carries cost at volume, writing unknown where an input is missing, never zero', () => {
    const parsed = Papa.parse<Record<string, string>>(planToCsv(portfolio), { header: true, skipEmptyLines: true });
    for (const row of parsed.data) {
      expect(row.approach_name).not.toBe('');
      for (const column of ['monthly_cost_today', 'monthly_cost_after', 'annual_cost_today', 'annual_cost_after']) {
        expect(row[column]).toMatch(/^(unknown|\d+\.\d\d)$/);
      }
    }
    // No evaluations in this portfolio: the cost after migration cannot be known.
    expect(new Set(parsed.data.map((r) => r.monthly_cost_after))).toEqual(new Set(['unknown']));
    expect(parsed.data.some((r) => /^\d+\.\d\d$/.test(r.monthly_cost_today))).toBe(true);
  });

  it('quotes names with commas and quotes so a spreadsheet reads them back', () => {
    const csv = planToCsv(portfolio);
    expect(csv).toContain('"Agency ""custom AI"" reply ranker"');
  });
});

describe('the plan JSON', () => {
  const json = portfolioToPlanJson(portfolio);

  it('has the documented top-level shape', () => {
    expect(Object.keys(json)).toEqual(['format', 'version', 'today', 'trainingDeadline', 'daysToDeadline', 'workspaceSunset', 'clients']);
    expect(json).toMatchObject({ format: 'offramp-plan', version: 1, today: TODAY, trainingDeadline: '2027-01-06', daysToDeadline: 250 });
  });

  it('nests workloads under their client with recommendation and plan', () => {
    expect(json.clients.map((c) => c.workloads.length)).toEqual([4, 4, 4]);
    const w = json.clients[0].workloads[0];
    expect(Object.keys(w)).toEqual(['id', 'name', 'criticality', 'monthlyVolume', 'recommendation', 'plan']);
    expect(Object.keys(w.plan.steps[0])).toEqual(['step', 'name', 'start', 'end', 'durationDays', 'fullDays', 'floorDays', 'reasons', 'dependsOn', 'capacityWaitDays']);
  });

  it('survives a JSON round trip unchanged (plain data only)', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
