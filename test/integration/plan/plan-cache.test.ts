// The cached plan behind plan.overview / plan.rows / plan.workload equals a full recompute after any sequence of edits.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aWorkspace, type TestApp } from '../../support/app.ts';
import { aJobsList } from '../../support/jobsList.ts';
import { WorkspacePlan } from '../../../electron/services/planCache.ts';
import { loadPortfolio } from '../../../electron/services/portfolio.ts';
import { insertEvaluationRow } from '../../../electron/db/candidates.ts';
import type { PortfolioWorkload } from '../../../shared/portfolio.ts';
import { portfolioCost } from '../../../shared/plan/cost.ts';

const TODAY = '2026-11-25';
let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

async function aPortfolio(options: { clients: number; workloads: number }) {
  const t = await aWorkspace({ today: TODAY });
  open.push(t);
  const clients = [];
  for (let c = 0; c < options.clients; c++) clients.push(await t.call('clients.create', { name: `Client ${String.fromCharCode(65 + c)}` }));
  const workloads = [];
  for (let i = 0; i < options.workloads; i++) {
    workloads.push(await t.call('workloads.create', {
      clientId: clients[i % clients.length].id, name: `Workload ${i}`, criticality: i % 3 === 0 ? 'business_critical' : 'important',
      monthlyVolume: i * 1000, regulated: i % 4 === 0,
    }));
  }
  return { t, clients, workloads };
}

/** What a screen sees through the channels, minus the version counter. */
async function seen(t: TestApp) {
  const { version: _v, ...overview } = await t.call('plan.overview', {});
  const rows = await t.call('plan.rows', { sort: 'slack', offset: 0, limit: 5000 });
  return { overview, rows: rows.rows };
}

/** The same, computed from scratch on the same database. */
function fresh(t: TestApp) {
  const plan = new WorkspacePlan(t.app.ctx.workspace.database(), TODAY);
  const { version: _v, ...overview } = plan.overview();
  return { overview, rows: plan.rows({ sort: 'slack', offset: 0, limit: 5000 }).rows, all: plan.all() };
}

const byId = (list: PortfolioWorkload[]) => new Map(list.map((w) => [w.workload.id, w]));

const edit = fc.oneof(
  fc.record({ kind: fc.constant('volume' as const), w: fc.nat(), volume: fc.integer({ min: 0, max: 3_000_000 }) }),
  fc.record({ kind: fc.constant('criticality' as const), w: fc.nat(), critical: fc.boolean() }),
  fc.record({ kind: fc.constant('answers' as const), w: fc.nat(), json: fc.boolean() }),
  fc.record({ kind: fc.constant('commitment' as const), w: fc.nat(), clientWide: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('moveCommitment' as const), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('capacity' as const), capacity: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }) }),
  fc.record({ kind: fc.constant('evaluations' as const), w: fc.nat(), latency: fc.integer({ min: 50, max: 900 }) }),
  fc.record({ kind: fc.constant('move' as const), w: fc.nat(), c: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), w: fc.nat() }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

