// `cli minutes`: a workshop's minutes as PDF (headless Chromium, the roadmap's printer) or Markdown, from a workspace file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithoutChromium } from '../../e2e/browser.ts';
import { runCli } from '../../support/cli.ts';
import { tempDir } from '../../support/tmp.ts';
import { sampleWorkspaceFile } from '../exporters/workspaces.ts';

const TODAY = '2026-11-25';

describe('cli minutes', () => {
  let dir: string;
  let db: string;
  let finished: number;

  beforeAll(async () => {
    dir = tempDir('offramp-cli-minutes-');
    db = await sampleWorkspaceFile(dir, TODAY);
    const sqlite = new Database(db, { readonly: true });
    finished = (sqlite.prepare("SELECT id FROM workshops WHERE status = 'finished'").get() as { id: number }).id;
    sqlite.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.skipIf(skipWithoutChromium())('prints the minutes with the decisions, the actions and who was there', () => {
    const out = path.join(dir, 'minutes.pdf');
    const r = runCli(['minutes', '--db', db, '--workshop', String(finished), '--out', out, '--paper', 'Letter', '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*minutes\.pdf \(\d+ pages, Letter landscape\)/);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612 pts/);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Dana Whitfield', 'Sam Okafor', 'Tom Brandt', 'Ines Moreau',
      'Ticket router moves to an open-weight adapter hosted by the platform team.',
      'Export three months of routing labels for the adapter benchmark', '25 Nov 2026',
      'Classified workloads', 'Priority vote', 'Northwind Support\'s plan', 'Next milestones',
    ]) expect(text.replace(/‑/g, '-')).toContain(expected);
  });

  it('writes the minutes as Markdown when --out ends in .md', () => {
    const out = path.join(dir, 'minutes.md');
    const r = runCli(['minutes', '--db', db, '--workshop', String(finished), '--out', out, '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Wrote ${out}\n`);
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Northwind Support: migration triage/);
    expect(md).toContain('## Actions');
    expect(md).toContain('| Export three months of routing labels for the adapter benchmark | Sam Okafor | 25 Nov 2026 |');
  });

  it('names the workshops there are when the id is unknown, and refuses another file type', () => {
    const unknown = runCli(['minutes', '--db', db, '--workshop', '99', '--out', path.join(dir, 'x.md')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No workshop with id 99\. Workshops: \d+ \(Meridian Health: migration triage, [\d-]+\), \d+ \(Northwind Support: migration triage/);
    const docx = runCli(['minutes', '--db', db, '--workshop', String(finished), '--out', path.join(dir, 'x.docx')]);
    expect(docx.status).toBe(1);
    expect(docx.stderr).toContain('--out must end in .pdf or .md');
    expect(fs.existsSync(path.join(dir, 'x.md'))).toBe(false);
  });
});
