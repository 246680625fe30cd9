// The export commands of the command line: roadmap (headless Chromium), ics and csv, with their errors in words.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRendererBuilt } from '../../../electron/exporters/rendererServer.ts';
import { skipWithoutChromium } from '../../e2e/browser.ts';
import { runCli } from '../../support/cli.ts';
import { tempDir } from '../../support/tmp.ts';
import { sampleWorkspaceFile } from './workspaces.ts';

const TODAY = '2026-11-25';

describe('export commands', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = tempDir('offramp-cli-exports-');
    db = await sampleWorkspaceFile(dir, TODAY);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.skipIf(skipWithoutChromium())('writes a one-client roadmap on Letter paper and says how many pages', () => {
    const out = path.join(dir, 'harbor.pdf');
    const r = runCli(['roadmap', '--db', db, '--out', out, '--client', 'harbor bank', '--paper', 'letter', '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*harbor\.pdf \(\d+ pages, Letter landscape\)/);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612 pts/);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Harbor Bank');
  });

  it.skipIf(skipWithoutChromium())('prints one page that says so for a workspace with nothing to plan, instead of pages of zeros', () => {
    const json = path.join(dir, 'empty.json');
    fs.writeFileSync(json, JSON.stringify({ format: 'offramp-workspace', version: 2, clients: [], workloads: [] }));
    const empty = path.join(dir, 'empty.offramp');
    expect(runCli(['import', '--db', empty, '--json', json]).status).toBe(0);
    const out = path.join(dir, 'empty.pdf');
    const r = runCli(['roadmap', '--db', empty, '--out', out, '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('There is nothing to plan yet');
    expect(text).toContain('This workspace has no workloads.');
  });

  it('writes the milestones calendar and the plan CSV', () => {
    const ics = path.join(dir, 'm.ics');
    const csv = path.join(dir, 'p.csv');
    expect(runCli(['ics', '--db', db, '--out', ics, '--today', TODAY]).status).toBe(0);
    expect(runCli(['csv', '--db', db, '--out', csv, '--today', TODAY]).status).toBe(0);
    expect(fs.readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
    expect(fs.readFileSync(ics, 'utf8')).not.toContain('SUMMARY:Step ');
    const withSteps = path.join(dir, 'steps.ics');
    expect(runCli(['ics', '--db', db, '--out', withSteps, '--today', TODAY, '--steps']).status).toBe(0);
    expect(fs.readFileSync(withSteps, 'utf8')).toContain('SUMMARY:Step 6 ends');
    expect(fs.readFileSync(csv, 'utf8').split('\n')[0]).toContain('workload');
  });

  it('refuses a paper size it does not print, naming the ones it does', () => {
    const r = runCli(['roadmap', '--db', db, '--out', path.join(dir, 'x.pdf'), '--paper', 'A3']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--paper must be A4 or Letter, not "A3"');
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });

  it('tells the user to build the renderer when it is missing', () => {
    expect(() => assertRendererBuilt(path.join(dir, 'no-renderer'))).toThrow(/The renderer is not built .* Run: npm run build:renderer/);
  });
});
