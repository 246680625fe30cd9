import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace, type TestApp } from '../../support/app.ts';
import { havePublicFixtures, publicFixture, reportMissingFixtures } from '../../support/fixtures.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

async function withWorkload(): Promise<TestApp & { workloadId: number }> {
  const t = await aWorkspace();
  open.push(t);
  const client = await t.call('clients.create', { name: 'Northwind' });
  const w = await t.call('workloads.create', { clientId: client.id, name: 'Support replies' });
  return { ...t, workloadId: w.id };
}

describe('training data into the job profile', () => {
  it('analyses a file, then keeps accepted weights with their evidence and source', async () => {
    const t = await withWorkload();
    const file = path.join(t.dir, 'replies.jsonl');
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ messages: [
      { role: 'system', content: 'Extract the order as JSON.' },
      { role: 'user', content: `Order ${i}: two lamps to Leeds` },
      { role: 'assistant', content: JSON.stringify({ item: 'lamp', qty: 2, city: 'Leeds', order: i }) },
    ] }));
    fs.writeFileSync(file, `${lines.join('\n')}\n{"messages": [broken\n`);
    const analysis = await t.call('imports.training.analyse', { file: t.handle(file) });
    expect(analysis.examples).toBe(40);
    expect(analysis.malformed.total).toBe(1);
    expect(analysis.malformed.lines[0].line).toBe(41);
    expect(analysis.topJob).toBe('format');

    const { profile } = await t.call('imports.training.accept', {
      workloadId: t.workloadId, file, weights: analysis.suggestedWeights, evidence: analysis.evidence, preferencePairs: analysis.preferencePairs,
    });
    expect(profile.sources.format).toBe('analysis');
    expect(profile.evidence.some((e) => e.startsWith('Training data replies.jsonl:'))).toBe(true);
    const rec = (await t.call('plan.portfolio', {})).workloads[0].recommendation;
    expect(rec.components.find((c) => c.job === 'format')?.approach).toBe('prompting');
  });

  it('refuses a binary file with a message naming it and writes nothing', async () => {
    const t = await withWorkload();
    const file = path.join(t.dir, 'model.bin');
    fs.writeFileSync(file, Buffer.from([0, 1, 2, 3, 0, 0, 255, 10, 0]));
    const error = await t.fail('imports.training.analyse', { file: t.handle(file) });
    expect(error.code).toBe('import_invalid');
    expect(error.file).toBe(file);
    expect(await t.call('jobProfiles.get', { workloadId: t.workloadId })).toBeNull();
  });

  reportMissingFixtures('training-channel preference pairs');
  it.skipIf(!havePublicFixtures)('counts the preference pairs of the public DPO file into pairwise feedback', async () => {
    const t = await withWorkload();
    const file = publicFixture('ft_dpo_orca_pairs_first50.jsonl');
    const analysis = await t.call('imports.training.analyse', { file: t.handle(file) });
    expect(analysis.preferencePairs).toBe(50);
    const { workload } = await t.call('imports.training.accept', {
      workloadId: t.workloadId, file, weights: analysis.suggestedWeights, evidence: analysis.evidence, preferencePairs: analysis.preferencePairs,
    });
    expect(workload.pairwiseFeedback).toBe(50);
  });
});
