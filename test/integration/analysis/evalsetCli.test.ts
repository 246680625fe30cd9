// The evalset command end to end: a real workspace, a real training file, the files it writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../support/cli.ts';

const corpus = path.join(repoRoot, 'test/fixtures/analyser/corpus');
let dir: string;
let db: string;
let workloads: { id: number; name: string }[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-evalset-'));
  db = path.join(dir, 'w.offramp');
  expect(runCli(['sample', '--db', db]).status).toBe(0);
  workloads = (JSON.parse(runCli(['export', '--db', db]).stdout) as { workloads: { id: number; name: string }[] }).workloads;
});

describe('npm run cli -- evalset', () => {
  it('writes a promptfoo YAML of N tasks sampled by seed, the same file twice for the same seed', () => {
    const w = workloads[0];
    const out = path.join(dir, 'gsm8k.yaml');
    const args = ['evalset', '--db', db, '--workload', String(w.id), '--training', path.join(corpus, 'mf_gsm8k_validation.jsonl'), '--out', out, '--n', '12', '--seed', '5'];
    const run = runCli(args);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('Wrote gsm8k.yaml: 12 of 50 tasks; assertions: contains 12.\n');
    const first = fs.readFileSync(out, 'utf8');
    const config = parse(first) as { tests: { vars: { prompt: string }; assert: { type: string; value: string }[]; metadata: { trainingLine: number } }[] };
    expect(config.tests).toHaveLength(12);
    expect(config.tests[0].assert[0].value).toMatch(/^#### \d+$/);
    expect(runCli(args).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(first);
  });

  it('also writes DPO pairs for a ranking workload whose training file has preference pairs', () => {
    const ranker = workloads.find((w) => /rank/i.test(w.name)); // its profile weighs ranking 80
    expect(ranker).toBeDefined();
    const out = path.join(dir, 'pairs.json');
    const run = runCli(['evalset', '--db', db, '--workload', String(ranker!.id), '--training', path.join(corpus, 'mf_dpo_chat.jsonl'), '--out', out, '--n', '4']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Wrote pairs.dpo.jsonl: 12 preference pairs (prompt, chosen, rejected).');
    const pairs = fs.readFileSync(path.join(dir, 'pairs.dpo.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(pairs).toHaveLength(12);
    expect(Object.keys(pairs[0])).toEqual(['prompt', 'chosen', 'rejected']);
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as { tests: unknown[] }).tests).toHaveLength(4);
  });

  it('says what to fix when the training file is missing or the workload is not given', () => {
    const missing = runCli(['evalset', '--db', db, '--workload', '1', '--training', path.join(dir, 'nope.jsonl'), '--out', path.join(dir, 'x.yaml')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl does not exist; give the training JSONL the workload was fine-tuned on/);
    const noWorkload = runCli(['evalset', '--db', db, '--training', path.join(corpus, 'mf_dpo_chat.jsonl'), '--out', path.join(dir, 'x.yaml')]);
    expect(noWorkload.stderr).toMatch(/--workload is required/);
  });
});
