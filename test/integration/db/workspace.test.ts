import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspaceFile, listBackups } from '../../../electron/db/open.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';
import { aWorkspace, type TestApp } from '../../support/app.ts';
import { tempDir } from '../../support/tmp.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});
async function workspace(): Promise<TestApp> {
  const t = await aWorkspace();
  open.push(t);
  return t;
}

function count(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('workspace file', () => {
  it('creates every table from an empty file, with WAL, foreign keys and the schema version', () => {
    const dir = tempDir();
    const { db, schemaVersion } = openWorkspaceFile(path.join(dir, 'new.offramp'), { create: true });
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['clients', 'workloads', 'job_profiles', 'contracts', 'commitments', 'commitment_workloads',
      'candidates', 'evaluation_rows', 'governance', 'sign_offs', 'policy', 'plan_snapshots', 'workshops', 'audit_log', 'overrides']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    db.close();
  });

  it('finds everything again after closing and reopening', async () => {
    const t = await workspace();
    const client = await t.call('clients.create', { name: 'Northwind Support' });
    await t.call('workloads.create', { clientId: client.id, name: 'Ticket triage', monthlyVolume: 1_200_000 });
    await t.call('workspace.close', {});
    await t.open(t.file);
    const workloads = await t.call('workloads.list', {});
    expect(workloads.map((w) => [w.name, w.monthlyVolume])).toEqual([['Ticket triage', 1_200_000]]);
    expect(await t.call('workspace.recent', {})).toContainEqual(expect.objectContaining({ name: 'workspace.offramp', folder: t.dir }));
  });

  it('refuses a damaged file with a message and offers the latest backup, which opens', async () => {
    const t = await workspace();
    await t.call('clients.create', { name: 'Acme Bank' });
    await t.call('workspace.close', {});
    await t.open(t.file);
    await t.call('clients.create', { name: 'Beta Bank' }); // the session's first write backs up the file holding Acme Bank
    await t.call('workspace.close', {});
    const bytes = fs.readFileSync(t.file);
    bytes.fill(0x41, 4096, Math.min(bytes.length, 4096 * 3));
    fs.writeFileSync(t.file, bytes);
    t.dialogAnswers.push(t.file);
    const error = await t.fail('workspace.open', {});
    expect(error.code).toBe('workspace_corrupt');
    expect(error.message).toMatch(/cannot be opened/);
    expect(error.message).toMatch(/latest good backup/);
    const info = await t.call('workspace.openLatestBackup', {});
    expect(info.path).not.toBe(t.file);
    expect((await t.call('clients.list', {})).map((c) => c.name)).toEqual(['Acme Bank']);
  });

  it('refuses a file that is not a database, naming it', async () => {
    const t = await workspace();
    const notes = path.join(t.dir, 'notes.offramp');
    fs.writeFileSync(notes, 'just some text, not a workspace');
    t.dialogAnswers.push(notes);
    const error = await t.fail('workspace.open', {});
    expect(error).toMatchObject({ code: 'workspace_corrupt', file: notes });
    expect(error.message).toMatch(/not an Offramp workspace/);
  });

  it('refuses a file made by a newer Offramp and leaves it untouched', async () => {
    const t = await workspace();
    await t.call('workspace.close', {});
    const db = new Database(t.file);
    db.pragma('user_version = 99');
    db.close();
    const before = fs.readFileSync(t.file);
    t.dialogAnswers.push(t.file);
    const error = await t.fail('workspace.open', {});
    expect(error.code).toBe('workspace_too_new');
    expect(error.message).toMatch(/newer Offramp.*Nothing was changed/);
    expect(fs.readFileSync(t.file).equals(before)).toBe(true);
  });

  it('takes a backup before running a migration', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.offramp');
    openWorkspaceFile(file, { create: true }).db.close();
    const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
    const next = [...MIGRATIONS, { version: latest + 1, name: 'test column', up: (db: Database.Database) => db.exec('ALTER TABLE clients ADD COLUMN colour TEXT') }];
    const { db, migrationBackup } = openWorkspaceFile(file, { migrations: next });
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 1);
    db.close();
    expect(migrationBackup).not.toBeNull();
    expect(listBackups(file)).toContain(migrationBackup);
    const backup = new Database(migrationBackup as string, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(latest);
    backup.close();
  });
});

