import { describe, it, expect } from 'vitest';
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace.ts';
import { generatePortfolio } from '../../../shared/sample/generate.ts';
import { mulberry32 } from '../../../shared/sample/random.ts';
import { buildPortfolio } from '../../../shared/portfolio.ts';
import { aggregateEvaluations } from '../../../shared/evaluation/aggregate.ts';
import type { WorkspaceSnapshot } from '../../../shared/domain/snapshot.ts';
import type { Evaluation } from '../../../shared/domain/types.ts';

function expectConsistentIds(s: WorkspaceSnapshot) {
  const clientIds = new Set(s.clients.map((c) => c.id));
  const workloadIds = new Set(s.workloads.map((w) => w.id));
  const candidateIds = new Set(s.candidates.map((c) => c.id));
  expect(workloadIds.size).toBe(s.workloads.length);
  for (const w of s.workloads) expect(clientIds.has(w.clientId)).toBe(true);
  for (const p of s.jobProfiles) expect(workloadIds.has(p.workloadId)).toBe(true);
  for (const c of s.commitments) {
    expect(clientIds.has(c.clientId)).toBe(true);
    for (const id of c.workloadIds) expect(s.workloads.find((w) => w.id === id)?.clientId).toBe(c.clientId);
  }
  for (const k of s.contracts) for (const id of k.workloadIds) expect(workloadIds.has(id)).toBe(true);
  for (const c of s.candidates) expect(workloadIds.has(c.workloadId)).toBe(true);
  for (const r of s.evaluationRows) expect(candidateIds.has(r.candidateId)).toBe(true);
  for (const g of s.governance) expect(candidateIds.has(g.candidateId)).toBe(true);
  for (const o of s.overrides) expect(workloadIds.has(o.workloadId)).toBe(true);
  for (const id of [...clientIds, ...workloadIds, ...candidateIds]) expect(Number.isInteger(id) && id > 0).toBe(true);
}

function evaluationsOf(s: WorkspaceSnapshot): Map<number, Evaluation[]> {
  const map = new Map<number, Evaluation[]>();
  for (const w of s.workloads) {
    const candidates = s.candidates.filter((c) => c.workloadId === w.id);
    if (candidates.length) map.set(w.id, aggregateEvaluations({ workload: w, regulated: w.regulated, candidates, rows: s.evaluationRows, governance: s.governance, signOffs: s.signOffs }));
  }
  return map;
}

describe('the sample workspace', () => {
  const TODAY = '2026-05-01';
  const sample = sampleWorkspace(TODAY);
  const portfolio = buildPortfolio(sample, TODAY, evaluationsOf(sample));

  it('has three clients and a dozen workloads with consistent ids', () => {
    expect(sample.clients.map((c) => c.name)).toEqual(['Northwind Support', 'Meridian Health', 'Harbor Bank']);
    expect(sample.workloads).toHaveLength(12);
    expectConsistentIds(sample);
  });

  it('shows every plan status and several architectures at once', () => {
    const statuses = new Set(portfolio.workloads.map((w) => w.plan.status));
    expect([...statuses].sort()).toEqual(['compressed', 'late', 'on_track', 'tight']);
    const architectures = new Set(portfolio.workloads.map((w) => w.recommendation.architecture));
    expect(architectures.size).toBeGreaterThanOrEqual(3);
  });

  it('benchmarks the patient support assistant and selects the candidate that keeps its commitments', () => {
    const assistant = portfolio.workloads.find((w) => w.workload.name === 'Patient support assistant');
    expect(assistant?.recommendation.selectedCandidate?.name).toBe('RAG + small hosted model (EU)');
    expect(assistant?.recommendation.confidence.level).toBe('high');
  });

  it('sets some sunsets from commitments and contracts before the deadline', () => {
    const sources = new Set(portfolio.workloads.map((w) => w.plan.sunset.source));
    expect(sources).toEqual(new Set(['commitment', 'contract', 'training_deadline']));
  });

  it('shows an override', () => {
    const tone = portfolio.workloads.find((w) => w.workload.name === 'Macro tone rewriter');
    expect(tone?.recommendation.components[0].override?.approach).toBe('prompting');
  });

  it('is the same for the same day', () => {
    expect(sampleWorkspace(TODAY)).toEqual(sample);
  });
});

describe('the sample workspace, whatever day it is made', () => {
  // A spring day, autumn, the week before the year-end freeze, inside it, after the vendor deadline, a year later.
  const DAYS = ['2026-03-02', '2026-05-01', '2026-10-01', '2026-11-25', '2026-12-21', '2027-01-20', '2027-06-01', '2028-02-10'];

  it.each(DAYS)('shows on track, tight, compressed and late plans when made on %s', (today) => {
    const portfolio = buildPortfolio(sampleWorkspace(today), today, new Map());
    const statuses = new Set(portfolio.workloads.map((w) => w.plan.status));
    expect([...statuses].sort()).toEqual(['compressed', 'late', 'on_track', 'tight']);
    // Mostly green: a newcomer sees what a healthy plan looks like next to the ones that need attention.
    expect(portfolio.workloads.filter((w) => w.plan.status === 'on_track').length).toBeGreaterThan(portfolio.workloads.length / 2);
  });

  it("keeps the vendor's training deadline while it is far enough away, and rehearses on one 250 days out after that", () => {
    const deadlineOf = (today: string) => sampleWorkspace(today).policy.events.find((e) => e.kind === 'training_deadline');
    expect(deadlineOf('2026-03-02')?.date).toBe('2027-01-06');
    expect(deadlineOf('2026-05-01')?.date).toBe('2027-01-06');
    const late = deadlineOf('2026-11-25');
    expect(late?.date).toBe('2027-08-02');
    expect(late?.name).toMatch(/sample date/);
  });

  it('dates every commitment and contract after the day it is made', () => {
    for (const today of DAYS) {
      const s = sampleWorkspace(today);
      const dates = [...s.commitments.map((c) => c.dueDate), ...s.contracts.map((c) => c.renewalDate)].filter((d): d is string => d !== null);
      for (const d of dates) expect(d > today, `${d} after ${today}`).toBe(true);
    }
  });
});

describe('generatePortfolio', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generatePortfolio({ clients: 5, workloads: 60, seed: 7 });
    expect(generatePortfolio({ clients: 5, workloads: 60, seed: 7 })).toEqual(a);
    expect(generatePortfolio({ clients: 5, workloads: 60, seed: 8 }).workloads).not.toEqual(a.workloads);
  });

  it('spreads the workloads over the clients with consistent ids', () => {
    const s = generatePortfolio({ clients: 5, workloads: 60, seed: 7 });
    expect(s.clients).toHaveLength(5);
    expect(s.workloads).toHaveLength(60);
    for (const c of s.clients) expect(s.workloads.filter((w) => w.clientId === c.id)).toHaveLength(12);
    expectConsistentIds(s);
  });

  it('varies jobs, constraints and commitments', () => {
    const s = generatePortfolio({ clients: 10, workloads: 400, seed: 3 });
    expect(new Set(s.workloads.map((w) => w.criticality)).size).toBe(3);
    expect(new Set(s.workloads.map((w) => w.deployment)).size).toBe(3);
    expect(new Set(s.workloads.map((w) => w.residency)).size).toBe(4);
    expect(new Set(s.commitments.map((c) => c.kind)).size).toBe(5);
    expect(s.jobProfiles.length).toBeLessThan(400);
    const portfolio = buildPortfolio(s, '2026-03-02', new Map());
    expect(new Set(portfolio.workloads.map((w) => w.recommendation.architecture)).size).toBe(5);
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
