// Baselines through the same channels the Plan screen calls, and the CLI's `baseline` command.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace, type TestApp } from '../../support/app.ts';
import { runCli } from '../../support/cli.ts';
import { tempDir } from '../../support/tmp.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

async function sample(): Promise<TestApp> {
  const t = await aWorkspace({ today: '2026-09-01' });
  open.push(t);
  t.dialogAnswers.push(path.join(t.dir, 'sample.offramp'));
  await t.call('workspace.createSample', {});
  return t;
}

describe('baselines channels', () => {
  it('has nothing to compare with until a baseline is set', async () => {
    const t = await sample();
    expect(await t.call('baselines.list', {})).toEqual([]);
    expect(await t.call('baselines.diff', {})).toBeNull();
  });

  it('stores the whole plan under a name and a date, and finds nothing moved right after', async () => {
    const t = await sample();
    const portfolio = await t.call('plan.portfolio', {});
    const b = await t.call('baselines.create', { name: 'Steering committee' });
    expect(b).toMatchObject({ name: 'Steering committee', today: '2026-09-01', workloadCount: portfolio.workloads.length });
    expect(await t.call('baselines.list', {})).toEqual([b]);
    const diff = await t.call('baselines.diff', {});
    expect(diff).toMatchObject({ baseline: { id: b.id, name: 'Steering committee' }, changes: [], unchanged: portfolio.workloads.length });
  });

  it('names the default baseline after its day', async () => {
    const t = await sample();
    expect((await t.call('baselines.create', {})).name).toBe('Baseline 1 Sep 2026');
  });

  it('shows what moved once an input changes', async () => {
    const t = await sample();
    await t.call('baselines.create', { name: 'Monday review' });
    const { workloads } = await t.call('plan.portfolio', {});
    const target = workloads[0].workload;
    await t.call('workloads.update', { ...target, startDate: '2026-10-01' });
    const diff = await t.call('baselines.diff', {});
    const change = diff?.changes.find((c) => c.workloadId === target.id);
    expect(change?.end?.direction).toBe('later');
    expect(change?.sentences[0]).toMatch(/^Cut-over moved \d+ working days later/);
  });

  it('renames and deletes a baseline, and undo brings it back', async () => {
    const t = await sample();
    const b = await t.call('baselines.create', { name: 'Draft' });
    expect((await t.call('baselines.rename', { id: b.id, name: 'Board pack' })).name).toBe('Board pack');
    await t.call('baselines.delete', { id: b.id });
    expect(await t.call('baselines.list', {})).toEqual([]);
    await t.call('history.undo', {});
    expect((await t.call('baselines.list', {})).map((x) => x.name)).toEqual(['Board pack']);
  });

  it('refuses an empty name, saying what to do', async () => {
    const t = await sample();
    await expect(t.call('baselines.create', { name: '  ' })).rejects.toThrow(/Name the baseline/);
  });

  it('travels in the workspace JSON export', async () => {
    const t = await sample();
    await t.call('baselines.create', { name: 'Exported' });
    t.dialogAnswers.push(path.join(t.dir, 'ws.json'));
    const r = await t.call('export.workspaceJson', {});
    const json = JSON.parse((await import('node:fs')).readFileSync(r!.path, 'utf8'));
    expect(json.baselines.map((b: { name: string }) => b.name)).toEqual(['Exported']);
    expect(json.baselines[0].plan.workloads).toHaveLength(json.workloads.length);
  });

  it('comes back from the workspace JSON with its workloads matched to their new ids', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'a.offramp');
    expect(runCli(['sample', '--db', db, '--today', '2026-09-01']).status).toBe(0);
    runCli(['baseline', '--db', db, '--name', 'Round trip', '--today', '2026-09-01']);
    const json = path.join(dir, 'ws.json');
    (await import('node:fs')).writeFileSync(json, runCli(['export', '--db', db]).stdout);
    const copy = path.join(dir, 'b.offramp');
    const r = runCli(['import', '--db', copy, '--json', json]);
    expect(r.stderr).toBe('');
    const t = await aWorkspace({ today: '2026-09-01' });
    open.push(t);
    await t.open(copy);
    const diff = await t.call('baselines.diff', {});
    expect(diff).toMatchObject({ baseline: { name: 'Round trip' }, changes: [] });
  });
});

describe('cli baseline', () => {
  it('sets a named baseline and, the next time, says how many workloads changed since the last', () => {
    const dir = tempDir();
    const db = path.join(dir, 'sample.offramp');
    expect(runCli(['sample', '--db', db, '--today', '2026-09-01']).status).toBe(0);
    const first = runCli(['baseline', '--db', db, '--name', 'Week 36', '--today', '2026-09-01']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Set baseline "Week 36" \(12 workloads, plan of 2026-09-01\)\.\n$/);
    const second = runCli(['baseline', '--db', db, '--today', '2026-09-14']);
    expect(second.stdout).toContain('Set baseline "Baseline 14 Sep 2026"');
    expect(second.stdout).toMatch(/Since "Week 36": \d+ workloads? changed, \d+ unchanged\./);
  });
});
