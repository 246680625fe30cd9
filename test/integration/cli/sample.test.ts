import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';
import { tempDir } from '../../support/tmp.ts';

describe('cli sample', () => {
  it('creates the sample portfolio and refuses to overwrite an existing file', () => {
    const db = path.join(tempDir(), 'sample.offramp');
    const r = runCli(['sample', '--db', db, '--today', '2026-09-14']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/with 3 clients and 12 workloads/);
    const plan = JSON.parse(runCli(['plan', '--db', db, '--today', '2026-09-14']).stdout);
    expect(plan.clients.map((c: { name: string }) => c.name)).toHaveLength(3);
    const again = runCli(['sample', '--db', db]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });
});