describe('IPC payload validation', () => {
  it('rejects a bad payload with a field-level error and writes nothing', async () => {
    const t = await workspace();
    const client = await t.call('clients.create', { name: 'Acme Bank' });
    const auditBefore = count(t.file, 'audit_log');
    const error = await t.fail('workloads.create', { clientId: client.id, name: 'Fraud routing', baselineAccuracy: 1.5 });
    expect(error).toMatchObject({ code: 'invalid_payload', field: 'baselineAccuracy' });
    expect(error.message).toMatch(/0 to 1/);
    expect(count(t.file, 'workloads')).toBe(0);
    expect(count(t.file, 'audit_log')).toBe(auditBefore);
  });

  it('rejects an unknown client id without writing', async () => {
    const t = await workspace();
    const error = await t.fail('workloads.create', { clientId: 42, name: 'Orphan' });
    expect(error).toMatchObject({ code: 'invalid_payload', field: 'clientId' });
    expect(count(t.file, 'workloads')).toBe(0);
  });

  it('rejects an unknown channel', async () => {
    const t = await workspace();
    const error = await t.fail('workloads.dropEverything' as never, {});
    expect(error.message).toMatch(/Unknown channel/);
  });
});

describe('undo, redo and the audit log', () => {
  it('records who changed what, before and after', async () => {
    const t = await workspace();
    await t.call('preferences.update', { actorName: 'Dana (consultant)' });
    const client = await t.call('clients.create', { name: 'Acme' });
    await t.call('clients.update', { id: client.id, name: 'Acme Bank', notes: '' });
    const [update, create] = await t.call('audit.list', { limit: 2 });
    expect(update).toMatchObject({ actor: 'Dana (consultant)', action: 'update', entity: 'clients', entityId: String(client.id) });
    expect(update.before).toMatchObject({ name: 'Acme' });
    expect(update.after).toMatchObject({ name: 'Acme Bank' });
    expect(create).toMatchObject({ action: 'create', before: null });
  });

  it('undoes a client deletion with its workloads and commitment links, and redoes it', async () => {
    const t = await workspace();
    const client = await t.call('clients.create', { name: 'Acme Bank' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'Fraud routing' });
    await t.call('commitments.create', { clientId: client.id, customer: 'Retail arm', kind: 'latency', threshold: 300, workloadIds: [w.id] });
    await t.call('clients.delete', { id: client.id });
    expect(await t.call('workloads.list', {})).toEqual([]);
    expect(count(t.file, 'commitment_workloads')).toBe(0);
    const info = await t.call('history.undo', {});
    expect(info.canRedo).toBe(true);
    expect((await t.call('workloads.list', {})).map((x) => x.name)).toEqual(['Fraud routing']);
    expect((await t.call('commitments.list', {}))[0].workloadIds).toEqual([w.id]);
    await t.call('history.redo', {});
    expect(await t.call('clients.list', {})).toEqual([]);
    const actions = (await t.call('audit.list', { limit: 50 })).map((a) => a.action);
    expect(actions).toContain('undo');
    expect(actions).toContain('redo');
  });

  it('keeps a failed change out of the file and the undo stack', async () => {
    const t = await workspace();
    const client = await t.call('clients.create', { name: 'Acme Bank' });
    await t.fail('commitments.create', { clientId: client.id, customer: 'Retail', kind: 'accuracy', threshold: 0.9, workloadIds: [999] });
    expect(count(t.file, 'commitments')).toBe(0);
    await t.call('history.undo', {});
    expect(await t.call('clients.list', {})).toEqual([]);
  });
});