describe('the cached plan', () => {
  it('answers overview, rows and one workload from the same plan as plan.portfolio', async () => {
    const { t, workloads } = await aPortfolio({ clients: 2, workloads: 6 });
    const portfolio = await t.call('plan.portfolio', {});
    const overview = await t.call('plan.overview', {});
    expect(overview.total).toBe(6);
    expect(overview.rollups.map((r) => r.clientName)).toEqual(['Client A', 'Client B']);
    expect(overview.trainingDeadline).toBe(portfolio.trainingDeadline);
    const page = await t.call('plan.rows', { sort: 'slack', offset: 2, limit: 3 });
    expect(page.total).toBe(6);
    expect(page.rows).toHaveLength(3);
    const one = await t.call('plan.workload', { workloadId: workloads[1].id });
    expect(one.plan).toEqual(portfolio.workloads.find((w) => w.workload.id === workloads[1].id)!.plan);
    expect(one.recommendation).toEqual(portfolio.workloads.find((w) => w.workload.id === workloads[1].id)!.recommendation);
  });

  it('groups rows by client and sorts them within each client', async () => {
    const { t } = await aPortfolio({ clients: 2, workloads: 6 });
    const byName = (await t.call('plan.rows', { sort: 'name' })).rows;
    expect(byName.map((r) => r.name)).toEqual(['Workload 0', 'Workload 2', 'Workload 4', 'Workload 1', 'Workload 3', 'Workload 5']);
    const one = (await t.call('plan.rows', { sort: 'name', clientId: byName[3].clientId })).rows;
    expect(one.map((r) => r.name)).toEqual(['Workload 1', 'Workload 3', 'Workload 5']);
  });

  it('moves the plan on screen after a commitment date changes, without any other call', async () => {
    const { t, clients, workloads } = await aPortfolio({ clients: 1, workloads: 3 });
    const before = await t.call('plan.workload', { workloadId: workloads[0].id });
    await t.call('commitments.create', { clientId: clients[0].id, customer: 'Acme', kind: 'latency', threshold: 300, dueDate: '2026-12-04', workloadIds: [workloads[0].id] });
    const after = await t.call('plan.workload', { workloadId: workloads[0].id });
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.plan.sunset.date).toBe('2026-12-04');
    expect(after.plan.sunset.source).toBe('commitment');
    const untouched = await t.call('plan.workload', { workloadId: workloads[1].id });
    expect(untouched.plan.sunset.source).toBe('training_deadline');
  });

  it('shows the workloads a jobs list creates in one bulk change, and loses them again on undo', async () => {
    const { t, clients } = await aPortfolio({ clients: 1, workloads: 2 });
    expect((await t.call('plan.overview', {})).total).toBe(2);
    const file = path.join(t.dir, 'jobs.json');
    fs.writeFileSync(file, aJobsList(Array.from({ length: 12 }, (_, i) => ({ id: `ftjob-p${i}`, suffix: `family-${i % 3}`, day: i * 10 }))));
    const preview = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    await t.call('imports.jobs.commit', { token: preview.token, clientId: clients[0].id });
    const names = async () => (await t.call('plan.rows', { sort: 'name' })).rows.map((r) => r.name);
    expect(await names()).toEqual(['family-0 (gpt-4o-mini-2024-07-18)', 'family-1 (gpt-4o-mini-2024-07-18)', 'family-2 (gpt-4o-mini-2024-07-18)', 'Workload 0', 'Workload 1']);
    expect(await seen(t)).toEqual((({ all: _a, ...rest }) => rest)(fresh(t)));
    await t.call('history.undo', {});
    expect(await names()).toEqual(['Workload 0', 'Workload 1']);
    await t.call('history.redo', {});
    expect((await t.call('plan.overview', {})).total).toBe(5);
    expect(await seen(t)).toEqual((({ all: _a, ...rest }) => rest)(fresh(t)));
  });

  it('reads p95 from the stored summaries exactly as from the raw rows', async () => {
    const { t, workloads } = await aPortfolio({ clients: 1, workloads: 1 });
    const candidate = await t.call('candidates.create', { workloadId: workloads[0].id, name: 'RAG', approach: 'rag' });
    t.app.ctx.workspace.mutate('rows', (_db, rec) => {
      for (let i = 1; i <= 40; i++) insertEvaluationRow(rec, { candidateId: candidate.id, taskId: `t${i}`, latencyMs: i * 10, costUsd: 0.001, correct: i % 5 !== 0, grounded: null, refused: null, hallucinated: null, winVsBaseline: null });
    });
    const matrix = await t.call('evaluations.matrix', { workloadId: workloads[0].id });
    expect(matrix.evaluations[0].p95LatencyMs).toBe(380);
    expect(matrix.evaluations[0].p50LatencyMs).toBe(200);
    expect(matrix.evaluations[0].accuracy).toBeCloseTo(0.8);
    expect(matrix.evaluations[0].sampleSize).toBe(40);
    await t.call('history.undo', {});
    const undone = await t.call('evaluations.matrix', { workloadId: workloads[0].id });
    expect(undone.evaluations[0].sampleSize).toBe(0);
    expect(undone.evaluations[0].p95LatencyMs).toBeNull();
  });

  it('equals a full recompute after any sequence of edits, undos and redos', async () => {
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
      const { t, clients, workloads } = await aPortfolio({ clients: 3, workloads: 9 });
      await t.call('policy.update', { ...(await t.call('policy.get', {})), capacity: 2 });
      await seen(t); // load the cache before the edits, so they are applied incrementally
      const alive = () => workloads.filter((w) => w !== null);
      let commitment: { id: number } | null = null;
      for (const e of edits) {
        const pick = <T,>(list: T[], n: number) => list[n % list.length];
        const live = alive();
        if (live.length === 0) break;
        // Edits may be refused (e.g. nothing to undo): the plan must still match.
        await t.app.dispatch(...((): [string, unknown] => {
          switch (e.kind) {
            case 'volume': { const w = pick(live, e.w); return ['workloads.update', { ...w, monthlyVolume: e.volume }]; }
            case 'criticality': { const w = pick(live, e.w); return ['workloads.update', { ...w, criticality: e.critical ? 'business_critical' : 'experimental' }]; }
            case 'answers': return ['questionnaire.apply', { workloadId: pick(live, e.w).id, answers: e.json ? { outputFormat: 'json' } : { knowledgeChanges: 'weekly' } }];
            case 'commitment': {
              const w = pick(live, e.w);
              return ['commitments.create', { clientId: w.clientId, customer: 'Acme', kind: 'latency', threshold: 300, dueDate: `2026-12-${String(e.day).padStart(2, '0')}`, workloadIds: e.clientWide ? [] : [w.id] }];
            }
            case 'moveCommitment': return commitment ? ['commitments.update', { ...commitment, dueDate: `2026-12-${String(e.day).padStart(2, '0')}` }] : ['workspace.current', {}];
            case 'capacity': return ['workspace.current', {}];
            case 'evaluations': return ['candidates.create', { workloadId: pick(live, e.w).id, name: `C${e.latency}`, approach: 'rag', selfHostable: true }];
            case 'move': { const w = pick(live, e.w); return ['workloads.update', { ...w, clientId: pick(clients, e.c).id }]; }
            case 'delete': return ['workloads.delete', { id: pick(live, e.w).id }];
            case 'undo': return ['history.undo', {}];
            case 'redo': return ['history.redo', {}];
          }
        })() as [never, never]);
        if (e.kind === 'capacity') await t.call('policy.update', { ...(await t.call('policy.get', {})), capacity: e.capacity });
        if (e.kind === 'commitment') commitment = (await t.call('commitments.list', {})).at(-1) ?? null;
        // Keep the local list in step with what exists (deletes, undos of creates).
        const existing = new Map((await t.call('workloads.list', {})).map((w) => [w.id, w]));
        for (let i = 0; i < workloads.length; i++) workloads[i] = existing.get(workloads[i]?.id) ?? (null as never);
        const a = await seen(t);
        const b = fresh(t);
        expect(a.overview).toEqual(b.overview);
        expect(a.rows).toEqual(b.rows);
        // Cost at volume comes from the same kept plan: it equals the cost of a fresh portfolio, whole and per client.
        const db = t.app.ctx.workspace.database();
        expect(await t.call('cost.atVolume', {})).toEqual(portfolioCost(loadPortfolio(db, TODAY).portfolio));
        const clientId = clients[edits.indexOf(e) % clients.length].id;
        expect(await t.call('cost.atVolume', { clientId })).toEqual(portfolioCost(loadPortfolio(db, TODAY, clientId).portfolio));
        // Totals only (the Plan screen's panel while its per-workload list is closed): the same totals, no list.
        expect(await t.call('cost.atVolume', { workloads: false })).toEqual({ ...portfolioCost(loadPortfolio(db, TODAY).portfolio), workloads: [] });
      }
      // And the cache's full picture equals the engine's portfolio on the whole workspace.
      const cached = byId(fresh(t).all);
      const engine = loadPortfolio(t.app.ctx.workspace.database(), TODAY).portfolio;
      expect(cached.size).toBe(engine.workloads.length);
      for (const w of engine.workloads) {
        expect(cached.get(w.workload.id)?.plan).toEqual(w.plan);
        expect(cached.get(w.workload.id)?.recommendation).toEqual(w.recommendation);
      }
      t.app.close();
      open = open.filter((o) => o !== t);
    }), { numRuns: 15 });
  }, 120_000);
});
