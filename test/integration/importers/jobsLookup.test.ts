// The jobs import looks up existing rows once per preview, and looks again at commit only when the
// workspace changed in between: two previews of one file committed one after the other change nothing the second time.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace, type TestApp } from '../../support/app.ts';
import { aJobsList } from '../../support/jobsList.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

describe('jobs import lookups', () => {
  it('reads the workspace again at commit when another import landed after the preview', async () => {
    const t = await aWorkspace();
    open.push(t);
    const client = await t.call('clients.create', { name: 'Acme' });
    const file = path.join(t.dir, 'jobs.json');
    fs.writeFileSync(file, aJobsList([{ id: 'ftjob-a1', suffix: 'triage', day: 1 }, { id: 'ftjob-a2', suffix: 'triage', day: 31 }]));
    const first = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    const second = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    expect(await t.call('imports.jobs.commit', { token: first.token, clientId: client.id })).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await t.call('imports.jobs.commit', { token: second.token, clientId: client.id })).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await t.call('workloads.list', {})).toHaveLength(1);
  });

  it('creates the workload again after an undo of the first import', async () => {
    const t = await aWorkspace();
    open.push(t);
    const client = await t.call('clients.create', { name: 'Acme' });
    const file = path.join(t.dir, 'jobs.json');
    fs.writeFileSync(file, aJobsList([{ id: 'ftjob-b1', suffix: 'claims', day: 1 }]));
    const preview = await t.call('imports.jobs.preview', { files: [t.handle(file)] });
    await t.call('imports.jobs.commit', { token: preview.token, clientId: client.id });
    await t.call('history.undo', {});
    expect(await t.call('imports.jobs.commit', { token: preview.token, clientId: client.id })).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });
  it('finds jobs already imported whether the workspace holds fewer or more jobs than the list', async () => {
    const t = await aWorkspace();
    open.push(t);
    const client = await t.call('clients.create', { name: 'Acme' });
    const all = path.join(t.dir, 'all.json');
    const one = path.join(t.dir, 'one.json');
    fs.writeFileSync(all, aJobsList([{ id: 'ftjob-c1', suffix: 'claims', day: 1 }, { id: 'ftjob-c2', suffix: 'claims', day: 31 }, { id: 'ftjob-t1', suffix: 'triage', day: 2 }]));
    fs.writeFileSync(one, aJobsList([{ id: 'ftjob-t1', suffix: 'triage', day: 2 }]));
    const first = await t.call('imports.jobs.preview', { files: [t.handle(all)] });
    await t.call('imports.jobs.commit', { token: first.token, clientId: client.id });
    // The workspace holds three jobs: a one-job list is looked up by id, the full list by reading the table.
    const subset = await t.call('imports.jobs.preview', { files: [t.handle(one)] });
    expect(subset.drafts.map((d: { action: string }) => d.action)).toEqual(['unchanged']);
    const again = await t.call('imports.jobs.preview', { files: [t.handle(all)] });
    expect(again.drafts.map((d: { action: string }) => d.action)).toEqual(['unchanged', 'unchanged']);
  });
});
