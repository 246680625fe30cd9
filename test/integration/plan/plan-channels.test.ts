import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace, type TestApp } from '../../support/app.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});
async function workspace(): Promise<TestApp> {
  const t = await aWorkspace({ today: '2026-11-25' });
  open.push(t);
  return t;
}

describe('plan channels', () => {
  it('creates the sample workspace with a full plan and an empty undo history', async () => {
    const t = await workspace();
    t.dialogAnswers.push(path.join(t.dir, 'sample.offramp'));
    const info = await t.call('workspace.createSample', {});
    expect(info?.canUndo).toBe(false);
    const portfolio = await t.call('plan.portfolio', {});
    expect(portfolio.rollups.length).toBeGreaterThanOrEqual(2);
    expect(portfolio.workloads.length).toBeGreaterThanOrEqual(10);
    for (const w of portfolio.workloads) {
      expect(w.plan.steps).toHaveLength(6);
      expect(w.plan.sunset.date <= portfolio.trainingDeadline).toBe(true);
    }
    // 42 days before the vendor's deadline a sample rehearses on one 250 days out, so its plans are not all late.
    expect(portfolio.trainingDeadline).toBe('2027-08-02');
    expect(portfolio.daysToDeadline).toBe(250);
    expect(new Set(portfolio.workloads.map((w) => w.plan.status)).size).toBe(4);
  });

  it('turns questionnaire answers into a job profile and constraints that change the recommendation', async () => {
    const t = await workspace();
    const client = await t.call('clients.create', { name: 'Edge Robotics' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'Defect routing' });
    const before = (await t.call('plan.portfolio', {})).workloads[0];
    expect(before.recommendation.confidence.level).toBe('low');

    const { workload, profile } = await t.call('questionnaire.apply', {
      workloadId: w.id,
      answers: { behavior: 'central', deployment: 'edge' },
    });
    expect(workload.deployment).toBe('edge');
    expect(profile.weights.behavior).toBeGreaterThanOrEqual(20);
    expect(profile.sources.behavior).toBe('questionnaire');

    const after = (await t.call('plan.portfolio', {})).workloads[0];
    const behavior = after.recommendation.components.find((c) => c.job === 'behavior');
    expect(behavior?.approach).toBe('open_weight');
    expect(after.recommendation.trace.map((e) => e.ruleId)).toContain('R5');
  });

  it('keeps an override with its reason, shows it as an override and audits it', async () => {
    const t = await workspace();
    await t.call('preferences.update', { actorName: 'Ines' });
    const client = await t.call('clients.create', { name: 'Northwind' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'Reply drafting' });
    await t.call('questionnaire.apply', { workloadId: w.id, answers: { style: 'central' } });
    await t.call('overrides.set', { workloadId: w.id, job: 'style', approach: 'open_weight', reason: 'Brand team insists on a tuned voice model' });
    const rec = (await t.call('plan.portfolio', {})).workloads[0].recommendation;
    const style = rec.components.find((c) => c.job === 'style');
    expect(style?.override).toMatchObject({ approach: 'open_weight', reason: 'Brand team insists on a tuned voice model', actor: 'Ines' });
    const audit = await t.call('audit.list', { limit: 5 });
    expect(audit[0]).toMatchObject({ entity: 'overrides', action: 'create', actor: 'Ines' });
  });
});

describe('evaluation matrix and governance', () => {
  it('marks candidates that break a commitment and makes a regulated workload need three approvals', async () => {
    const t = await workspace();
    const client = await t.call('clients.create', { name: 'Helix Health' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'Patient FAQ', regulated: true });
    await t.call('commitments.create', { clientId: client.id, customer: 'Clinics', kind: 'accuracy', threshold: 0.9, workloadIds: [w.id] });
    const rag = await t.call('candidates.create', { workloadId: w.id, name: 'RAG + hosted model', approach: 'rag', dataRegion: 'EU' });
    const matrix = await t.call('evaluations.matrix', { workloadId: w.id });
    expect(matrix.evaluations[0]).toMatchObject({ candidateId: rag.id, eligible: false });
    expect(matrix.evaluations[0].ineligibleReason).toMatch(/legal/);
    expect(matrix.checks[rag.id][0].check.met).toBe(false);

    for (const role of ['legal', 'security', 'compliance'] as const) {
      await t.call('signOffs.set', { candidateId: rag.id, role, status: 'approved', by: 'Dr. Chen', at: '2026-11-20' });
    }
    const approved = await t.call('evaluations.matrix', { workloadId: w.id });
    expect(approved.evaluations[0].eligible).toBe(true);
    const map = await t.call('governance.get', { workloadId: w.id });
    expect(map.signOffs).toHaveLength(3);
  });

  it('refuses an approval without a name', async () => {
    const t = await workspace();
    const client = await t.call('clients.create', { name: 'C' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'W' });
    const c = await t.call('candidates.create', { workloadId: w.id, name: 'X', approach: 'prompting' });
    const error = await t.fail('signOffs.set', { candidateId: c.id, role: 'legal', status: 'approved', by: '' });
    expect(error.field).toBe('by');
  });
});
