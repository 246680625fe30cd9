import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { runCli } from '../../support/cli.ts';
import { tempDir } from '../../support/tmp.ts';

describe('cli generate and plan', () => {
  const dir = tempDir();
  const db = path.join(dir, 'portfolio.offramp');

  it('generates the same portfolio for the same seed', () => {
    const r = runCli(['generate', '--db', db, '--clients', '3', '--workloads', '24', '--seed', '7']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Generated 3 clients and 24 workloads/);
    const other = path.join(dir, 'same-seed.offramp');
    runCli(['generate', '--db', other, '--clients', '3', '--workloads', '24', '--seed', '7']);
    const a = JSON.parse(runCli(['export', '--db', db]).stdout);
    const b = JSON.parse(runCli(['export', '--db', other]).stdout);
    const strip = (w: { createdAt?: string; updatedAt?: string }) => ({ ...w, createdAt: undefined, updatedAt: undefined });
    expect(a.workloads.map(strip)).toEqual(b.workloads.map(strip));
  });

  it('prints the plan as JSON with a recommendation and six dated steps per workload', () => {
    const r = runCli(['plan', '--db', db, '--today', '2026-11-25']);
    expect(r.stderr).toBe('');
    const plan = JSON.parse(r.stdout);
    expect(plan.format).toBe('offramp-plan');
    expect(plan.today).toBe('2026-11-25');
    expect(plan.trainingDeadline).toBe('2027-01-06');
    const workloads = plan.clients.flatMap((c: { workloads: unknown[] }) => c.workloads);
    expect(workloads).toHaveLength(24);
  });

  it('scopes the plan to one client by name and prints CSV', () => {
    const exported = JSON.parse(runCli(['export', '--db', db]).stdout);
    const client = exported.clients[0];
    const r = runCli(['plan', '--db', db, '--today', '2026-11-25', '--client', client.name.toUpperCase(), '--format', 'csv']);
    expect(r.stderr).toBe('');
    const rows = Papa.parse<Record<string, string>>(r.stdout.trim(), { header: true }).data;
    const own = exported.workloads.filter((w: { clientId: number }) => w.clientId === client.id).length;
    expect(rows).toHaveLength(own * 6);
    expect(new Set(rows.map((row) => row.client))).toEqual(new Set([client.name]));
  });

  it('names the clients there are when the client is unknown', () => {
    const r = runCli(['plan', '--db', db, '--client', 'Nobody Inc']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No client "Nobody Inc"\. Clients: /);
  });

  it('rejects a malformed --today', () => {
    const r = runCli(['plan', '--db', db, '--today', '25/11/2026']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--today 25\/11\/2026: use a date like/);
  });
});
