// Commands that only read open the workspace read-only: the file is not touched and no backup is taken, so read-only
// automation (a nightly `plan`, a calendar export) never churns the backups folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, type CliIo } from '../../../electron/cli/commands.ts';
import { csvCommand, icsCommand } from '../../../electron/cli/roadmap.ts';
import { backupDir, listBackups } from '../../../electron/db/backups.ts';
import { WorkspaceService } from '../../../electron/workspace/service.ts';
import { insertClient } from '../../../electron/db/clients.ts';
import { tempDir } from '../../support/tmp.ts';

function io(): CliIo & { text: () => string } {
  let out = '';
  return {
    out: (t) => { out += t; },
    err: () => {},
    resolve: (p) => p,
    exists: (p) => fs.existsSync(p),
    text: () => out,
  };
}

/** A closed workspace file holding one client, and a fingerprint of everything on disk beside it. */
function aClosedWorkspace(): { file: string; dir: string; fingerprint: () => string } {
  const dir = tempDir();
  const file = path.join(dir, 'agency.offramp');
  const ws = new WorkspaceService({ actor: () => 'test' });
  ws.open(file, true);
  ws.mutate('add a client', (db, rec) => insertClient(db, rec, { name: 'Acme Bank', notes: '' }));
  ws.close();
  // The file's bytes and time, and what else lies beside it (SQLite's own -wal/-shm of a reader aside).
  const fingerprint = () => [
    `${fs.statSync(file).mtimeMs}:${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`,
    ...fs.readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort(),
  ].join(' ');
  return { file, dir, fingerprint };
}

describe('read-only commands', () => {
  it('plan, export, ics and csv leave the workspace file untouched and take no backup', async () => {
    const w = aClosedWorkspace();
    const before = w.fingerprint();
    const plan = io();
    await commands.plan.run({ db: w.file, today: '2026-11-25' }, plan);
    expect(plan.text()).toMatch(/"clients"|Acme Bank/);
    await commands.export.run({ db: w.file }, io());
    const out = tempDir();
    await icsCommand.run({ db: w.file, out: path.join(out, 'm.ics'), today: '2026-11-25' }, io());
    await csvCommand.run({ db: w.file, out: path.join(out, 'p.csv'), today: '2026-11-25' }, io());
    expect(fs.readFileSync(path.join(out, 'p.csv'), 'utf8')).toMatch(/^client,/);
    expect(w.fingerprint()).toBe(before);
    expect(fs.existsSync(backupDir(w.file))).toBe(false);
  });

  it('a read-only session refuses to write, and says so', () => {
    const w = aClosedWorkspace();
    const ws = new WorkspaceService({ actor: () => 'test' });
    ws.open(w.file, false, { readOnly: true });
    try {
      expect(() => ws.mutate('add a client', (db, rec) => insertClient(db, rec, { name: 'Beta Bank', notes: '' })))
        .toThrow(/opened read-only; nothing was changed/);
    } finally {
      ws.close();
    }
    expect(listBackups(w.file)).toEqual([]);
  });

  it('a writing command backs the file up once, before its first write', async () => {
    const w = aClosedWorkspace();
    const json = path.join(tempDir(), 'in.json');
    const exported = io();
    await commands.export.run({ db: w.file }, exported);
    fs.writeFileSync(json, exported.text());
    await commands.import.run({ db: w.file, json }, io());
    expect(listBackups(w.file)).toHaveLength(1);
  });
});
