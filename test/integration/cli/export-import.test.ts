import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aWorkspace } from '../../support/app.ts';
import { runCli } from '../../support/cli.ts';
import { tempDir } from '../../support/tmp.ts';

describe('cli export and import', () => {
  it('exports a workspace as JSON and imports it into a new file with the same content', async () => {
    const t = await aWorkspace();
    const client = await t.call('clients.create', { name: 'Helix Health' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'Patient FAQ', regulated: true, residency: 'EU' });
    await t.call('commitments.create', { clientId: client.id, customer: 'Helix clinics', kind: 'accuracy', threshold: 0.95, dueDate: '2026-12-15', noticeDays: 10, workloadIds: [w.id] });
    t.app.close();

    const exported = runCli(['export', '--db', t.file]);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const json = JSON.parse(exported.stdout);
    expect(json).toMatchObject({ format: 'offramp-workspace', version: 2 });
    expect(json.workloads[0]).toMatchObject({ name: 'Patient FAQ', regulated: true, residency: 'EU' });

    const dir = tempDir();
    const input = path.join(dir, 'in.json');
    fs.writeFileSync(input, exported.stdout);
    const target = path.join(dir, 'copy.offramp');
    const imported = runCli(['import', '--db', target, '--json', input]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/Imported 1 clients, 1 workloads, 0 contracts, 1 commitments/);

    const again = JSON.parse(runCli(['export', '--db', target]).stdout);
    expect(again.commitments[0]).toMatchObject({ customer: 'Helix clinics', threshold: 0.95, dueDate: '2026-12-15', workloadIds: [again.workloads[0].id] });
    expect(again.workloads.map((x: { name: string }) => x.name)).toEqual(['Patient FAQ']);
  });

  it('refuses a JSON with a wrong type, naming the file and field, and leaves the workspace unchanged', async () => {
    const t = await aWorkspace();
    await t.call('clients.create', { name: 'Existing client' });
    t.app.close();
    const before = runCli(['export', '--db', t.file]).stdout;
    const bad = path.join(t.dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({
      format: 'offramp-workspace', version: 1,
      clients: [{ id: 1, name: 'New client' }],
      workloads: [{ id: 1, clientId: 1, name: 'W', monthlyVolume: 'lots' }],
    }));
    const r = runCli(['import', '--db', t.file, '--json', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('workloads[0].monthlyVolume');
    const after = runCli(['export', '--db', t.file]).stdout;
    expect(JSON.parse(after).clients).toEqual(JSON.parse(before).clients);
  });

  it('does not leave a new file behind when an import fails half way', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'dangling.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'offramp-workspace', version: 1, clients: [], workloads: [{ id: 1, clientId: 7, name: 'W' }] }));
    const target = path.join(dir, 'new.offramp');
    const r = runCli(['import', '--db', target, '--json', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/workloads\[0\]\.clientId refers to client 7/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('says what is wrong with a file that is not JSON', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'truncated.json');
    fs.writeFileSync(bad, '{"format": "offramp-workspace", "clients": [');
    const r = runCli(['import', '--db', path.join(dir, 'x.offramp'), '--json', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/truncated\.json ends before the JSON is complete \(line 1, column 45\)/);
  });
});
