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
});
