// Crash safety: a large import in a child process is killed with SIGKILL at random moments; every time
// the workspace opens, passes integrity_check, and holds the import wholly or not at all.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcApp } from '../../../electron/ipc/app.ts';
import { WorkspaceService } from '../../../electron/workspace/service.ts';
import { repoRoot } from '../../support/cli.ts';
import { tempDir } from '../../support/tmp.ts';

const TRIALS = Number(process.env.CRASH_TRIALS ?? 10);
const ROWS = 60_000;
const CANDIDATES = 3;

let dir: string;
let base: string;
let csv: string;

/** A small deterministic generator, so the kill moments are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

beforeAll(async () => {
  dir = tempDir('offramp-crash-');
  base = path.join(dir, 'base.offramp');
  const answers = [base];
  const answer = async () => answers.shift() ?? null;
  const app = createIpcApp({ configDir: path.join(dir, 'config'), today: '2026-11-25', platform: { chooseWorkspace: answer, chooseSavePath: answer, chooseOpenPath: answer } });
  const must = async (channel: string, payload: unknown) => {
    const r = await app.dispatch(channel, payload);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { id: number };
  };
  await must('workspace.create', {});
  const client = await must('clients.create', { name: 'Helix Health' });
  await must('workloads.create', { clientId: client.id, name: 'Patient FAQ' });
  app.close();
  const lines = ['candidate,task_id,latency_ms,cost_usd,correct,grounded'];
  for (let i = 0; i < ROWS; i++) lines.push(`Candidate ${i % CANDIDATES},t${Math.floor(i / CANDIDATES)},${100 + (i % 900)},0.0012,${i % 7 ? 'yes' : 'no'},${i % 2 ? 'true' : 'false'}`);
  csv = path.join(dir, 'results.csv');
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the child on a copy of the workspace and kills it `delayMs` after it starts committing (or lets it finish when null). */
function runChild(file: string, delayMs: number | null): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'test/integration/crash/importChild.ts'), file, csv], { stdio: ['ignore', 'pipe', 'pipe'] });
    const killAfter = delayMs;
    let armed = delayMs !== null;
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (armed && killAfter !== null && out.includes('committing')) {
        armed = false;
        // The kill moment: a random time after the commit began (it may land after it ended, too).
        setTimeout(() => child.kill('SIGKILL'), killAfter);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`the import child failed (${code}): ${err}`));
    });
  });
}

function stored(file: string): { integrity: string; rows: number; candidates: number } {
  const db = new Database(file);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      rows: (db.prepare('SELECT count(*) AS n FROM evaluation_rows').get() as { n: number }).n,
      candidates: (db.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('an import killed with SIGKILL', () => {
  it('completes when left alone (the baseline the trials compare against)', async () => {
    const file = path.join(dir, 'whole.offramp');
    fs.copyFileSync(base, file);
    expect(await runChild(file, null)).toBe('finished');
    expect(stored(file)).toEqual({ integrity: 'ok', rows: ROWS, candidates: CANDIDATES });
  }, 180_000);

  it(`leaves a workspace that opens whole, with the import wholly present or absent (${TRIALS} random kill moments)`, async () => {
    const next = random(20261125);
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const file = path.join(dir, `trial-${trial}.offramp`);
      fs.copyFileSync(base, file);
      // Kill moments spread over the commit: from at once to well past a typical commit.
      const delay = Math.floor(next() * 1500);
      const how = await runChild(file, delay);
      const s = stored(file);
      expect(s.integrity, `trial ${trial} (kill after ${delay} ms)`).toBe('ok');
      const whole = s.rows === ROWS && s.candidates === CANDIDATES;
      const absent = s.rows === 0 && s.candidates === 0;
      expect(whole || absent, `trial ${trial}: ${s.rows} rows and ${s.candidates} candidates after a kill ${delay} ms into the commit`).toBe(true);
      // The app itself opens it (the way a user would after the crash).
      const ws = new WorkspaceService({ actor: () => 'crash test' });
      ws.open(file);
      ws.close();
      outcomes.push(`${how}:${whole ? 'whole' : 'absent'}`);
    }
    expect(outcomes).toHaveLength(TRIALS);
  }, 600_000);
});
