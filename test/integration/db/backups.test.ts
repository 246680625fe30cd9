// Backups a user can count on: only good files are backed up, retention keeps days as well as the last few, an empty
// or foreign file is refused like a damaged one, and only a backup that exists and is whole is ever offered.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, listBackups } from '../../../electron/db/backups.ts';
import { WorkspaceService } from '../../../electron/workspace/service.ts';
import { insertClient } from '../../../electron/db/clients.ts';
import { aWorkspace, type TestApp } from '../../support/app.ts';
import { tempDir } from '../../support/tmp.ts';

const open: TestApp[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.app.close();
});

/** A workspace holding `clients`, closed, with one backup taken by a session that wrote to it. */
async function aWorkspaceWithABackup(...clients: string[]): Promise<TestApp> {
  const t = await aWorkspace();
  open.push(t);
  for (const name of clients) await t.call('clients.create', { name });
  await t.call('workspace.close', {});
  await t.open(t.file);
  await t.call('preferences.update', { actorName: 'Dana' });
  await t.call('clients.create', { name: 'Written after the backup' });
  await t.call('workspace.close', {});
  expect(listBackups(t.file)).toHaveLength(1);
  return t;
}

function clientNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM clients ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** Damages an index's copy of `value` so quick_check passes but the full integrity_check fails. */
function damageIndex(file: string, value: string): void {
  const db = new Database(file);
  db.exec('CREATE INDEX probe_clients_name ON clients(name)');
  const root = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'probe_clients_name'").get() as { rootpage: number }).rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  const bytes = fs.readFileSync(file);
  const page = bytes.subarray((root - 1) * pageSize, root * pageSize);
  const at = page.indexOf(value);
  expect(at).toBeGreaterThan(0);
  page.write(value.replace(/a/, 'o'), at, 'latin1');
  fs.writeFileSync(file, bytes);
}

