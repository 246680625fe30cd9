// Paths belong to the main process: no channel takes a path from the renderer, a file is named only by a handle the
// user's own dialog produced, and Save a Copy never destroys a file that is not an Offramp workspace.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels } from '../../../shared/ipc/index.ts';
import { aWorkspace, type TestApp } from '../../support/app.ts';

const open: TestApp[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.app.close();
});
async function workspace(): Promise<TestApp> {
  const t = await aWorkspace();
  open.push(t);
  return t;
}

/** Every key of a payload schema, nested objects and arrays included. */
function keysOf(schema: z.ZodType, into: string[] = []): string[] {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; left?: z.ZodType; right?: z.ZodType; in?: z.ZodType } }).def;
  if (schema instanceof z.ZodObject) {
    for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      into.push(key);
      keysOf(value, into);
    }
  } else if (def.innerType) keysOf(def.innerType, into);
  else if (def.element) keysOf(def.element, into);
  else if (def.left && def.right) {
    keysOf(def.left, into);
    keysOf(def.right, into);
  } else if (def.in) keysOf(def.in, into);
  return into;
}

describe('paths stay in the main process', () => {
  it('declares no channel whose payload carries a path, a folder or a file name', () => {
    const offenders = Object.entries(channels)
      .filter(([, spec]) => keysOf(spec.payload as z.ZodType).some((k) => /^(path|paths|dir|folder|filePath|dest|destination)$/i.test(k)))
      .map(([name]) => name);
    expect(offenders).toEqual([]);
    // The walk does reach nested keys (else the check above could not fail).
    expect(keysOf(channels['imports.jobs.preview'].payload as z.ZodType)).toContain('files');
    expect(keysOf(channels['commitments.update'].payload as z.ZodType)).toEqual(expect.arrayContaining(['id', 'workloadIds']));
  });

  it('refuses a path passed where a file handle belongs, and a made-up handle', async () => {
    const t = await workspace();
    const secret = path.join(t.dir, 'secret.csv');
    fs.writeFileSync(secret, 'name\nAcme');
    for (const file of [secret, `0123456789abcdef01234567/${path.basename(secret)}`]) {
      const error = await t.fail('imports.spreadsheet.preview', { file, kind: 'workloads' });
      expect(error).toMatchObject({ code: 'invalid_payload', field: 'file' });
      expect(error.message).toMatch(/not chosen in this session/);
    }
    // What the user picked in the dialog is named by the handle the dialog gave back.
    t.dialogAnswers.push(secret);
    const handle = await t.call('imports.chooseFile', { kind: 'spreadsheet' });
    expect(handle).toMatch(/^[0-9a-f]{24}\/secret\.csv$/);
    expect(handle).not.toContain(t.dir);
    const preview = await t.call('imports.spreadsheet.preview', { file: handle as string, kind: 'workloads' });
    expect(preview.file).toBe(handle);
  });

  it('opens recent workspaces by id, never by path', async () => {
    const t = await workspace();
    await t.call('workspace.close', {});
    const [recent] = await t.call('workspace.recent', {});
    expect(recent).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), name: 'workspace.offramp', folder: t.dir });
    const info = await t.call('workspace.openRecent', { id: recent.id });
    expect(info.path).toBe(t.file);
    expect((await t.fail('workspace.openRecent', { id: '0000000000000000' })).code).toBe('not_found');
    expect((await t.fail('workspace.openRecent', { id: t.file })).code).toBe('invalid_payload');
  });
});

describe('Save a Copy', () => {
  it('refuses to replace a file that is not an Offramp workspace and leaves it as it was', async () => {
    const t = await workspace();
    for (const [name, content] of [['notes.txt', 'my notes'], ['other.sqlite', null]] as const) {
      const file = path.join(t.dir, name);
      if (content === null) {
        const db = new Database(file);
        db.exec('CREATE TABLE mine (x)');
        db.close();
      } else {
        fs.writeFileSync(file, content);
      }
      const before = fs.readFileSync(file);
      t.dialogAnswers.push(file);
      const error = await t.fail('workspace.saveCopy', {});
      expect(error).toMatchObject({ code: 'conflict', file });
      expect(error.message).toMatch(/not an Offramp workspace/);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
  });

  it('replaces an older Offramp copy whole, leaving no temporary file behind', async () => {
    const t = await workspace();
    const copy = path.join(t.dir, 'copy.offramp');
    t.dialogAnswers.push(copy);
    await t.call('workspace.saveCopy', {});
    await t.call('clients.create', { name: 'Acme Bank' });
    t.dialogAnswers.push(copy);
    expect(await t.call('workspace.saveCopy', {})).toEqual({ path: copy });
    const db = new Database(copy, { readonly: true });
    expect((db.prepare('SELECT name FROM clients').all() as { name: string }[]).map((r) => r.name)).toEqual(['Acme Bank']);
    db.close();
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('refuses the open workspace itself as the copy', async () => {
    const t = await workspace();
    t.dialogAnswers.push(t.file);
    expect((await t.fail('workspace.saveCopy', {})).code).toBe('conflict');
  });

  it('does nothing when the user cancels the dialog', async () => {
    const t = await workspace();
    t.dialogAnswers.push(null);
    expect(await t.call('workspace.saveCopy', {})).toBeNull();
  });
});
