import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/app.ts';
import { aWorkloadWorkspace } from '../../support/evaluationWorkspace.ts';
import { havePublicFixtures, publicFixture, reportMissingFixtures } from '../../support/fixtures.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

const withWorkload = () => aWorkloadWorkspace(open);

function perTaskCsv(): string {
  const lines = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated'];
  for (let i = 0; i < 20; i++) lines.push(`RAG + small hosted model,t${i},${300 + i * 10},0.0010,${i < 19 ? 'yes' : 'no'},yes,no,no`);
  for (let i = 0; i < 20; i++) lines.push(`LoRA on 8B open model,t${i},${150 + i},0.0004,${i < 16 ? 'true' : 'false'},false,0,${i === 0 ? 1 : 0}`);
  return `${lines.join('\n')}\n`;
}

describe('evaluation results import', () => {
  it('previews candidates with guessed approaches, then aggregates the rows into the matrix and R8 picks', async () => {
    const t = await withWorkload();
    await t.call('commitments.create', { clientId: t.clientId, customer: 'Clinics', kind: 'accuracy', threshold: 0.9, workloadIds: [t.workloadId] });
    const file = path.join(t.dir, 'results.csv');
    fs.writeFileSync(file, perTaskCsv());
    const preview = await t.call('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
    expect(preview.rowCount).toBe(40);
    expect(preview.candidates.map((c) => [c.name, c.rows, c.approach])).toEqual([
      ['RAG + small hosted model', 20, 'rag'], ['LoRA on 8B open model', 20, 'open_weight'],
    ]);
    expect(await t.call('imports.evaluations.commit', { token: preview.token, workloadId: t.workloadId, approaches: {} })).toEqual({ candidates: 2, rows: 40 });

    const matrix = await t.call('evaluations.matrix', { workloadId: t.workloadId });
    const rag = matrix.evaluations.find((e) => e.candidateName.startsWith('RAG'));
    const lora = matrix.evaluations.find((e) => e.candidateName.startsWith('LoRA'));
    expect(rag).toMatchObject({ sampleSize: 20, accuracy: 0.95, groundedRate: 1 });
    expect(lora).toMatchObject({ accuracy: 0.8, hallucinationRate: 0.05 });
    expect(matrix.checks[lora!.candidateId][0].check.met).toBe(false);
    expect(matrix.recommendation.selectedCandidate?.name).toBe('RAG + small hosted model');
  });

  it('replaces a candidate\'s rows when the same results are imported again', async () => {
    const t = await withWorkload();
    const file = path.join(t.dir, 'results.csv');
    fs.writeFileSync(file, perTaskCsv());
    for (let i = 0; i < 2; i++) {
      const preview = await t.call('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
      await t.call('imports.evaluations.commit', { token: preview.token, workloadId: t.workloadId, approaches: {} });
    }
    const matrix = await t.call('evaluations.matrix', { workloadId: t.workloadId });
    expect(matrix.evaluations.map((e) => e.sampleSize)).toEqual([20, 20]);
  });

  it('names the line and column of a bad value and writes nothing', async () => {
    const t = await withWorkload();
    const file = path.join(t.dir, 'bad.csv');
    fs.writeFileSync(file, 'candidate,latency_ms,cost_usd,correct\nA,120,0.001,yes\nA,fast,0.001,yes\n');
    const error = await t.fail('imports.evaluations.preview', { file: t.handle(file), workloadId: t.workloadId });
    expect(error).toMatchObject({ code: 'import_invalid', line: 3 });
    expect(error.field).toMatch(/latency_ms/);
    expect(await t.call('candidates.list', { workloadId: t.workloadId })).toEqual([]);
  });

  reportMissingFixtures('evaluations-channel promptfoo outputs');
  it.skipIf(!havePublicFixtures)('imports each public promptfoo output', async () => {
    const t = await withWorkload();
    for (const name of ['promptfoo_eval_output_riddles.json', 'promptfoo_eval_output_redteam.json', 'promptfoo_eval_output.csv']) {
      const preview = await t.call('imports.evaluations.preview', { file: t.handle(publicFixture(name)), workloadId: t.workloadId });
      expect(preview.rowCount, name).toBeGreaterThan(0);
      await t.call('imports.evaluations.commit', { token: preview.token, workloadId: t.workloadId, approaches: {} });
    }
    const matrix = await t.call('evaluations.matrix', { workloadId: t.workloadId });
    expect(matrix.evaluations.length).toBeGreaterThan(0);
    expect(matrix.evaluations.every((e) => e.sampleSize > 0)).toBe(true);
  });
});
