// The installed `offramp` command (scripts/cli.mjs): it builds the bundle when a source changed and runs the same commands.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../support/cli.ts';
import { tempDir } from '../../support/tmp.ts';

const offramp = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'scripts/cli.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });

describe('the bundled command line', () => {
  it('plans the sample workspace exactly as the source does', () => {
    const db = path.join(tempDir(), 'sample.offramp');
    expect(runCli(['sample', '--db', db, '--today', '2026-11-25']).status).toBe(0);
    const bundled = offramp(['plan', '--db', db, '--today', '2026-11-25']);
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    const source = runCli(['plan', '--db', db, '--today', '2026-11-25']);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(source.stdout));
    const plan = JSON.parse(bundled.stdout) as { clients: { workloads: unknown[] }[] };
    expect(plan.clients.flatMap((c) => c.workloads)).toHaveLength(12);
  });

  it('prints its usage and fails on an unknown command', () => {
    const r = offramp(['nonsense']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown command "nonsense"/);
  });
});
