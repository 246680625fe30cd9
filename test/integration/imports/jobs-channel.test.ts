import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace, type TestApp } from '../../support/app.ts';
import { aJobsList } from '../../support/jobsList.ts';
import { havePublicFixtures, publicFixture, reportMissingFixtures } from '../../support/fixtures.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

async function withClient(): Promise<TestApp & { clientId: number }> {
  const t = await aWorkspace();
  open.push(t);
  const client = await t.call('clients.create', { name: 'Acme Support' });
  return { ...t, clientId: client.id };
}

function fileBytes(file: string): Buffer {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return fs.readFileSync(file);
}

describe('fine-tuning jobs list import', () => {
  it('groups jobs into workload drafts by model family, with cadence, and re-importing changes nothing', async () => {
    const t = await withClient();
    const file = path.join(t.dir, 'jobs.json');
    fs.writeFileSync(file, aJobsList([
      { id: 'ftjob-aaa001', suffix: 'triage', day: 0 },
      { id: 'ftjob-aaa002', suffix: 'triage', day: 30 },
      { id: 'ftjob-aaa003', suffix: 'triage', day: 60, status: 'failed' },
      { id: 'ftjob-aaa004', suffix: 'triage', day: 61 },
      { id: 'ftjob-bbb001', suffix: 'replies', day: 10 },
    ]));
    const preview = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    expect(preview.drafts).toHaveLength(2);
    const triage = preview.drafts.find((d) => d.key.includes('triage'));
    expect(triage).toMatchObject({ action: 'create', succeeded: 3, notCounted: 1, jobsTotal: 4, lastRetrainDate: '2026-03-03' });
    expect(triage?.retrainCadenceDays).toBeGreaterThan(29);

    expect(await t.call('imports.jobs.commit', { token: preview.token, clientId: t.clientId })).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const workloads = await t.call('workloads.list', {});
    expect(workloads).toHaveLength(2);

    const again = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    expect(again.drafts.map((d) => d.action)).toEqual(['unchanged', 'unchanged']);
    await t.call('workspace.close', {});
    const before = fileBytes(t.file);
    await t.open(t.file);
    const third = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    expect(await t.call('imports.jobs.commit', { token: third.token, clientId: t.clientId })).toEqual({ created: 0, updated: 0, unchanged: 2 });
    await t.call('workspace.close', {});
    expect(fileBytes(t.file).length).toBe(before.length);
  });

  it('adds a later page to the existing workload as an update', async () => {
    const t = await withClient();
    const page1 = path.join(t.dir, 'p1.json');
    const page2 = path.join(t.dir, 'p2.json');
    fs.writeFileSync(page1, aJobsList([{ id: 'ftjob-ccc001', suffix: 'routing', day: 0 }], true));
    fs.writeFileSync(page2, aJobsList([{ id: 'ftjob-ccc002', suffix: 'routing', day: 14 }]));
    const first = await t.call('imports.jobs.preview', { files: [t.handle(page1)] });
    await t.call('imports.jobs.commit', { token: first.token, clientId: t.clientId });
    const both = await t.call('imports.jobs.preview', { files: [t.handle(page1), t.handle(page2)] });
    expect(both.drafts[0].action).toBe('update');
    expect(await t.call('imports.jobs.commit', { token: both.token, clientId: t.clientId })).toMatchObject({ updated: 1 });
    expect((await t.call('workloads.list', {}))[0].retrainCadenceDays).toBe(14);
  });

  it('refuses a truncated file naming the file and line, and writes nothing', async () => {
    const t = await withClient();
    const file = path.join(t.dir, 'cut.json');
    fs.writeFileSync(file, aJobsList([{ id: 'ftjob-ddd001', day: 0 }]).slice(0, 120));
    const error = await t.fail('imports.jobs.preview', { files: [t.handle(file)] });
    expect(error.code).toBe('import_invalid');
    expect(error.file).toContain('cut.json');
    expect(error.line).toBeGreaterThan(0);
    expect(await t.call('workloads.list', {})).toEqual([]);
  });

  reportMissingFixtures('jobs-channel public jobs list');
  it.skipIf(!havePublicFixtures)('shows the public jobs list (all failed or cancelled) without creating a counted workload', async () => {
    const t = await withClient();
    const preview = await t.call('imports.jobs.preview', { files: [t.handle(publicFixture('openai_fine_tuning_jobs_list.json'))] });
    const total = preview.drafts.reduce((n, d) => n + d.jobsTotal, 0) + preview.skipped.length;
    expect(total).toBe(20);
    expect(preview.drafts.every((d) => d.succeeded === 0)).toBe(true);
  });
});

describe('fine-tuning jobs list import after a deletion', () => {
  it('brings a deleted workload back with its earlier jobs when the list is imported again', async () => {
    const t = await withClient();
    const file = path.join(t.dir, 'jobs.json');
    fs.writeFileSync(file, aJobsList([{ id: 'ftjob-eee001', suffix: 'faq', day: 0 }, { id: 'ftjob-eee002', suffix: 'faq', day: 7 }]));
    const first = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    await t.call('imports.jobs.commit', { token: first.token, clientId: t.clientId });
    const [w] = await t.call('workloads.list', {});
    await t.call('workloads.delete', { id: w.id });
    const again = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    expect(again.drafts[0].action).toBe('create');
    expect(await t.call('imports.jobs.commit', { token: again.token, clientId: t.clientId })).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const third = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    expect(third.drafts[0].action).toBe('unchanged');
  });
  it('imports a list of many jobs whole, and undo and redo take all of them out and put them back as they were', async () => {
    const t = await withClient();
    const file = path.join(t.dir, 'many.json');
    // 150 jobs in three families, written as one bulk change.
    fs.writeFileSync(file, aJobsList(Array.from({ length: 150 }, (_, i) => ({ id: `ftjob-m${String(i).padStart(4, '0')}`, suffix: `family-${i % 3}`, day: i }))));
    const preview = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    await t.call('imports.jobs.commit', { token: preview.token, clientId: t.clientId });
    const jobs = () => {
      const db = new Database(t.file, { readonly: true });
      try {
        return db.prepare('SELECT * FROM fine_tuning_jobs ORDER BY id').all();
      } finally {
        db.close();
      }
    };
    const imported = jobs();
    expect(imported).toHaveLength(150);
    expect(imported[149]).toMatchObject({ id: 'ftjob-m0149', suffix: 'family-2', status: 'succeeded' });
    // 150 rows are audited one by one, each as the row stored (rebuilt from the parsed jobs, not read back).
    const audited = (await t.call('audit.list', { limit: 5000 })).filter((a) => a.entity === 'fine_tuning_jobs' && a.action === 'create');
    expect(audited).toHaveLength(150);
    expect(audited.map((a) => a.after).sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1))).toEqual(imported);
    await t.call('history.undo', {});
    expect(jobs()).toHaveLength(0);
    await t.call('history.redo', {});
    expect(jobs()).toEqual(imported);
  });
});