describe('backups', () => {
  it('refuses a 0-byte workspace like a damaged one and opens a copy of the latest good backup instead', async () => {
    const t = await aWorkspaceWithABackup('Acme Bank');
    fs.truncateSync(t.file, 0);
    t.dialogAnswers.push(t.file);
    const error = await t.fail('workspace.open', {});
    expect(error).toMatchObject({ code: 'workspace_corrupt', file: t.file });
    expect(error.message).toMatch(/empty \(0 bytes\)/);
    expect(error.message).toMatch(/latest good backup is from \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(fs.statSync(t.file).size).toBe(0);
    expect(await t.call('workspace.refused', {})).toEqual({ name: 'workspace.offramp', backup: { takenAt: expect.stringMatching(/UTC$/) } });
    const info = await t.call('workspace.openLatestBackup', {});
    expect(info.path).toMatch(/workspace\.restored-\d{4}-\d{2}-\d{2}\.offramp$/);
    expect((await t.call('clients.list', {})).map((c) => c.name)).toEqual(['Acme Bank']);
  });

  it('keeps every good backup however many times a truncated file is opened', async () => {
    const t = await aWorkspaceWithABackup('Acme Bank');
    const before = listBackups(t.file);
    fs.truncateSync(t.file, 0);
    for (let i = 0; i < 8; i++) {
      t.dialogAnswers.push(t.file);
      expect((await t.fail('workspace.open', {})).code).toBe('workspace_corrupt');
    }
    expect(listBackups(t.file)).toEqual(before);
    expect(clientNames(before[0])).toEqual(['Acme Bank']);
  });

  it('refuses a file that is not SQLite, and an empty SQLite database, without offering a backup that does not exist', async () => {
    const t = await aWorkspace();
    open.push(t);
    const text = path.join(t.dir, 'notes.offramp');
    fs.writeFileSync(text, 'just some text');
    const empty = path.join(t.dir, 'empty.offramp');
    new Database(empty).close();
    for (const file of [text, empty]) {
      t.dialogAnswers.push(file);
      const error = await t.fail('workspace.open', {});
      expect(error).toMatchObject({ code: 'workspace_corrupt', file });
      expect(error.message).toMatch(/No good backup of it exists/);
      expect(await t.call('workspace.refused', {})).toEqual({ name: path.basename(file), backup: null });
      expect((await t.fail('workspace.openLatestBackup', {})).code).toBe('not_found');
    }
    expect(fs.readFileSync(text, 'utf8')).toBe('just some text');
  });

  it('never offers a backup that is itself empty or damaged', async () => {
    const t = await aWorkspaceWithABackup('Acme Bank');
    const [good] = listBackups(t.file);
    // A newer "backup" a failed copy left behind: empty.
    fs.writeFileSync(path.join(backupDir(t.file), '29991231-235959-000-before-edit.sqlite'), '');
    fs.writeFileSync(t.file, 'garbage that is not a database');
    t.dialogAnswers.push(t.file);
    await t.fail('workspace.open', {});
    await t.call('workspace.openLatestBackup', {});
    expect((await t.call('clients.list', {})).map((c) => c.name)).toEqual(clientNames(good));
  });

  it('words a damaged file in plain terms, without SQLite\'s own messages', async () => {
    const t = await aWorkspaceWithABackup('Acme Bank');
    const bytes = fs.readFileSync(t.file);
    bytes.fill(0x41, 100, bytes.length);
    fs.writeFileSync(t.file, bytes);
    t.dialogAnswers.push(t.file);
    const error = await t.fail('workspace.open', {});
    expect(error.code).toBe('workspace_corrupt');
    expect(error.message).toMatch(/cannot be opened: the database (is damaged|cannot be read)\. Nothing was changed\./);
    expect(error.message).not.toMatch(/SQLITE|malformed|disk image|file is not a database|\*\*\*/i);
  });

  it('does not back up a file that fails the full integrity check, and still offers the last good one', async () => {
    const t = await aWorkspaceWithABackup('Acme Bank');
    const before = listBackups(t.file);
    damageIndex(t.file, 'Acme Bank');
    await t.open(t.file); // quick_check passes: the damage is in an index
    await t.call('clients.create', { name: 'Written to a damaged file' });
    await t.call('workspace.close', {});
    expect(listBackups(t.file)).toEqual(before);
  });

  it('opens without writing anything: the backup waits for the session\'s first write', async () => {
    const t = await aWorkspace();
    open.push(t);
    await t.call('clients.create', { name: 'Acme Bank' });
    await t.call('workspace.close', {});
    for (let i = 0; i < 3; i++) {
      await t.open(t.file);
      await t.call('clients.list', {});
      await t.call('workspace.close', {});
    }
    expect(fs.existsSync(backupDir(t.file))).toBe(false);
    await t.open(t.file);
    await t.call('clients.create', { name: 'Beta Bank' });
    await t.call('clients.create', { name: 'Gamma Bank' });
    expect(listBackups(t.file)).toHaveLength(1);
    expect(clientNames(listBackups(t.file)[0])).toEqual(['Acme Bank']);
  });

  it('keeps the last five backups plus the newest of each of the last seven days', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'daily.offramp');
    let now = new Date('2026-11-01T09:00:00Z');
    const ws = new WorkspaceService({ actor: () => 'test', now: () => now });
    ws.open(file, true);
    ws.close();
    // Ten days, three sessions a day, each writing once.
    for (let day = 0; day < 10; day++) {
      for (const hour of [9, 13, 17]) {
        now = new Date(Date.UTC(2026, 10, 1 + day, hour));
        ws.open(file);
        await ws.prepareWrite();
        ws.mutate('add a client', (db, rec) => insertClient(db, rec, { name: `Client ${day}-${hour}`, notes: '' }));
        ws.close();
      }
    }
    const kept = listBackups(file).map((b) => path.basename(b).slice(0, 11));
    expect(kept).toEqual([
      '20261110-17', '20261110-13', '20261110-09', '20261109-17', '20261109-13', // the last five
      '20261108-17', '20261107-17', '20261106-17', '20261105-17', '20261104-17', // the newest of each other day of the week
    ]);
  });

  it('refuses the first change when its backup cannot be written, then backs up and writes on the next try', async () => {
    const t = await aWorkspace();
    open.push(t);
    await t.call('clients.create', { name: 'Acme Bank' });
    await t.call('workspace.close', {});
    await t.open(t.file);
    fs.writeFileSync(backupDir(t.file), 'a file where the backups folder should be');
    const error = await t.fail('clients.create', { name: 'Beta Bank' });
    expect(error).toMatchObject({ code: 'io', file: t.file });
    expect(error.message).toMatch(/could not back up workspace\.offramp before this change .*Nothing was changed/);
    expect((await t.call('clients.list', {})).map((c) => c.name)).toEqual(['Acme Bank']);
    fs.rmSync(backupDir(t.file));
    await t.call('clients.create', { name: 'Beta Bank' });
    expect(listBackups(t.file)).toHaveLength(1);
    expect(clientNames(listBackups(t.file)[0])).toEqual(['Acme Bank']);
  });
});
